package io.vecnet.kernels.vector;

import static io.vecnet.kernels.vector.VectorMath.LANES;
import static io.vecnet.kernels.vector.VectorMath.SPECIES;

import io.vecnet.kernels.MatmulForm;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * {@code C[i, j..j+4L) = Σ_p A(i, p) · B[p, j..j+4L)}: four vectors of a row of C stay in registers
 * while B is streamed row by row. A is only read one scalar at a time, so Aᵀ·B costs nothing extra.
 * Each output accumulates over p in order with one fma per term, exactly as the scalar kernel
 * does, so for A·B and Aᵀ·B this variant gives the scalar backend's bits.
 */
final class RowStreamingMatmul {
    private static final int BLOCK = 4 * LANES;

    private RowStreamingMatmul() {
    }

    static void multiply(MatmulForm form, float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset,
                         int m, int k, int n, boolean accumulate) {
        multiply(form, a, aOffset, b, bOffset, c, cOffset, m, k, n, accumulate,
                GemmBlocking.DETECTED.streamedRows(n));
    }

    /**
     * {@link #multiply} taking B {@code chunkRows} rows at a time: every row of C passes over one chunk
     * before the next, so that a deep B is read from memory once and then from level 2 for each row
     * pair and column block, rather than from memory each time (an Aᵀ·B of 10 x 60000 x 128 read its
     * 31 MB B ten times). C's elements carry from chunk to chunk through memory, unrounded, so the
     * sums keep their order and bits.
     */
    static void multiply(MatmulForm form, float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset,
                         int m, int k, int n, boolean accumulate, int chunkRows) {
        if (form == MatmulForm.ABT) {
            b = Scratch.transpose(Scratch.Slot.B, b, bOffset, n, k);
            bOffset = 0;
        }
        int aRowStart = form == MatmulForm.ATB ? 1 : k;
        int aStep = form == MatmulForm.ATB ? m : 1;
        int p0 = 0;
        do {
            int depth = Math.min(chunkRows, k - p0);
            multiplyChunk(a, aOffset + p0 * aStep, aRowStart, aStep, b, bOffset + p0 * n, c, cOffset, m, depth, n,
                    accumulate || p0 > 0);
            p0 += depth;
        } while (p0 < k);
    }

    /** C (+)= the product over {@code depth} rows of B, A's element (i, p) at aStart + i·aRowStart + p·aStep. */
    private static void multiplyChunk(float[] a, int aStart, int aRowStart, int aStep, float[] b, int bStart,
                                      float[] c, int cOffset, int m, int depth, int n, boolean accumulate) {
        int i = 0;
        for (; i + 2 <= m; i += 2) {
            int aRow = aStart + i * aRowStart;
            int cRow = cOffset + i * n;
            int j = 0;
            for (; j + BLOCK <= n; j += BLOCK) {
                fourVectorsOfTwoRows(a, aRow, aRow + aRowStart, aStep, b, bStart + j, c, cRow + j, depth, n,
                        accumulate);
            }
            for (; j < n; j += LANES) {
                oneVector(a, aRow, aStep, b, bStart + j, c, cRow + j, j, depth, n, accumulate);
                oneVector(a, aRow + aRowStart, aStep, b, bStart + j, c, cRow + n + j, j, depth, n, accumulate);
            }
        }
        for (; i < m; i++) {
            int aRow = aStart + i * aRowStart;
            int cRow = cOffset + i * n;
            int j = 0;
            for (; j + BLOCK <= n; j += BLOCK) {
                fourVectors(a, aRow, aStep, b, bStart + j, c, cRow + j, depth, n, accumulate);
            }
            for (; j < n; j += LANES) {
                oneVector(a, aRow, aStep, b, bStart + j, c, cRow + j, j, depth, n, accumulate);
            }
        }
    }

    /**
     * Cᵀ = op(B)ᵀ · op(A)ᵀ by row streaming, then C (+)= that transpose. For Aᵀ·B with few output
     * columns this streams along the contiguous rows of A rather than transposing it.
     */
    static void multiplyTransposedOutput(MatmulForm form, float[] a, int aOffset, float[] b, int bOffset,
                                         float[] c, int cOffset, int m, int k, int n, boolean accumulate) {
        float[] ct = Scratch.get(Scratch.Slot.C, n * m);
        switch (form) {
            case ATB -> multiply(MatmulForm.ATB, b, bOffset, a, aOffset, ct, 0, n, k, m, false);
            case AB -> multiply(MatmulForm.ATB, b, bOffset, Scratch.transpose(Scratch.Slot.A, a, aOffset, m, k), 0,
                    ct, 0, n, k, m, false);
            case ABT -> multiply(MatmulForm.ABT, b, bOffset, a, aOffset, ct, 0, n, k, m, false);
        }
        for (int i = 0; i < m; i++) {
            int cRow = cOffset + i * n;
            for (int j = 0; j < n; j++) {
                float v = ct[j * m + i];
                c[cRow + j] = accumulate ? c[cRow + j] + v : v;
            }
        }
    }

    private static void fourVectors(float[] a, int aStart, int aStep, float[] b, int bStart, float[] c, int cIndex,
                                    int k, int n, boolean accumulate) {
        FloatVector c0, c1, c2, c3;
        if (accumulate) {
            c0 = FloatVector.fromArray(SPECIES, c, cIndex);
            c1 = FloatVector.fromArray(SPECIES, c, cIndex + LANES);
            c2 = FloatVector.fromArray(SPECIES, c, cIndex + 2 * LANES);
            c3 = FloatVector.fromArray(SPECIES, c, cIndex + 3 * LANES);
        } else {
            c0 = c1 = c2 = c3 = FloatVector.zero(SPECIES);
        }
        for (int p = 0, bIndex = bStart; p < k; p++, bIndex += n) {
            FloatVector aip = FloatVector.broadcast(SPECIES, a[aStart + p * aStep]);
            c0 = FloatVector.fromArray(SPECIES, b, bIndex).fma(aip, c0);
            c1 = FloatVector.fromArray(SPECIES, b, bIndex + LANES).fma(aip, c1);
            c2 = FloatVector.fromArray(SPECIES, b, bIndex + 2 * LANES).fma(aip, c2);
            c3 = FloatVector.fromArray(SPECIES, b, bIndex + 3 * LANES).fma(aip, c3);
        }
        c0.intoArray(c, cIndex);
        c1.intoArray(c, cIndex + LANES);
        c2.intoArray(c, cIndex + 2 * LANES);
        c3.intoArray(c, cIndex + 3 * LANES);
    }

    /**
     * {@link #fourVectors} for two rows of C at once (rows i and i + 1, the second's A elements from
     * aStart1, its C block n floats after the first's), so that B is streamed once for both: an Aᵀ·B
     * of 128 x 60000 x 10 (taken as its transposed output) read a 31 MB operand ten times.
     */
    private static void fourVectorsOfTwoRows(float[] a, int aStart0, int aStart1, int aStep, float[] b, int bStart,
                                             float[] c, int cIndex, int k, int n, boolean accumulate) {
        FloatVector c00, c01, c02, c03, c10, c11, c12, c13;
        if (accumulate) {
            c00 = FloatVector.fromArray(SPECIES, c, cIndex);
            c01 = FloatVector.fromArray(SPECIES, c, cIndex + LANES);
            c02 = FloatVector.fromArray(SPECIES, c, cIndex + 2 * LANES);
            c03 = FloatVector.fromArray(SPECIES, c, cIndex + 3 * LANES);
            c10 = FloatVector.fromArray(SPECIES, c, cIndex + n);
            c11 = FloatVector.fromArray(SPECIES, c, cIndex + n + LANES);
            c12 = FloatVector.fromArray(SPECIES, c, cIndex + n + 2 * LANES);
            c13 = FloatVector.fromArray(SPECIES, c, cIndex + n + 3 * LANES);
        } else {
            c00 = c01 = c02 = c03 = c10 = c11 = c12 = c13 = FloatVector.zero(SPECIES);
        }
        for (int p = 0, bIndex = bStart; p < k; p++, bIndex += n) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, bIndex);
            FloatVector b1 = FloatVector.fromArray(SPECIES, b, bIndex + LANES);
            FloatVector b2 = FloatVector.fromArray(SPECIES, b, bIndex + 2 * LANES);
            FloatVector b3 = FloatVector.fromArray(SPECIES, b, bIndex + 3 * LANES);
            FloatVector a0 = FloatVector.broadcast(SPECIES, a[aStart0 + p * aStep]);
            c00 = b0.fma(a0, c00);
            c01 = b1.fma(a0, c01);
            c02 = b2.fma(a0, c02);
            c03 = b3.fma(a0, c03);
            FloatVector a1 = FloatVector.broadcast(SPECIES, a[aStart1 + p * aStep]);
            c10 = b0.fma(a1, c10);
            c11 = b1.fma(a1, c11);
            c12 = b2.fma(a1, c12);
            c13 = b3.fma(a1, c13);
        }
        c00.intoArray(c, cIndex);
        c01.intoArray(c, cIndex + LANES);
        c02.intoArray(c, cIndex + 2 * LANES);
        c03.intoArray(c, cIndex + 3 * LANES);
        c10.intoArray(c, cIndex + n);
        c11.intoArray(c, cIndex + n + LANES);
        c12.intoArray(c, cIndex + n + 2 * LANES);
        c13.intoArray(c, cIndex + n + 3 * LANES);
    }

    private static void oneVector(float[] a, int aStart, int aStep, float[] b, int bStart, float[] c, int cIndex,
                                  int j, int k, int n, boolean accumulate) {
        VectorMask<Float> mask = SPECIES.indexInRange(j, n);
        FloatVector acc = accumulate ? FloatVector.fromArray(SPECIES, c, cIndex, mask) : FloatVector.zero(SPECIES);
        for (int p = 0, bIndex = bStart; p < k; p++, bIndex += n) {
            FloatVector aip = FloatVector.broadcast(SPECIES, a[aStart + p * aStep]);
            acc = FloatVector.fromArray(SPECIES, b, bIndex, mask).fma(aip, acc);
        }
        acc.intoArray(c, cIndex, mask);
    }
}
