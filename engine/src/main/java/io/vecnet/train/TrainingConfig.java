package io.vecnet.train;

/**
 * Full-batch gradient descent settings. The case study uses step 1.0, reg 1e-3, and 200
 * iterations reported every 10 (linear) or 10,000 reported every 1,000 (net).
 */
public record TrainingConfig(float stepSize, float reg, int iterations, int reportEvery) {
    public TrainingConfig {
        if (!(stepSize > 0f) || !Float.isFinite(stepSize)) {
            throw new IllegalArgumentException("step size must be a finite number > 0, got " + stepSize);
        }
        if (!(reg >= 0f) || !Float.isFinite(reg)) {
            throw new IllegalArgumentException("regularisation strength must be a finite number >= 0, got " + reg);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
        if (reportEvery < 1) {
            throw new IllegalArgumentException("the report interval must be >= 1, got " + reportEvery);
        }
    }

    public static TrainingConfig linearCaseStudy() {
        return new TrainingConfig(1.0f, 1e-3f, 200, 10);
    }

    public static TrainingConfig netCaseStudy() {
        return new TrainingConfig(1.0f, 1e-3f, 10_000, 1_000);
    }
}
