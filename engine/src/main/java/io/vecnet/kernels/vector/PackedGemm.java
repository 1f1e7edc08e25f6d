package io.vecnet.kernels.vector;

import static io.vecnet.kernels.vector.VectorMath.LANES;
import static io.vecnet.kernels.vector.VectorMath.SPECIES;

import io.vecnet.kernels.MatmulForm;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/**
 * Goto-style GEMM. B is packed KC x NC at a time into panels NR columns wide, A into panels MR rows
 * tall; a 4 x 4-vector micro-kernel keeps 16 accumulators in registers while it walks one A panel
 * (in L1) against the B panels (in L2). Packing reads the operands in whatever layout the form
 * names, so the transposed forms cost no extra pass. Partial sums of each KC block are added to
 * C in block order, which fixes the summation order whatever the tier.
 */
final class PackedGemm {
    static final int MR = 4;
    static final int NR = 4 * LANES;
    static final int KC = 256;
    static final int NC = 512 / NR * NR;

    private PackedGemm() {
    }

    static void multiply(MatmulForm form, float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        if (!accumulate) {
            Arrays.fill(c, 0, m * n, 0f);
        }
        int mPadded = (m + MR - 1) / MR * MR;
        float[] aPack = Scratch.get(Scratch.Slot.A, mPadded * Math.min(KC, k));
        float[] bPack = Scratch.get(Scratch.Slot.B, Math.min(KC, k) * NC);
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                packB(form, b, k, n, pc, kc, jc, nc, bPack);
                packA(form, a, m, k, pc, kc, aPack);
                for (int ir = 0; ir < m; ir += MR) {
                    for (int jr = 0; jr < nc; jr += NR) {
                        microKernel(aPack, ir * kc, bPack, jr * kc, kc, c, ir, jc + jr, m, n);
                    }
                }
            }
        }
    }

    /** bPack[panel][p][0..NR): B(pc + p, jc + panel·NR + col), zero beyond n. */
    private static void packB(MatmulForm form, float[] b, int k, int n, int pc, int kc, int jc, int nc, float[] bPack) {
        for (int jr = 0; jr < nc; jr += NR) {
            int width = Math.min(NR, nc - jr);
            int panel = jr * kc;
            for (int p = 0; p < kc; p++) {
                int dst = panel + p * NR;
                if (form == MatmulForm.ABT) {
                    for (int col = 0; col < width; col++) {
                        bPack[dst + col] = b[(jc + jr + col) * k + pc + p];
                    }
                } else {
                    System.arraycopy(b, (pc + p) * n + jc + jr, bPack, dst, width);
                }
                Arrays.fill(bPack, dst + width, dst + NR, 0f);
            }
        }
    }

    /** aPack[panel][p][0..MR): A(panel·MR + r, pc + p), zero beyond m. */
    private static void packA(MatmulForm form, float[] a, int m, int k, int pc, int kc, float[] aPack) {
        for (int ir = 0; ir < m; ir += MR) {
            int height = Math.min(MR, m - ir);
            int panel = ir * kc;
            for (int p = 0; p < kc; p++) {
                int dst = panel + p * MR;
                for (int r = 0; r < height; r++) {
                    aPack[dst + r] = a[form.aIndex(ir + r, pc + p, m, k)];
                }
                for (int r = height; r < MR; r++) {
                    aPack[dst + r] = 0f;
                }
            }
        }
    }

    private static void microKernel(float[] aPack, int aPanel, float[] bPack, int bPanel, int kc,
                                    float[] c, int i0, int j0, int m, int n) {
        FloatVector c00 = FloatVector.zero(SPECIES), c01 = c00, c02 = c00, c03 = c00;
        FloatVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        FloatVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        for (int p = 0, ai = aPanel, bi = bPanel; p < kc; p++, ai += MR, bi += NR) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, bPack, bi);
            FloatVector b1 = FloatVector.fromArray(SPECIES, bPack, bi + LANES);
            FloatVector b2 = FloatVector.fromArray(SPECIES, bPack, bi + 2 * LANES);
            FloatVector b3 = FloatVector.fromArray(SPECIES, bPack, bi + 3 * LANES);
            FloatVector a0 = FloatVector.broadcast(SPECIES, aPack[ai]);
            c00 = b0.fma(a0, c00);
            c01 = b1.fma(a0, c01);
            c02 = b2.fma(a0, c02);
            c03 = b3.fma(a0, c03);
            FloatVector a1 = FloatVector.broadcast(SPECIES, aPack[ai + 1]);
            c10 = b0.fma(a1, c10);
            c11 = b1.fma(a1, c11);
            c12 = b2.fma(a1, c12);
            c13 = b3.fma(a1, c13);
            FloatVector a2 = FloatVector.broadcast(SPECIES, aPack[ai + 2]);
            c20 = b0.fma(a2, c20);
            c21 = b1.fma(a2, c21);
            c22 = b2.fma(a2, c22);
            c23 = b3.fma(a2, c23);
            FloatVector a3 = FloatVector.broadcast(SPECIES, aPack[ai + 3]);
            c30 = b0.fma(a3, c30);
            c31 = b1.fma(a3, c31);
            c32 = b2.fma(a3, c32);
            c33 = b3.fma(a3, c33);
        }
        if (i0 + MR <= m && j0 + NR <= n) {
            addRow(c, i0 * n + j0, c00, c01, c02, c03);
            addRow(c, (i0 + 1) * n + j0, c10, c11, c12, c13);
            addRow(c, (i0 + 2) * n + j0, c20, c21, c22, c23);
            addRow(c, (i0 + 3) * n + j0, c30, c31, c32, c33);
        } else {
            float[] tile = Scratch.get(Scratch.Slot.C, MR * NR);
            storeRow(tile, 0, c00, c01, c02, c03);
            storeRow(tile, NR, c10, c11, c12, c13);
            storeRow(tile, 2 * NR, c20, c21, c22, c23);
            storeRow(tile, 3 * NR, c30, c31, c32, c33);
            addEdgeTile(tile, c, i0, j0, m, n);
        }
    }

    private static void addRow(float[] c, int index, FloatVector v0, FloatVector v1, FloatVector v2, FloatVector v3) {
        FloatVector.fromArray(SPECIES, c, index).add(v0).intoArray(c, index);
        FloatVector.fromArray(SPECIES, c, index + LANES).add(v1).intoArray(c, index + LANES);
        FloatVector.fromArray(SPECIES, c, index + 2 * LANES).add(v2).intoArray(c, index + 2 * LANES);
        FloatVector.fromArray(SPECIES, c, index + 3 * LANES).add(v3).intoArray(c, index + 3 * LANES);
    }

    private static void storeRow(float[] tile, int index, FloatVector v0, FloatVector v1, FloatVector v2, FloatVector v3) {
        v0.intoArray(tile, index);
        v1.intoArray(tile, index + LANES);
        v2.intoArray(tile, index + 2 * LANES);
        v3.intoArray(tile, index + 3 * LANES);
    }

    private static void addEdgeTile(float[] tile, float[] c, int i0, int j0, int m, int n) {
        int rows = Math.min(MR, m - i0);
        int cols = Math.min(NR, n - j0);
        for (int r = 0; r < rows; r++) {
            for (int col = 0; col < cols; col++) {
                c[(i0 + r) * n + j0 + col] += tile[r * NR + col];
            }
        }
    }
}
