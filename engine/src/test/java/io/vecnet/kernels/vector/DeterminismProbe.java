package io.vecnet.kernels.vector;

import io.vecnet.Matrix;
import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.data.Spiral;
import io.vecnet.kernels.Backend;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.kernels.Kernels;
import io.vecnet.kernels.MatmulForm;
import io.vecnet.model.Parameter;
import io.vecnet.model.TwoLayerNet;
import io.vecnet.train.Trainer;
import io.vecnet.train.TrainingConfig;
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
        return outputs;
    }

    /** The spiral (seed 3) and a small net trained from it: the loss every 10 iterations and the final weights. */
    static List<String> train(Kernels kernels, int iterations) {
        Rng rng = new Rng(3);
        Dataset data = Spiral.generate(15, 3, Spiral.NOISE, rng);
        TwoLayerNet net = TwoLayerNet.initialise(2, VectorMath.LANES + 6, 3, rng);
        List<String> lines = new ArrayList<>();
        new Trainer(kernels).train(net, data, new TrainingConfig(1f, 1e-3f, iterations, 10),
                (iteration, loss) -> lines.add("loss " + iteration + " " + Integer.toHexString(Float.floatToRawIntBits(loss))));
        for (Parameter p : net.parameters()) {
            lines.add(p.name() + " " + bits(p.value()));
        }
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
