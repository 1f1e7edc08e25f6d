package io.vecnet.bench;

import io.vecnet.data.Rng;
import io.vecnet.kernels.Kernels;
import io.vecnet.kernels.MatmulForm;

/** C = A·B for n x n operands of standard-normal values, the same for every benchmark and tool. */
final class SquareProduct {
    private final int n;
    private final float[] a;
    private final float[] b;
    private final float[] c;

    SquareProduct(int n) {
        this.n = n;
        Rng rng = new Rng(CaseStudy.SEED);
        a = new float[n * n];
        b = new float[n * n];
        c = new float[n * n];
        rng.fillGaussian(a, 1f);
        rng.fillGaussian(b, 1f);
    }

    /** Computes C and returns it (for JMH to consume). */
    float[] multiply(Kernels kernels) {
        kernels.matmul(MatmulForm.AB, a, b, c, n, n, n, false);
        return c;
    }
}
