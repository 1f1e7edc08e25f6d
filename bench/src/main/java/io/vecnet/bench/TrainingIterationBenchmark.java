package io.vecnet.bench;

import io.vecnet.Matrix;
import io.vecnet.kernels.Backend;
import io.vecnet.kernels.Kernels;
import io.vecnet.model.Model;
import io.vecnet.model.Objective;
import io.vecnet.model.Parameter;
import io.vecnet.train.TrainingConfig;
import java.util.List;
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
    private Kernels kernels;
    private Objective netObjective;
    private List<Parameter> netParameters;
    private Objective linearObjective;
    private List<Parameter> linearParameters;
    private float step;

    abstract Backend backend();

    @Setup(Level.Iteration)
    public void setUp() {
        kernels = BenchJvm.kernels(backend());
        TrainingConfig config = TrainingConfig.netCaseStudy();
        step = config.stepSize();
        CaseStudy.NetProblem net = CaseStudy.seedNet();
        netObjective = net.net().objective(net.data(), config.reg(), kernels);
        netParameters = net.net().parameters();
        CaseStudy.LinearProblem linear = CaseStudy.seedLinear();
        linearObjective = linear.classifier().objective(linear.data(), config.reg(), kernels);
        linearParameters = linear.classifier().parameters();
    }

    @Benchmark
    public float seedNetIteration() {
        return step(netObjective, netParameters);
    }

    @Benchmark
    public float linearIteration() {
        return step(linearObjective, linearParameters);
    }

    private float step(Objective objective, List<Parameter> parameters) {
        float loss = objective.evaluate();
        List<Matrix> gradients = objective.gradients();
        for (int i = 0; i < parameters.size(); i++) {
            kernels.axpy(-step, gradients.get(i), parameters.get(i).value());
        }
        return loss;
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
