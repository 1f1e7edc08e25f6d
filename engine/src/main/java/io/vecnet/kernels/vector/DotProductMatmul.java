package io.vecnet.kernels.vector;

import static io.vecnet.kernels.vector.VectorMath.LANES;
import static io.vecnet.kernels.vector.VectorMath.SPECIES;
import static io.vecnet.kernels.vector.VectorMath.sumLanes;

import io.vecnet.kernels.MatmulForm;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * {@code C[i, j] = A[i, :] · Bᵀ[j, :]}: dot products of contiguous rows, four outputs at a time,
 * each reduced with a fixed lane-folding order. Natural for A·Bᵀ; the other forms first
 * transpose into scratch, which is cheap when the output is narrow (n = classes).
 */
final class DotProductMatmul {
    private DotProductMatmul() {
    }

    static void multiply(MatmulForm form, float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        if (form == MatmulForm.ATB) {
            a = Scratch.transpose(Scratch.Slot.A, a, k, m);
        }
        if (form != MatmulForm.ABT) {
            b = Scratch.transpose(Scratch.Slot.B, b, k, n);
        }
        for (int i = 0; i < m; i++) {
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                fourDots(a, i * k, b, j * k, c, i * n + j, k, accumulate);
            }
            for (; j < n; j++) {
                float dot = dot(a, i * k, b, j * k, k);
                c[i * n + j] = accumulate ? c[i * n + j] + dot : dot;
            }
        }
    }

    private static void fourDots(float[] a, int aRow, float[] b, int bRow, float[] c, int cIndex,
                                 int k, boolean accumulate) {
        FloatVector s0 = FloatVector.zero(SPECIES), s1 = s0, s2 = s0, s3 = s0;
        for (int p = 0; p < k; p += LANES) {
            VectorMask<Float> mask = SPECIES.indexInRange(p, k);
            FloatVector av = FloatVector.fromArray(SPECIES, a, aRow + p, mask);
            s0 = FloatVector.fromArray(SPECIES, b, bRow + p, mask).fma(av, s0);
            s1 = FloatVector.fromArray(SPECIES, b, bRow + k + p, mask).fma(av, s1);
            s2 = FloatVector.fromArray(SPECIES, b, bRow + 2 * k + p, mask).fma(av, s2);
            s3 = FloatVector.fromArray(SPECIES, b, bRow + 3 * k + p, mask).fma(av, s3);
        }
        c[cIndex] = sumLanes(s0) + (accumulate ? c[cIndex] : 0f);
        c[cIndex + 1] = sumLanes(s1) + (accumulate ? c[cIndex + 1] : 0f);
        c[cIndex + 2] = sumLanes(s2) + (accumulate ? c[cIndex + 2] : 0f);
        c[cIndex + 3] = sumLanes(s3) + (accumulate ? c[cIndex + 3] : 0f);
    }

    private static float dot(float[] a, int aRow, float[] b, int bRow, int k) {
        FloatVector sum = FloatVector.zero(SPECIES);
        for (int p = 0; p < k; p += LANES) {
            VectorMask<Float> mask = SPECIES.indexInRange(p, k);
            sum = FloatVector.fromArray(SPECIES, b, bRow + p, mask).fma(FloatVector.fromArray(SPECIES, a, aRow + p, mask), sum);
        }
        return sumLanes(sum);
    }
}
