package io.vecnet.train;

/**
 * How long to train and how strongly to regularise: {@code iterations} full-batch steps, the loss
 * reported every {@code reportEvery}, and the L2 strength. The case study trains its net with
 * {@code new TrainingConfig(1e-3f, 10_000, 1_000)} and its linear classifier with
 * {@code new TrainingConfig(1e-3f, 200, 10)}, both with {@code new GradientDescent(1f)}.
 */
public record TrainingConfig(float l2, int iterations, int reportEvery) {
    public TrainingConfig {
        if (!(l2 >= 0f) || !Float.isFinite(l2)) {
            throw new IllegalArgumentException("L2 strength must be a finite number >= 0, got " + l2);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
        if (reportEvery < 1) {
            throw new IllegalArgumentException("the report interval must be >= 1, got " + reportEvery);
        }
    }

    public TrainingConfig withReportEvery(int every) {
        return new TrainingConfig(l2, iterations, every);
    }
}
