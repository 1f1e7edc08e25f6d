package io.vecnet.kernels.vector;

import io.vecnet.Matrix;
import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.data.Spiral;
import io.vecnet.kernels.Backend;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.kernels.Kernels;
import io.vecnet.kernels.MatmulForm;
import io.vecnet.nn.Activation;
import io.vecnet.nn.Mlp;
import io.vecnet.nn.NetworkSpec;
import io.vecnet.train.Adam;
import io.vecnet.train.GradientDescent;
import io.vecnet.train.Trainer;
import io.vecnet.train.TrainingConfig;
import io.vecnet.train.TrainingListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Prints the float bits of a fixed kernel workload and of a small training run, so that JVMs run in
 * different JIT modes can be compared. Used in process by {@link KernelDeterminismTest} and forked
 * by {@link JitModeDeterminismTest}. Arguments: warm-up repetitions, then backend names.
 */
public final class DeterminismProbe {
    static final int TRAINING_ITERATIONS = 100;
    private static final int SPIRAL_ROWS = 45;
    private static final int BATCH = 8;

    private DeterminismProbe() {
    }

    public static void main(String[] args) {
        int warmUp = Integer.parseInt(args[0]);
        for (String name : Arrays.copyOfRange(args, 1, args.length)) {
            Kernels kernels = KernelProvider.select(Backend.parse(name));
            for (int i = 0; i < warmUp; i++) {
                kernelOutputs(kernels);
            }
            if (warmUp > 0) {
                train(kernels, warmUp / 10);
            }
            for (String line : kernelWorkload(kernels)) {
                System.out.println(name + " " + line);
            }
            for (String line : train(kernels, TRAINING_ITERATIONS)) {
                System.out.println(name + " " + line);
            }
        }
        System.out.flush();
    }

    /** Every kernel (and, for the vector backend, every matmul variant) on fixed inputs, as bit strings. */
    static List<String> kernelWorkload(Kernels kernels) {
        List<String> lines = new ArrayList<>();
        kernelOutputs(kernels).forEach((name, values) -> lines.add(name + " " + bits(values)));
        return lines;
    }

    /** The outputs of every kernel on fixed inputs, by name, in a fixed order. */
    static Map<String, float[]> kernelOutputs(Kernels kernels) {
        SplittableRandom random = new SplittableRandom(42);
        Map<String, float[]> outputs = new LinkedHashMap<>();
        int m = 9, k = 20, n = 4 * VectorMath.LANES + 5;
        for (MatmulForm form : MatmulForm.values()) {
            float[] a = floats(random, m * k);
            float[] b = floats(random, k * n);
            float[] c = floats(random, m * n);
            float[] out = c.clone();
            kernels.matmul(form, a, b, out, m, k, n, true);
            outputs.put("matmul " + form, out);
            if (kernels.backend() == Backend.VECTOR) {
                for (MatmulKernel variant : MatmulKernel.values()) {
                    out = c.clone();
                    variant.multiply(form, a, 0, b, 0, out, 0, m, k, n, true, Workers.SERIAL);
                    outputs.put("matmul " + variant + " " + form, out);
                }
            }
        }
        int rows = 7;
        for (int cols : new int[] {3, VectorMath.LANES + 3}) {
            float[] x = floats(random, rows * cols);
            int[] labels = random.ints(rows, 0, cols).toArray();
            float[] grad = new float[x.length];
            outputs.put("crossEntropy loss " + cols, new float[] {kernels.softmaxCrossEntropy(x, labels, grad, rows, cols)});
            outputs.put("crossEntropy gradient " + cols, grad);
            kernels.softmax(x, rows, cols);
            outputs.put("softmax " + cols, x);
            float[] sums = new float[cols];
            kernels.columnSums(grad, sums, rows, cols);
            outputs.put("columnSums " + cols, sums);
        }
        float[] x = floats(random, 300);
        float[] y = floats(random, 300);
        outputs.put("sumOfSquares", new float[] {kernels.sumOfSquares(x, x.length)});
        kernels.axpy(0.3f, x, y, y.length);
        kernels.addBias(y, x, 10, 30);
        kernels.reluBackward(x, y, x.length);
        kernels.relu(y, y.length);
        outputs.put("reluBackward", x);
        outputs.put("axpy addBias relu", y);
        activationOutputs(kernels, random, outputs);
        offsetOutputs(kernels, random, outputs);
        fusedPassOutputs(kernels, random, outputs);
        return outputs;
    }

    private static void activationOutputs(Kernels kernels, SplittableRandom random, Map<String, float[]> outputs) {
        int length = 5 * VectorMath.LANES + 3;
        float[] x = floats(random, length);
        for (int i = 0; i < length; i++) {
            x[i] *= 6f;
        }
        float[] grad = floats(random, length);
        float[] tanh = x.clone();
        kernels.tanh(tanh, length);
        float[] tanhGrad = grad.clone();
        kernels.tanhBackward(tanhGrad, tanh, length);
        float[] sigmoid = x.clone();
        kernels.sigmoid(sigmoid, length);
        float[] sigmoidGrad = grad.clone();
        kernels.sigmoidBackward(sigmoidGrad, sigmoid, length);
        float[] leaky = x.clone();
        kernels.leakyRelu(leaky, 0.01f, length);
        float[] leakyGrad = grad.clone();
        kernels.leakyReluBackward(leakyGrad, leaky, 0.01f, length);
        outputs.put("tanh", tanh);
        outputs.put("tanhBackward", tanhGrad);
        outputs.put("sigmoid", sigmoid);
        outputs.put("sigmoidBackward", sigmoidGrad);
        outputs.put("leakyRelu", leaky);
        outputs.put("leakyReluBackward", leakyGrad);
    }

    /** Operands and ranges that start off the lane grid, and a cross-entropy scale other than 1/rows. */
    private static void offsetOutputs(Kernels kernels, SplittableRandom random, Map<String, float[]> outputs) {
        int m = 9, k = 37, n = 2 * VectorMath.LANES + 3;
        for (MatmulForm form : MatmulForm.values()) {
            float[] a = floats(random, 3 + m * k);
            float[] b = floats(random, 5 + k * n);
            float[] c = floats(random, 7 + m * n);
            kernels.matmul(form, a, 3, b, 5, c, 7, m, k, n, true);
            outputs.put("matmul at offsets " + form, c);
        }
        float[] x = floats(random, 300);
        float[] y = floats(random, 300);
        kernels.axpy(-0.7f, x, 3, y, 5, 290);
        outputs.put("axpy at offsets", y);
        outputs.put("sumOfSquares at an offset", new float[] {kernels.sumOfSquares(x, 3, 290)});
        int rows = 7, cols = VectorMath.LANES + 3;
        float[] scores = floats(random, rows * cols);
        float[] grad = new float[scores.length];
        float loss = kernels.softmaxCrossEntropy(scores, random.ints(rows, 0, cols).toArray(), grad, rows, cols, 0.3f);
        outputs.put("crossEntropy loss scaled", new float[] {loss});
        outputs.put("crossEntropy gradient scaled", grad);
    }

    /** The fused two-layer pass, where the backend has one, over a flat parameter array. */
    private static void fusedPassOutputs(Kernels kernels, SplittableRandom random, Map<String, float[]> outputs) {
        int rows = 2 * VectorMath.LANES + 5, hidden = VectorMath.LANES + 3, classes = 3;
        Matrix x = new Matrix(rows, 2, floats(random, rows * 2));
        int[] labels = random.ints(rows, 0, classes).toArray();
        float[] parameters = floats(random, 2 * hidden + hidden + hidden * classes + classes);
        kernels.fusedTwoLayerPass(x, labels, hidden, classes).ifPresent(pass -> {
            float[] gradient = new float[parameters.length];
            outputs.put("fused pass loss", new float[] {pass.lossAndGradient(parameters, gradient, 1f / rows)});
            outputs.put("fused pass gradient", gradient);
        });
    }

    /** The lines {@link #train} prints for {@link #TRAINING_ITERATIONS}: loss lines of both runs, one weights line each. */
    static int trainingLines() {
        int stepsPerEpoch = Math.ceilDiv(SPIRAL_ROWS, BATCH);
        return TRAINING_ITERATIONS / 10 + 1 + Math.ceilDiv(TRAINING_ITERATIONS, stepsPerEpoch) + 1;
    }

    /**
     * The spiral (seed 3) and two small nets trained from it, the case study's shape (the fused pass)
     * and a deeper tanh net on Adam mini-batches: the loss at every report and the final weights.
     */
    static List<String> train(Kernels kernels, int iterations) {
        Rng rng = new Rng(3);
        Dataset data = Spiral.generate(SPIRAL_ROWS / 3, 3, Spiral.NOISE, rng);
        List<String> lines = new ArrayList<>();
        TrainingListener record = progress -> lines.add("loss " + progress.iteration() + " "
                + Integer.toHexString(Float.floatToRawIntBits(progress.loss())));
        Mlp net = Mlp.initialise(NetworkSpec.of(2, 3, Activation.RELU, VectorMath.LANES + 6), rng);
        Mlp trained = new Trainer(kernels).train(net, data, new TrainingConfig(1e-3f, iterations, 10),
                new GradientDescent(1f), record).model();
        lines.add("net " + bits(new Matrix(1, trained.parameters().length, trained.parameters())));
        Mlp deep = Mlp.initialise(NetworkSpec.of(2, 3, Activation.TANH, VectorMath.LANES + 3, 7), rng);
        TrainingConfig batches = new TrainingConfig(1e-3f, iterations, 10).withBatches(BATCH, 5);
        Mlp trainedDeep = new Trainer(kernels).train(deep, data, batches, new Adam(0.01f), record).model();
        lines.add("deep " + bits(new Matrix(1, trainedDeep.parameters().length, trainedDeep.parameters())));
        return lines;
    }

    private static float[] floats(SplittableRandom random, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return values;
    }

    private static String bits(Matrix m) {
        return bits(m.data());
    }

    private static String bits(float[] values) {
        StringBuilder s = new StringBuilder();
        for (float v : values) {
            s.append(Integer.toHexString(Float.floatToRawIntBits(v))).append(',');
        }
        return s.toString();
    }
}
