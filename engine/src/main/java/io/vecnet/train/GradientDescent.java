package io.vecnet.train;

import io.vecnet.kernels.Kernels;

/** Plain gradient descent, the case study's rule: {@code θ ← θ - lr·∇}. It keeps no state. */
public final class GradientDescent extends RateHolder {

    public GradientDescent(float learningRate) {
        super(learningRate);
    }

    @Override
    public void step(float[] parameters, float[] gradient, Kernels kernels) {
        kernels.gradientStep(parameters, gradient, learningRate(), parameters.length);
    }

    @Override
    public String describe() {
        return "gd (lr " + learningRate() + ")";
    }
}
