package io.vecnet.bench;

import io.vecnet.kernels.Backend;
import io.vecnet.kernels.Kernels;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full-batch gradient-descent step as {@code Trainer} runs it: forward pass, backward pass,
 * L2 term, and the update of every parameter. Each measurement iteration restarts from the seed-1
 * initialisation, so every fork and backend trains along the same path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 300, timeUnit = TimeUnit.MILLISECONDS)
public abstract class TrainingIterationBenchmark {
    private TrainingStep net;
    private TrainingStep linear;

    abstract Backend backend();

    @Setup(Level.Iteration)
    public void setUp() {
        Kernels kernels = BenchJvm.kernels(backend());
        net = new TrainingStep(CaseStudy.seedNet(), CaseStudy.NET_RUN.l2(), CaseStudy.STEP, kernels);
        linear = new TrainingStep(CaseStudy.seedLinear(), CaseStudy.LINEAR_RUN.l2(), CaseStudy.STEP, kernels);
    }

    @Benchmark
    public float seedNetIteration() {
        return net.run();
    }

    @Benchmark
    public float linearIteration() {
        return linear.run();
    }

    @Fork(value = 3, jvmArgs = {BenchJvm.SERIAL_GC, BenchJvm.HEAP}, jvmArgsAppend = BenchJvm.VECTOR_MODULE)
    public static class Vector extends TrainingIterationBenchmark {
        @Override
        Backend backend() {
            return Backend.VECTOR;
        }
    }

    @Fork(value = 3, jvmArgs = {BenchJvm.SERIAL_GC, BenchJvm.HEAP, BenchJvm.SCALAR_PROPERTY})
    public static class Scalar extends TrainingIterationBenchmark {
        @Override
        Backend backend() {
            return Backend.SCALAR;
        }
    }
}
