package io.vecnet.kernels.vector;

import static io.vecnet.kernels.vector.VectorMath.LANES;
import static io.vecnet.kernels.vector.VectorMath.SPECIES;

import io.vecnet.kernels.MatmulForm;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * {@code C[i, j] = A[i, :] · Bᵀ[j, :]}: dot products of contiguous rows, four outputs at a time,
 * reduced together in a fixed lane-folding order. Natural for A·Bᵀ; the other forms first
 * transpose into scratch, which is cheap when the output is narrow (n = classes).
 */
final class DotProductMatmul {
    private DotProductMatmul() {
    }

    static void multiply(MatmulForm form, float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset,
                         int m, int k, int n, boolean accumulate) {
        if (form == MatmulForm.ATB) {
            a = Scratch.transpose(Scratch.Slot.A, a, aOffset, k, m);
            aOffset = 0;
        }
        if (form != MatmulForm.ABT) {
            b = Scratch.transpose(Scratch.Slot.B, b, bOffset, k, n);
            bOffset = 0;
        }
        float[] lanes = Scratch.get(Scratch.Slot.C, 4 * LANES);
        float[] sums = new float[4];
        for (int i = 0; i < m; i++) {
            int cRow = cOffset + i * n;
            for (int j = 0; j < n; j += 4) {
                fourDots(a, aOffset + i * k, b, bOffset, j, n, k, lanes);
                VectorMath.sumLanes4(lanes, sums);
                for (int q = 0; q < 4 && j + q < n; q++) {
                    int index = cRow + j + q;
                    c[index] = accumulate ? c[index] + sums[q] : sums[q];
                }
            }
        }
    }

    /**
     * Lane-wise dots of A's row at aRow with rows j..j+3 of the n x k matrix at bOffset (repeating row n-1
     * past n) into lanes.
     */
    private static void fourDots(float[] a, int aRow, float[] b, int bOffset, int j, int n, int k, float[] lanes) {
        int b0 = bOffset + j * k;
        int b1 = bOffset + Math.min(j + 1, n - 1) * k;
        int b2 = bOffset + Math.min(j + 2, n - 1) * k;
        int b3 = bOffset + Math.min(j + 3, n - 1) * k;
        FloatVector s0 = FloatVector.zero(SPECIES), s1 = s0, s2 = s0, s3 = s0;
        int p = 0;
        for (int whole = SPECIES.loopBound(k); p < whole; p += LANES) {
            FloatVector av = FloatVector.fromArray(SPECIES, a, aRow + p);
            s0 = FloatVector.fromArray(SPECIES, b, b0 + p).fma(av, s0);
            s1 = FloatVector.fromArray(SPECIES, b, b1 + p).fma(av, s1);
            s2 = FloatVector.fromArray(SPECIES, b, b2 + p).fma(av, s2);
            s3 = FloatVector.fromArray(SPECIES, b, b3 + p).fma(av, s3);
        }
        if (p < k) {
            VectorMask<Float> tail = SPECIES.indexInRange(p, k);
            FloatVector av = FloatVector.fromArray(SPECIES, a, aRow + p, tail);
            s0 = FloatVector.fromArray(SPECIES, b, b0 + p, tail).fma(av, s0);
            s1 = FloatVector.fromArray(SPECIES, b, b1 + p, tail).fma(av, s1);
            s2 = FloatVector.fromArray(SPECIES, b, b2 + p, tail).fma(av, s2);
            s3 = FloatVector.fromArray(SPECIES, b, b3 + p, tail).fma(av, s3);
        }
        s0.intoArray(lanes, 0);
        s1.intoArray(lanes, LANES);
        s2.intoArray(lanes, 2 * LANES);
        s3.intoArray(lanes, 3 * LANES);
    }
}
