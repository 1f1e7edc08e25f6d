package io.vecnet.bench;

import io.vecnet.kernels.Backend;
import io.vecnet.kernels.Kernels;
import io.vecnet.train.Trainer;
import io.vecnet.train.GradientDescent;
import io.vecnet.train.TrainingResult;
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
 * What {@code vecnet train} does by default: the spiral and the net from seed 1, then
 * {@code Trainer.train} for the case study's 10,000 iterations. Each call is one whole run, so
 * warm-up runs let the JIT finish before the measured ones.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public abstract class SeedNetRunBenchmark {
    private Trainer trainer;

    abstract Backend backend();

    @Setup
    public void setUp() {
        Kernels kernels = BenchJvm.kernels(backend());
        trainer = new Trainer(kernels);
    }

    @Benchmark
    public TrainingResult seedNetTenThousandIterations() {
        CaseStudy.Problem problem = CaseStudy.seedNet();
        return trainer.train(problem.model(), problem.data(), CaseStudy.NET_RUN, new GradientDescent(CaseStudy.STEP));
    }

    @Fork(value = 3, jvmArgs = {BenchJvm.SERIAL_GC, BenchJvm.HEAP}, jvmArgsAppend = BenchJvm.VECTOR_MODULE)
    public static class Vector extends SeedNetRunBenchmark {
        @Override
        Backend backend() {
            return Backend.VECTOR;
        }
    }

    @Fork(value = 3, jvmArgs = {BenchJvm.SERIAL_GC, BenchJvm.HEAP, BenchJvm.SCALAR_PROPERTY})
    public static class Scalar extends SeedNetRunBenchmark {
        @Override
        Backend backend() {
            return Backend.SCALAR;
        }
    }
}
