package io.vecnet.train;

import io.vecnet.kernels.Kernels;

/** Plain gradient descent, the case study's rule: {@code θ ← θ - lr·∇}. It keeps no state. */
public final class GradientDescent implements Optimizer {
    private float learningRate;

    public GradientDescent(float learningRate) {
        setLearningRate(learningRate);
    }

    @Override
    public void step(float[] parameters, float[] gradient, Kernels kernels) {
        kernels.axpy(-learningRate, gradient, parameters, parameters.length);
        kernels.flushSubnormals(parameters, parameters.length);
    }

    @Override
    public float learningRate() {
        return learningRate;
    }

    @Override
    public void setLearningRate(float learningRate) {
        this.learningRate = Optimizer.requirePositive("the learning rate", learningRate);
    }

    @Override
    public String describe() {
        return "gd (lr " + learningRate + ")";
    }
}
