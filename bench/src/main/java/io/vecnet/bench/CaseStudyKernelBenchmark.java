package io.vecnet.bench;

import io.vecnet.data.Dataset;
import io.vecnet.kernels.Backend;
import io.vecnet.kernels.Kernels;
import io.vecnet.kernels.MatmulForm;
import io.vecnet.nn.Mlp;
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
 * Every kernel one training iteration of the case study's net calls, at the shapes it calls it
 * with: X 300x2, W1 2x100, hidden 300x100, W2 100x3, scores 300x3. The buffers hold the values of
 * the first iteration from the seed-1 initialisation, so ReLU masks have their real density.
 * In-place kernels (bias add, ReLU, its backward mask, axpy) run repeatedly on the same buffer;
 * their cost does not depend on the values.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 300, timeUnit = TimeUnit.MILLISECONDS)
public abstract class CaseStudyKernelBenchmark {
    private static final float STEP = -1e-3f;

    private Kernels kernels;
    private float[] x;
    private float[] w1;
    private float[] b1;
    private float[] hidden;
    private float[] w2;
    private float[] scores;
    private int[] labels;
    private float[] dscores;
    private float[] dhidden;
    private float[] gradW1;
    private float[] gradW2;
    private float[] hiddenColumnSums;
    private int examples;
    private int inputs;
    private int hiddenUnits;
    private int classes;

    abstract Backend backend();

    @Setup
    public void setUp() {
        kernels = BenchJvm.kernels(backend());
        CaseStudy.Problem problem = CaseStudy.seedNet();
        Dataset data = problem.data();
        Mlp net = problem.model();
        examples = data.size();
        inputs = data.dimensions();
        hiddenUnits = net.spec().hidden().get(0);
        classes = net.classes();
        x = data.features().data();
        labels = data.labels();
        w1 = net.weights(0).data();
        b1 = net.bias(0);
        w2 = net.weights(1).data();
        hidden = new float[examples * hiddenUnits];
        scores = new float[examples * classes];
        dscores = new float[examples * classes];
        dhidden = new float[examples * hiddenUnits];
        gradW1 = new float[inputs * hiddenUnits];
        gradW2 = new float[hiddenUnits * classes];
        hiddenColumnSums = new float[hiddenUnits];

        kernels.matmul(MatmulForm.AB, x, w1, hidden, examples, inputs, hiddenUnits, false);
        kernels.relu(hidden, hidden.length);
        kernels.matmul(MatmulForm.AB, hidden, w2, scores, examples, hiddenUnits, classes, false);
        kernels.softmaxCrossEntropy(scores, labels, dscores, examples, classes);
        kernels.matmul(MatmulForm.ABT, dscores, w2, dhidden, examples, classes, hiddenUnits, false);
        kernels.reluBackward(dhidden, hidden, dhidden.length);
    }

    /** X·W1: 300x2 times 2x100. */
    @Benchmark
    public float[] matmulInputLayer() {
        kernels.matmul(MatmulForm.AB, x, w1, hidden, examples, inputs, hiddenUnits, false);
        return hidden;
    }

    /** hidden·W2: 300x100 times 100x3. */
    @Benchmark
    public float[] matmulOutputLayer() {
        kernels.matmul(MatmulForm.AB, hidden, w2, scores, examples, hiddenUnits, classes, false);
        return scores;
    }

    /** hiddenᵀ·dscores: the W2 gradient, 100x300 times 300x3. */
    @Benchmark
    public float[] matmulGradientW2() {
        kernels.matmul(MatmulForm.ATB, hidden, dscores, gradW2, hiddenUnits, examples, classes, false);
        return gradW2;
    }

    /** dscores·W2ᵀ: back-propagation into the hidden layer, 300x3 times 3x100. */
    @Benchmark
    public float[] matmulGradientHidden() {
        kernels.matmul(MatmulForm.ABT, dscores, w2, dhidden, examples, classes, hiddenUnits, false);
        return dhidden;
    }

    /** Xᵀ·dhidden: the W1 gradient, 2x300 times 300x100. */
    @Benchmark
    public float[] matmulGradientW1() {
        kernels.matmul(MatmulForm.ATB, x, dhidden, gradW1, inputs, examples, hiddenUnits, false);
        return gradW1;
    }

    /** hidden += b1, 300x100. */
    @Benchmark
    public float[] addBias() {
        kernels.addBias(hidden, b1, examples, hiddenUnits);
        return hidden;
    }

    /** max(hidden, 0), 300x100. */
    @Benchmark
    public float[] relu() {
        kernels.relu(hidden, hidden.length);
        return hidden;
    }

    /** dhidden[hidden <= 0] = 0, 300x100. */
    @Benchmark
    public float[] reluBackward() {
        kernels.reluBackward(dhidden, hidden, dhidden.length);
        return dhidden;
    }

    /** Loss and dscores from scores, 300x3. */
    @Benchmark
    public float softmaxCrossEntropy() {
        return kernels.softmaxCrossEntropy(scores, labels, dscores, examples, classes);
    }

    /** The b1 gradient: column sums of dhidden, 300x100. */
    @Benchmark
    public float[] columnSums() {
        kernels.columnSums(dhidden, hiddenColumnSums, examples, hiddenUnits);
        return hiddenColumnSums;
    }

    /** The W2 update W2 += step·dW2, 100x3. */
    @Benchmark
    public float[] axpy() {
        kernels.axpy(STEP, gradW2, w2, w2.length);
        return w2;
    }

    /** The L2 term's Σ W1², 2x100. */
    @Benchmark
    public float sumOfSquares() {
        return kernels.sumOfSquares(w1, w1.length);
    }

    @Fork(value = 3, jvmArgs = {BenchJvm.SERIAL_GC, BenchJvm.HEAP}, jvmArgsAppend = BenchJvm.VECTOR_MODULE)
    public static class Vector extends CaseStudyKernelBenchmark {
        @Override
        Backend backend() {
            return Backend.VECTOR;
        }
    }

    @Fork(value = 3, jvmArgs = {BenchJvm.SERIAL_GC, BenchJvm.HEAP, BenchJvm.SCALAR_PROPERTY})
    public static class Scalar extends CaseStudyKernelBenchmark {
        @Override
        Backend backend() {
            return Backend.SCALAR;
        }
    }
}
