package io.vecnet.model;

import io.vecnet.Matrix;
import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.kernels.Kernels;
import io.vecnet.kernels.MatmulForm;
import java.util.List;

/** The case study's linear classifier: {@code scores = X·W + b}, trained with softmax cross-entropy. */
public final class SoftmaxClassifier implements Model {
    public static final String KIND = "linear";
    private final Matrix w;
    private final Matrix b;
    private final List<Parameter> parameters;

    /** Wraps existing weights W (inputs x classes) and bias b (1 x classes). */
    public SoftmaxClassifier(Matrix w, Matrix b) {
        if (w.rows() < 1 || w.cols() < 1 || b.rows() != 1 || b.cols() != w.cols()) {
            throw new IllegalArgumentException("a linear classifier needs W inputs x classes and b 1 x classes, got W "
                    + w.shape() + " and b " + b.shape());
        }
        this.w = w;
        this.b = b;
        this.parameters = List.of(new Parameter("W", w, true), new Parameter("b", b, false));
    }

    /** The case study's initialisation: W = 0.01·N(0, 1), b = 0. */
    public static SoftmaxClassifier initialise(int inputs, int classes, Rng rng) {
        Matrix w = new Matrix(inputs, classes);
        rng.fillGaussian(w.data(), 0.01f);
        return new SoftmaxClassifier(w, new Matrix(1, classes));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int inputs() {
        return w.rows();
    }

    @Override
    public int classes() {
        return w.cols();
    }

    public Matrix weights() {
        return w;
    }

    public Matrix bias() {
        return b;
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public Matrix scores(Matrix x, Kernels kernels) {
        requireInputs(x);
        Matrix scores = new Matrix(x.rows(), classes());
        kernels.affine(x, w, b, scores);
        return scores;
    }

    @Override
    public Objective objective(Dataset data, float reg, Kernels kernels) {
        requireInputs(data.features());
        return new LinearObjective(data, reg, kernels);
    }

    private final class LinearObjective extends FullBatchObjective {
        private final Dataset data;
        private final Matrix scores;
        private final Matrix dscores;

        LinearObjective(Dataset data, float reg, Kernels kernels) {
            super(kernels, parameters, reg);
            this.data = data;
            this.scores = new Matrix(data.size(), classes());
            this.dscores = new Matrix(data.size(), classes());
        }

        @Override
        float dataLossAndGradients() {
            Matrix x = data.features();
            kernels.affine(x, w, b, scores);
            float loss = kernels.softmaxCrossEntropy(scores, data.labels(), dscores);
            kernels.matmul(MatmulForm.ATB, x, dscores, gradient(0), false);
            kernels.columnSums(dscores, gradient(1));
            return loss;
        }
    }
}
