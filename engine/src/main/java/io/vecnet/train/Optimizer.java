package io.vecnet.train;

import io.vecnet.kernels.Kernels;

/**
 * Updates parameters from their gradient, one step at a time. An optimiser owns whatever state its
 * rule keeps between steps (momentum, moment estimates), sized on its first step, so one instance
 * serves one training run. The learning rate may change between steps (a schedule sets it).
 */
public interface Optimizer {

    /**
     * Updates {@code parameters} in place from {@code gradient} (same length), with {@code kernels}'
     * arithmetic. Parameters that fall below the smallest normal float become 0 (see
     * {@link Kernels#gradientStep}), so long runs never slow down on subnormal weights.
     */
    void step(float[] parameters, float[] gradient, Kernels kernels);

    float learningRate();

    void setLearningRate(float learningRate);

    /** A one-line description for reports, such as {@code adam (lr 0.001, betas 0.9/0.999, eps 1e-08)}. */
    String describe();

    /** Checks a learning rate: finite and above 0. */
    static float requirePositive(String what, float value) {
        if (!(value > 0f) || !Float.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be a finite number > 0, got " + value);
        }
        return value;
    }

    /** Checks a coefficient such as a momentum or a beta: in [0, 1). */
    static float requireFraction(String what, float value) {
        if (!(value >= 0f && value < 1f)) {
            throw new IllegalArgumentException(what + " must be at least 0 and below 1, got " + value);
        }
        return value;
    }
}
