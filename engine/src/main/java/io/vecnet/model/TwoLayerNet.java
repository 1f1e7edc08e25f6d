package io.vecnet.model;

import io.vecnet.Matrix;
import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.kernels.Kernels;
import io.vecnet.kernels.TwoLayerPass;
import java.util.List;

/** The case study's network: {@code scores = max(0, X·W1 + b1)·W2 + b2}, softmax cross-entropy. */
public final class TwoLayerNet implements Model {
    public static final String KIND = "net";
    private final Matrix w1;
    private final Matrix b1;
    private final Matrix w2;
    private final Matrix b2;
    private final List<Parameter> parameters;

    /** Wraps existing weights: W1 inputs x hidden, b1 1 x hidden, W2 hidden x classes, b2 1 x classes. */
    public TwoLayerNet(Matrix w1, Matrix b1, Matrix w2, Matrix b2) {
        if (w1.rows() < 1 || w1.cols() < 1 || w2.cols() < 1 || b1.rows() != 1 || b1.cols() != w1.cols()
                || w2.rows() != w1.cols() || b2.rows() != 1 || b2.cols() != w2.cols()) {
            throw new IllegalArgumentException("a two-layer net needs W1 inputs x hidden, b1 1 x hidden, "
                    + "W2 hidden x classes and b2 1 x classes, got W1 " + w1.shape() + ", b1 " + b1.shape()
                    + ", W2 " + w2.shape() + " and b2 " + b2.shape());
        }
        this.w1 = w1;
        this.b1 = b1;
        this.w2 = w2;
        this.b2 = b2;
        this.parameters = List.of(new Parameter("W1", w1, true), new Parameter("b1", b1, false),
                new Parameter("W2", w2, true), new Parameter("b2", b2, false));
    }

    /** The case study's initialisation: W1, W2 = 0.01·N(0, 1) (W1 drawn first), biases 0. */
    public static TwoLayerNet initialise(int inputs, int hidden, int classes, Rng rng) {
        Matrix w1 = new Matrix(inputs, hidden);
        rng.fillGaussian(w1.data(), 0.01f);
        Matrix w2 = new Matrix(hidden, classes);
        rng.fillGaussian(w2.data(), 0.01f);
        return new TwoLayerNet(w1, new Matrix(1, hidden), w2, new Matrix(1, classes));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int inputs() {
        return w1.rows();
    }

    public int hidden() {
        return w1.cols();
    }

    @Override
    public int classes() {
        return w2.cols();
    }

    /** W1, inputs x hidden (live). */
    public Matrix firstWeights() {
        return w1;
    }

    /** b1, 1 x hidden (live). */
    public Matrix firstBias() {
        return b1;
    }

    /** W2, hidden x classes (live). */
    public Matrix secondWeights() {
        return w2;
    }

    /** b2, 1 x classes (live). */
    public Matrix secondBias() {
        return b2;
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public Matrix scores(Matrix x, Kernels kernels) {
        requireInputs(x);
        Matrix hidden = new Matrix(x.rows(), hidden());
        Matrix scores = new Matrix(x.rows(), classes());
        forward(x, hidden, scores, kernels);
        return scores;
    }

    private void forward(Matrix x, Matrix hidden, Matrix scores, Kernels kernels) {
        kernels.affine(x, w1, b1, hidden);
        kernels.relu(hidden);
        kernels.affine(hidden, w2, b2, scores);
    }

    @Override
    public Objective objective(Dataset data, float reg, Kernels kernels) {
        requireInputs(data.features());
        return new NetObjective(data, reg, kernels);
    }

    private final class NetObjective extends FullBatchObjective {
        private final TwoLayerPass pass;

        NetObjective(Dataset data, float reg, Kernels kernels) {
            super(kernels, parameters, reg);
            this.pass = kernels.twoLayerPass(data.features(), data.labels(), hidden(), classes());
        }

        @Override
        float dataLossAndGradients() {
            return pass.lossAndGradients(w1.data(), b1.data(), w2.data(), b2.data(),
                    gradient(0).data(), gradient(1).data(), gradient(2).data(), gradient(3).data());
        }
    }
}
