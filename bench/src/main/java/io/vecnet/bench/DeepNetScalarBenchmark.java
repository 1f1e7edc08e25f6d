package io.vecnet.bench;

import io.vecnet.kernels.Backend;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The scalar kernels on the deeper net's mini-batch-sized step (256 rows of 784 -> 256 -> 128 -> 10),
 * the counterpart of {@link LargeWorkloadBenchmark}'s {@code deep-batch} row; its full-batch step
 * takes the scalar kernels tens of seconds and is timed with {@code bench/compare} instead.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(value = 2, jvmArgs = {BenchJvm.SERIAL_GC, "-Xmx3g", BenchJvm.SCALAR_PROPERTY})
public class DeepNetScalarBenchmark {
    private TrainingStep step;

    @Setup
    public void setUp() {
        CompareMain.Workload deepBatch = CompareMain.Workload.DEEP_BATCH;
        step = new TrainingStep(deepBatch.build(), deepBatch.config.l2(), deepBatch.step,
                BenchJvm.kernels(Backend.SCALAR));
    }

    @Benchmark
    public float deepBatchIteration() {
        return step.run();
    }
}
