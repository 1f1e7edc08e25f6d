package io.vecnet.nn;

import io.vecnet.Matrix;
import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.internal.DatasetArrays;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.kernels.Kernels;
import java.util.Arrays;
import java.util.List;

/**
 * A feed-forward classifier: a {@link NetworkSpec} and its parameters, one flat float32 array laid out
 * layer by layer as {@link NetworkSpec#layers()} says (W1, b1, W2, b2, …, each weight block row-major
 * inputs x outputs). Immutable, so one instance serves predictions from any number of threads;
 * training produces a new one.
 *
 * <p>Methods without a {@link Kernels} argument use {@link KernelProvider#get()}.
 */
public final class Mlp {
    /** The most rows {@link #scores} runs through the network at once. */
    public static final int BLOCK_ROWS = 4096;
    private final NetworkSpec spec;
    private final List<DenseLayer> layers;
    private final float[] parameters;

    private Mlp(NetworkSpec spec, float[] parameters) {
        this.spec = spec;
        this.layers = spec.layers();
        this.parameters = parameters;
    }

    /** New weights for {@code spec} with {@link Init#defaultFor its default initialisation}. */
    public static Mlp initialise(NetworkSpec spec, Rng rng) {
        return initialise(spec, Init.defaultFor(spec), rng);
    }

    public static Mlp initialise(NetworkSpec spec, Init init, Rng rng) {
        return new Mlp(spec, init.parameters(spec, rng));
    }

    /** A network with a copy of {@code parameters}, which must be finite and {@code spec.parameterCount()} long. */
    public static Mlp of(NetworkSpec spec, float[] parameters) {
        if (parameters.length != spec.parameterCount()) {
            throw new IllegalArgumentException("a " + spec.describe() + " network has " + spec.parameterCount()
                    + " parameters, got " + parameters.length);
        }
        for (int i = 0; i < parameters.length; i++) {
            if (!Float.isFinite(parameters[i])) {
                throw new IllegalArgumentException("parameter " + i + " is " + parameters[i] + "; weights must be finite");
            }
        }
        return new Mlp(spec, parameters.clone());
    }

    public NetworkSpec spec() {
        return spec;
    }

    public int inputs() {
        return spec.inputs();
    }

    public int classes() {
        return spec.classes();
    }

    /** A copy of the flat parameter array. */
    public float[] parameters() {
        return parameters.clone();
    }

    /** A copy of layer {@code l}'s weights, inputs x outputs. */
    public Matrix weights(int l) {
        DenseLayer layer = layers.get(l);
        return new Matrix(layer.inputs(), layer.outputs(),
                Arrays.copyOfRange(parameters, layer.weightOffset(), layer.biasOffset()));
    }

    /** A copy of layer {@code l}'s bias. */
    public float[] bias(int l) {
        DenseLayer layer = layers.get(l);
        return Arrays.copyOfRange(parameters, layer.biasOffset(), layer.end());
    }

    /**
     * Unnormalised class scores (logits), one row per row of {@code x}. Rows go through the network
     * in blocks of at most {@value #BLOCK_ROWS}, so that the hidden layers' activations take memory
     * for one block, not for all of {@code x}: the memory a prediction needs beyond its input is
     * the scores.
     */
    public Matrix scores(Matrix x, Kernels kernels) {
        requireInputs(x);
        int n = x.rows();
        if (n <= BLOCK_ROWS) {
            float[][] outputs = Forward.buffers(spec, n);
            Forward.run(kernels, spec, layers, parameters, x.data(), n, outputs);
            return new Matrix(n, classes(), outputs[spec.depth() - 1]);
        }
        // Blocks of equal size, rather than full ones and a remainder of a few rows, so that every
        // block takes the matmul variant the whole would (the choice goes by shape).
        int blocks = (n + BLOCK_ROWS - 1) / BLOCK_ROWS;
        int rows = (n + blocks - 1) / blocks;
        float[][] outputs = Forward.buffers(spec, rows);
        float[] block = new float[rows * inputs()];
        float[] scores = new float[Math.multiplyExact(n, classes())];
        for (int from = 0; from < n; from += rows) {
            int count = Math.min(rows, n - from);
            System.arraycopy(x.data(), from * inputs(), block, 0, count * inputs());
            Forward.run(kernels, spec, layers, parameters, block, count, outputs);
            System.arraycopy(outputs[spec.depth() - 1], 0, scores, from * classes(), count * classes());
        }
        return new Matrix(n, classes(), scores);
    }

    public Matrix scores(Matrix x) {
        return scores(x, KernelProvider.get());
    }

    /** Class probabilities (softmax of the scores), one row per row of {@code x}. */
    public Matrix probabilities(Matrix x, Kernels kernels) {
        Matrix scores = scores(x, kernels);
        kernels.softmax(scores);
        return scores;
    }

    public Matrix probabilities(Matrix x) {
        return probabilities(x, KernelProvider.get());
    }

    /** Class probabilities of one example. */
    public float[] probabilities(float[] row) {
        return probabilities(new Matrix(1, row.length, row.clone())).data();
    }

    /** The most likely class of each row of {@code x} (the lowest index on ties). */
    public int[] predict(Matrix x, Kernels kernels) {
        return mostLikely(scores(x, kernels));
    }

    /** The index of each row's highest score (the lowest index on ties). */
    public static int[] mostLikely(Matrix scores) {
        int[] classes = new int[scores.rows()];
        float[] s = scores.data();
        int k = scores.cols();
        for (int i = 0; i < classes.length; i++) {
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (s[i * k + j] > s[i * k + best]) {
                    best = j;
                }
            }
            classes[i] = best;
        }
        return classes;
    }

    public int[] predict(Matrix x) {
        return predict(x, KernelProvider.get());
    }

    /** The most likely class of one example. */
    public int predict(float[] row) {
        return predict(new Matrix(1, row.length, row.clone()))[0];
    }

    /**
     * Fraction of {@code data}'s rows whose predicted class is their label.
     *
     * @throws IllegalArgumentException when {@code data} has no rows: an accuracy over none is undefined
     */
    public float accuracy(Dataset data, Kernels kernels) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("no rows to measure an accuracy on");
        }
        int[] predicted = predict(new Matrix(data.size(), data.dimensions(), DatasetArrays.features(data)), kernels);
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == data.label(i)) {
                correct++;
            }
        }
        return (float) correct / data.size();
    }

    /** As {@link #accuracy(Dataset, Kernels)}, on the kernels {@link KernelProvider#get()} gives. */
    public float accuracy(Dataset data) {
        return accuracy(data, KernelProvider.get());
    }

    /**
     * Refuses rows of the wrong width, and non-finite features, which would give a class all the same
     * (NaN scores compare false, so the first class wins): a check of n·d values against the n·P
     * multiply-adds of the forward pass.
     */
    private void requireInputs(Matrix x) {
        if (x.cols() != inputs()) {
            throw new IllegalArgumentException("the model takes " + inputs() + " features per row, the data has "
                    + x.cols() + " (data " + x.shape() + ")");
        }
        int bad = x.indexOfNonFinite();
        if (bad >= 0) {
            throw new IllegalArgumentException("row " + bad / x.cols() + ", feature " + bad % x.cols()
                    + " (counted from 0) is " + x.data()[bad] + "; a network's inputs must be finite numbers");
        }
    }

    @Override
    public String toString() {
        return "Mlp[" + spec.describe() + ", " + parameters.length + " parameters]";
    }
}
