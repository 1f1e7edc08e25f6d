package io.vecnet.train;

/**
 * How to train: the L2 strength; how long (at most {@code iterations} optimiser steps and at most
 * {@code epochs} passes over the data, whichever ends first); the batch size ({@link #FULL_BATCH} or
 * a number of rows, shuffled each epoch from {@code seed}); the learning-rate schedule; and early
 * stopping after {@code patience} reports without improvement (0: never). Full-batch runs report
 * every {@code reportEvery} steps, mini-batch runs at the end of every epoch.
 *
 * <p>The case study trains its net with {@code new TrainingConfig(1e-3f, 10_000, 1_000)} and its linear
 * classifier with {@code new TrainingConfig(1e-3f, 200, 10)}, both with {@code new GradientDescent(1f)}.
 */
public record TrainingConfig(float l2, int iterations, int reportEvery, int batchSize, int epochs, long seed,
                             LearningRateSchedule schedule, int patience) {
    public static final int FULL_BATCH = 0;
    public static final int UNLIMITED = Integer.MAX_VALUE;
    /** An improvement smaller than this does not reset early stopping's patience (scikit-learn's tol). */
    public static final float MIN_IMPROVEMENT = 1e-4f;

    public TrainingConfig {
        L2Penalty.requireValid(l2);
        if (iterations < 0 || epochs < 0) {
            throw new IllegalArgumentException("iterations and epochs must be >= 0, got " + iterations + " and " + epochs);
        }
        if (iterations == UNLIMITED && epochs == UNLIMITED) {
            throw new IllegalArgumentException("a run needs a limit: iterations or epochs");
        }
        if (reportEvery < 1) {
            throw new IllegalArgumentException("the report interval must be >= 1, got " + reportEvery);
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("the batch size must be >= 1, or 0 for full batch, got " + batchSize);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        }
        if (schedule == null) {
            throw new IllegalArgumentException("a learning-rate schedule is needed (LearningRateSchedule.CONSTANT)");
        }
    }

    /** Full-batch training for {@code iterations} steps with a constant learning rate. */
    public TrainingConfig(float l2, int iterations, int reportEvery) {
        this(l2, iterations, reportEvery, FULL_BATCH, UNLIMITED, 0, LearningRateSchedule.CONSTANT, 0);
    }

    public TrainingConfig withReportEvery(int every) {
        return new TrainingConfig(l2, iterations, every, batchSize, epochs, seed, schedule, patience);
    }

    /** Mini-batches of {@code rows} rows, shuffled each epoch from {@code shuffleSeed}. */
    public TrainingConfig withBatches(int rows, long shuffleSeed) {
        return new TrainingConfig(l2, iterations, reportEvery, rows, epochs, shuffleSeed, schedule, patience);
    }

    public TrainingConfig withEpochs(int count) {
        return new TrainingConfig(l2, iterations, reportEvery, batchSize, count, seed, schedule, patience);
    }

    public TrainingConfig withIterations(int count) {
        return new TrainingConfig(l2, count, reportEvery, batchSize, epochs, seed, schedule, patience);
    }

    public TrainingConfig withSchedule(LearningRateSchedule rates) {
        return new TrainingConfig(l2, iterations, reportEvery, batchSize, epochs, seed, rates, patience);
    }

    public TrainingConfig withPatience(int reports) {
        return new TrainingConfig(l2, iterations, reportEvery, batchSize, epochs, seed, schedule, reports);
    }

    /** Whether {@code rows} rows train in one batch: full batch asked for, or batches at least that big. */
    public boolean fullBatch(int rows) {
        return batchSize == FULL_BATCH || batchSize >= rows;
    }

    /** Optimiser steps in one epoch over {@code rows} rows. */
    public int stepsPerEpoch(int rows) {
        return fullBatch(rows) ? 1 : (rows + batchSize - 1) / batchSize;
    }

    /** The steps this run takes at most on {@code rows} rows. */
    public int totalSteps(int rows) {
        long byEpochs = epochs == UNLIMITED ? Long.MAX_VALUE : (long) epochs * stepsPerEpoch(rows);
        return (int) Math.min(iterations, Math.min(byEpochs, Integer.MAX_VALUE - 1L));
    }
}
