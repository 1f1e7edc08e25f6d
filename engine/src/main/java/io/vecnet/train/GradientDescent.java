package io.vecnet.train;

import io.vecnet.kernels.Kernels;

/** Plain gradient descent, the case study's rule: {@code θ ← θ - lr·∇}. It keeps no state. */
public final class GradientDescent implements Optimizer {
    private final float learningRate;

    public GradientDescent(float learningRate) {
        if (!(learningRate > 0f) || !Float.isFinite(learningRate)) {
            throw new IllegalArgumentException("the learning rate must be a finite number > 0, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    @Override
    public void step(float[] parameters, float[] gradient, Kernels kernels) {
        kernels.axpy(-learningRate, gradient, parameters, parameters.length);
    }

    public float learningRate() {
        return learningRate;
    }

    @Override
    public String describe() {
        return "gd (lr " + learningRate + ")";
    }
}
