package io.vecnet.train;

import io.vecnet.nn.Mlp;

/**
 * What a training run did: the trained network, the iterations run (fewer than asked when a
 * listener stopped it), the last loss computed, and the wall time of the loop.
 */
public record TrainingResult(Mlp model, int iterations, float finalLoss, long nanos) {
    public double seconds() {
        return nanos / 1e9;
    }

    public double iterationsPerSecond() {
        return nanos == 0 ? 0 : iterations / seconds();
    }
}
