package io.vecnet.bench;

import io.vecnet.kernels.Backend;
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
 * One training step of the large workloads of {@code bench/compare}, on the vector kernels with 1 and
 * 2 threads: the 30,000-point spiral (h = 100, the fused pass), a 60000x784 -> 256 -> 10 network on
 * random data (the packed GEMM), the deeper 60000x784 -> 256 -> 128 -> 10 (generic backprop) at full
 * batch, and the same net on a mini-batch-sized 256 rows. Parameters keep training from one call to
 * the next, as in a real run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public abstract class LargeWorkloadBenchmark {
    @Param({"big-spiral", "mnist-shaped", "deep-full", "deep-batch"})
    public String workload;

    @Param({"1", "2"})
    public int threads;

    private TrainingStep step;

    @Setup
    public void setUp() {
        CompareMain.Workload chosen = CompareMain.Workload.parse(workload);
        step = new TrainingStep(chosen.build(), chosen.config.l2(), chosen.step,
                BenchJvm.kernels(Backend.VECTOR, threads));
    }

    @Benchmark
    public float largeIteration() {
        return step.run();
    }

    @Fork(value = 3, jvmArgs = {BenchJvm.SERIAL_GC, "-Xmx3g"}, jvmArgsAppend = BenchJvm.VECTOR_MODULE)
    public static class Vector extends LargeWorkloadBenchmark {
    }
}
