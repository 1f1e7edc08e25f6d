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

/** C = A·B for square n x n operands of standard-normal values; 2n³ floating-point operations. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 300, timeUnit = TimeUnit.MILLISECONDS)
public abstract class SquareMatmulBenchmark {
    @Param({"64", "128", "256", "512", "1024"})
    public int n;

    private Kernels kernels;
    private SquareProduct product;

    abstract Backend backend();

    @Setup
    public void setUp() {
        kernels = BenchJvm.kernels(backend());
        product = new SquareProduct(n);
    }

    @Benchmark
    public float[] matmul() {
        return product.multiply(kernels);
    }

    @Fork(value = 3, jvmArgs = {BenchJvm.SERIAL_GC, BenchJvm.HEAP}, jvmArgsAppend = BenchJvm.VECTOR_MODULE)
    public static class Vector extends SquareMatmulBenchmark {
        @Override
        Backend backend() {
            return Backend.VECTOR;
        }
    }

    @Fork(value = 3, jvmArgs = {BenchJvm.SERIAL_GC, BenchJvm.HEAP, BenchJvm.SCALAR_PROPERTY})
    public static class Scalar extends SquareMatmulBenchmark {
        @Override
        Backend backend() {
            return Backend.SCALAR;
        }
    }
}
