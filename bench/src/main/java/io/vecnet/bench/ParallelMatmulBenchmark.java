package io.vecnet.bench;

import io.vecnet.kernels.Backend;
import io.vecnet.kernels.Kernels;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The vector kernels' square A·B on 1 and 2 threads, side by side: how far splitting a product pays. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 300, timeUnit = TimeUnit.MILLISECONDS)
public abstract class ParallelMatmulBenchmark {
    @Param({"256", "512", "1024"})
    public int n;

    @Param({"1", "2"})
    public int threads;

    private Kernels kernels;
    private SquareProduct product;

    @Setup
    public void setUp() {
        kernels = BenchJvm.kernels(Backend.VECTOR, threads);
        product = new SquareProduct(n);
    }

    @Benchmark
    public float[] parallelMatmul() {
        return product.multiply(kernels);
    }

    @Fork(value = 3, jvmArgs = {BenchJvm.SERIAL_GC, BenchJvm.HEAP}, jvmArgsAppend = BenchJvm.VECTOR_MODULE)
    public static class Vector extends ParallelMatmulBenchmark {
    }
}
