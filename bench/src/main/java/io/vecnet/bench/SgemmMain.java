package io.vecnet.bench;

import io.vecnet.data.Rng;
import io.vecnet.kernels.Backend;
import io.vecnet.kernels.Kernels;
import io.vecnet.kernels.MatmulForm;
import java.util.Arrays;
import java.util.Locale;

/**
 * vecnet's side of {@code bench/sgemm}: C = A·B for n x n standard-normal operands on the vector
 * kernels with a given thread count; warms up until C2 has compiled the kernel, then prints the
 * median seconds of one product as {@code seconds per matmul: S}.
 */
public final class SgemmMain {
    private static final double WARM_UP_SECONDS = 2.0;

    private SgemmMain() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: SgemmMain N THREADS REPEATS");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        int repeats = Integer.parseInt(args[2]);
        Kernels kernels = BenchJvm.kernels(Backend.VECTOR, threads);
        Rng rng = new Rng(CaseStudy.SEED);
        float[] a = new float[n * n];
        float[] b = new float[n * n];
        float[] c = new float[n * n];
        rng.fillGaussian(a, 1f);
        rng.fillGaussian(b, 1f);
        long warmUpEnd = System.nanoTime() + (long) (WARM_UP_SECONDS * 1e9);
        while (System.nanoTime() < warmUpEnd) {
            kernels.matmul(MatmulForm.AB, a, b, c, n, n, n, false);
        }
        double[] seconds = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            kernels.matmul(MatmulForm.AB, a, b, c, n, n, n, false);
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        System.out.printf(Locale.ROOT, "seconds per matmul: %.9f%n", seconds[repeats / 2]);
    }
}
