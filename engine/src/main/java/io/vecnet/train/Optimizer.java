package io.vecnet.train;

import io.vecnet.kernels.Kernels;

/**
 * Updates parameters from their gradient, one step at a time. An optimiser owns whatever state its
 * rule keeps between steps (momentum, moment estimates), sized on its first step, so one instance
 * serves one training run.
 */
public interface Optimizer {

    /** Updates {@code parameters} in place from {@code gradient} (same length), with {@code kernels}' arithmetic. */
    void step(float[] parameters, float[] gradient, Kernels kernels);

    /** A one-line description for reports, such as {@code gd (lr 1.0)}. */
    String describe();
}
