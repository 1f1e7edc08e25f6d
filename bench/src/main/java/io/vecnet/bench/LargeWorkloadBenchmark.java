package io.vecnet.bench;

import io.vecnet.Matrix;
import io.vecnet.kernels.Backend;
import io.vecnet.kernels.Kernels;
import io.vecnet.model.Objective;
import io.vecnet.model.Parameter;
import java.util.List;
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
 * One full-batch training iteration of the two large workloads of {@code bench/compare}, on the
 * vector kernels with 1 and 2 threads: the 30,000-point spiral (h = 100, the fused pass) and a
 * 60000x784 -> 256 -> 10 network on random data (the packed GEMM). Parameters keep training from
 * one call to the next, as in a real run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public abstract class LargeWorkloadBenchmark {
    @Param({"big-spiral", "mnist-shaped"})
    public String workload;

    @Param({"1", "2"})
    public int threads;

    private Kernels kernels;
    private Objective objective;
    private List<Parameter> parameters;

    @Setup
    public void setUp() {
        kernels = BenchJvm.kernels(Backend.VECTOR, threads);
        CaseStudy.NetProblem problem = workload.equals("big-spiral")
                ? CaseStudy.spiralNet(10_000, CaseStudy.HIDDEN)
                : CaseStudy.randomNet(60_000, 784, 256, 10);
        objective = problem.net().objective(problem.data(), 1e-3f, kernels);
        parameters = problem.net().parameters();
    }

    @Benchmark
    public float largeIteration() {
        float loss = objective.evaluate();
        List<Matrix> gradients = objective.gradients();
        for (int i = 0; i < parameters.size(); i++) {
            kernels.axpy(-1.0f, gradients.get(i), parameters.get(i).value());
        }
        return loss;
    }

    @Fork(value = 3, jvmArgs = {BenchJvm.SERIAL_GC, "-Xmx2g"}, jvmArgsAppend = BenchJvm.VECTOR_MODULE)
    public static class Vector extends LargeWorkloadBenchmark {
    }
}
