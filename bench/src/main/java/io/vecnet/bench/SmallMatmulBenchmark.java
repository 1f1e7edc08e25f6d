package io.vecnet.bench;

import io.vecnet.data.Rng;
import io.vecnet.kernels.Backend;
import io.vecnet.kernels.Kernels;
import io.vecnet.kernels.MatmulForm;
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

/**
 * The products of one training step on small data: iris's 108-row batch through 4 -> 100 -> 3 and
 * digits' 200-row batches through 64 -> 100 -> 10, each named {@code FORM MxKxN} as
 * {@code Kernels.matmul} takes them (forward A·B, weight gradients Aᵀ·B, back-propagation A·Bᵀ).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 300, timeUnit = TimeUnit.MILLISECONDS)
public abstract class SmallMatmulBenchmark {
    @Param({"AB 108x4x100", "AB 108x100x3", "ATB 100x108x3", "ABT 108x3x100", "ATB 4x108x100",
            "AB 200x64x100", "AB 200x100x10", "ATB 100x200x10", "ABT 200x10x100", "ATB 64x200x100"})
    public String product;

    private Kernels kernels;
    private MatmulForm form;
    private int m;
    private int k;
    private int n;
    private float[] a;
    private float[] b;
    private float[] c;

    abstract Backend backend();

    @Setup
    public void setUp() {
        kernels = BenchJvm.kernels(backend());
        String[] parts = product.split(" ");
        form = MatmulForm.valueOf(parts[0]);
        String[] sizes = parts[1].split("x");
        m = Integer.parseInt(sizes[0]);
        k = Integer.parseInt(sizes[1]);
        n = Integer.parseInt(sizes[2]);
        Rng rng = new Rng(CaseStudy.SEED);
        a = new float[m * k];
        b = new float[k * n];
        c = new float[m * n];
        rng.fillGaussian(a, 1f);
        rng.fillGaussian(b, 1f);
    }

    @Benchmark
    public float[] matmul() {
        kernels.matmul(form, a, b, c, m, k, n, false);
        return c;
    }

    @Fork(value = 2, jvmArgs = {BenchJvm.SERIAL_GC, BenchJvm.HEAP}, jvmArgsAppend = BenchJvm.VECTOR_MODULE)
    public static class Vector extends SmallMatmulBenchmark {
        @Override
        Backend backend() {
            return Backend.VECTOR;
        }
    }

    @Fork(value = 2, jvmArgs = {BenchJvm.SERIAL_GC, BenchJvm.HEAP, BenchJvm.SCALAR_PROPERTY})
    public static class Scalar extends SmallMatmulBenchmark {
        @Override
        Backend backend() {
            return Backend.SCALAR;
        }
    }
}
