package io.vecnet.train;

/** What a training run did: iterations run, the last loss computed, and the wall time of the loop. */
public record TrainingResult(int iterations, float finalLoss, long nanos) {
    public double seconds() {
        return nanos / 1e9;
    }

    public double iterationsPerSecond() {
        return nanos == 0 ? 0 : iterations / seconds();
    }
}
