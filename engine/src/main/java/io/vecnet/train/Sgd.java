package io.vecnet.train;

import io.vecnet.kernels.Kernels;

/** Stochastic gradient descent with (optionally Nesterov) momentum, as {@code torch.optim.SGD}. */
public final class Sgd extends RateHolder {
    private final float momentum;
    private final boolean nesterov;
    private float[] velocity;

    public Sgd(float learningRate, float momentum, boolean nesterov) {
        super(learningRate);
        this.momentum = Optimizer.requireFraction("momentum", momentum);
        if (nesterov && momentum == 0f) {
            throw new IllegalArgumentException("Nesterov momentum needs a momentum above 0");
        }
        this.nesterov = nesterov;
    }

    @Override
    public void step(float[] parameters, float[] gradient, Kernels kernels) {
        if (momentum == 0f) {
            kernels.gradientStep(parameters, gradient, learningRate(), parameters.length);
            return;
        }
        if (velocity == null) {
            velocity = new float[parameters.length];
        }
        kernels.momentumStep(parameters, gradient, velocity, learningRate(), momentum, nesterov, parameters.length);
    }

    @Override
    public String describe() {
        return "sgd (lr " + learningRate() + ", momentum " + momentum + (nesterov ? ", nesterov)" : ")");
    }
}
