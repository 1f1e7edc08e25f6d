package io.vecnet.train;

import io.vecnet.nn.Mlp;

/**
 * What a training run did: the trained network (with early stopping, the best one seen), the steps
 * and epochs run, the last training loss computed, the wall time of the loop, whether early stopping
 * (the config's patience) ended it, and the returned network's validation loss and accuracy (null
 * without validation data). A listener that stops the run ends it without setting
 * {@code stoppedEarly}: it knows it stopped it, and the network returned is the last one, not a best.
 */
public record TrainingResult(Mlp model, int iterations, int epochs, float finalLoss, long nanos, boolean stoppedEarly,
                             Evaluation validation) {
    public double seconds() {
        return nanos / 1e9;
    }

    public double iterationsPerSecond() {
        return nanos == 0 ? 0 : iterations / seconds();
    }
}
