package io.vecnet.train;

/** The learning rate an optimiser steps with, checked when set: finite and above 0. */
abstract class RateHolder implements Optimizer {
    private float learningRate;

    RateHolder(float learningRate) {
        setLearningRate(learningRate);
    }

    @Override
    public final float learningRate() {
        return learningRate;
    }

    @Override
    public final void setLearningRate(float learningRate) {
        this.learningRate = Optimizer.requirePositive("the learning rate", learningRate);
    }
}
