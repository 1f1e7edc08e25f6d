package io.vecnet.bench;

import io.vecnet.kernels.Backend;
import io.vecnet.kernels.Kernels;
import io.vecnet.kernels.vector.CacheSizes;
import java.util.Arrays;
import java.util.Locale;

/**
 * vecnet's side of {@code bench/sgemm}: C = A·B for n x n standard-normal operands on the vector
 * kernels with a given thread count; warms up until C2 has compiled the kernel, then prints the
 * median seconds of one product as {@code seconds per matmul: S}, then a line naming the kernels,
 * the cache sizes the packed GEMM's blocks come from and the JDK.
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
        SquareProduct product = new SquareProduct(n);
        long warmUpEnd = System.nanoTime() + (long) (WARM_UP_SECONDS * 1e9);
        while (System.nanoTime() < warmUpEnd) {
            product.multiply(kernels);
        }
        double[] seconds = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            product.multiply(kernels);
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        System.out.printf(Locale.ROOT, "seconds per matmul: %.9f%n", seconds[repeats / 2]);
        System.out.println("vecnet: " + kernels.description() + ", " + CacheSizes.detect()
                + ", JDK " + Runtime.version());
    }
}
