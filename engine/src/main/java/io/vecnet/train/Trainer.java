package io.vecnet.train;

import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.kernels.Kernels;
import io.vecnet.nn.Mlp;
import io.vecnet.nn.NetworkSpec;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The training loop. Full batch: each step computes the {@link Objective} on all rows, reports, and
 * lets the {@link Optimizer} update the parameters. Mini-batch: each epoch shuffles the rows from
 * the config's seed and takes one step per batch of {@link BatchObjective}, then reports. Buffers are
 * made before the loop, so it allocates none (but for the reports' validation passes).
 */
public final class Trainer {
    private final Kernels kernels;

    public Trainer(Kernels kernels) {
        this.kernels = Objects.requireNonNull(kernels, "kernels");
    }

    public TrainingResult train(Mlp model, Dataset data, TrainingConfig config, Optimizer optimizer) {
        return train(model, data, null, config, optimizer, TrainingListener.NONE);
    }

    /**
     * Whether training {@code spec} on {@code rows} rows with {@code config} takes these kernels'
     * fused pass (full batch, where the kernels offer one for the shape) rather than the layers
     * one by one.
     */
    public boolean usesFusedPass(NetworkSpec spec, TrainingConfig config, int rows) {
        return config.fullBatch(rows) && Objective.usesFusedPass(spec, kernels);
    }

    public TrainingResult train(Mlp model, Dataset data, TrainingConfig config, Optimizer optimizer,
                                TrainingListener listener) {
        return train(model, data, null, config, optimizer, listener);
    }

    /**
     * Trains a copy of {@code model}'s parameters on {@code data} and returns the trained network;
     * {@code model} itself is not changed. With {@code validation} rows (or null), every report
     * measures them, and early stopping watches their loss instead of the training loss.
     *
     * @throws IllegalArgumentException when {@code data}, or {@code validation} if given, has no rows
     * @throws TrainingDivergedException when the loss stops being finite
     */
    public TrainingResult train(Mlp model, Dataset data, Dataset validation, TrainingConfig config,
                                Optimizer optimizer, TrainingListener listener) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(listener, "listener");
        if (data.size() == 0) {
            throw new IllegalArgumentException("no rows to train on");
        }
        if (validation != null && validation.size() == 0) {
            // Refused before any step: Evaluation.of refuses it too, but only at the first report.
            throw new IllegalArgumentException("the validation set has no rows; pass null to train without one");
        }
        Run run = new Run(model, validation, config, optimizer, listener);
        long start = System.nanoTime();
        if (config.fullBatch(data.size())) {
            run.fullBatch(data);
        } else {
            run.miniBatches(data);
        }
        long nanos = System.nanoTime() - start;
        Mlp trained = Mlp.of(model.spec(), run.parameters);
        Evaluation held = validation == null ? null : Evaluation.of(trained, validation, kernels);
        return new TrainingResult(trained, run.steps, run.epochs, run.loss, nanos, run.stoppedEarly, held);
    }

    /** One run's parameters, progress and early-stopping state. */
    private final class Run {
        private final NetworkSpec spec;
        private final Dataset validation;
        private final TrainingConfig config;
        private final Optimizer optimizer;
        private final TrainingListener listener;
        private final float baseRate;
        final float[] parameters;
        private final float[] gradient;
        private float[] best;
        private float bestMetric = Float.POSITIVE_INFINITY;
        private int reportsWithoutImprovement;
        int steps;
        int epochs;
        float loss = Float.NaN;
        boolean stoppedEarly;

        Run(Mlp model, Dataset validation, TrainingConfig config, Optimizer optimizer, TrainingListener listener) {
            this.spec = model.spec();
            this.validation = validation;
            this.config = config;
            this.optimizer = optimizer;
            this.listener = listener;
            this.baseRate = optimizer.learningRate();
            this.parameters = model.parameters();
            this.gradient = new float[parameters.length];
        }

        void fullBatch(Dataset data) {
            Objective objective = Objective.on(data, spec, config.l2(), kernels);
            int total = config.totalSteps(data.size());
            for (; steps < total; steps++) {
                loss = objective.lossAndGradient(parameters, gradient);
                requireFinite(loss);
                if (steps % config.reportEvery() == 0 && reportStops(steps, steps)) {
                    break;
                }
                update(total);
            }
            epochs = steps;
        }

        void miniBatches(Dataset data) {
            int n = data.size();
            int batch = config.batchSize();
            BatchObjective objective = new BatchObjective(spec, config.l2(), kernels, batch);
            int[] order = IntStream.range(0, n).toArray();
            Rng rng = new Rng(config.seed());
            int total = config.totalSteps(n);
            while (steps < total) {
                rng.shuffle(order);
                double lossSum = 0;
                int seen = 0;
                for (int from = 0; from < n && steps < total; from += batch) {
                    int count = Math.min(batch, n - from);
                    objective.load(data, order, from, count);
                    float batchLoss = objective.lossAndGradient(parameters, gradient);
                    requireFinite(batchLoss);
                    lossSum += (double) batchLoss * count;
                    seen += count;
                    update(total);
                    steps++;
                }
                epochs++;
                loss = (float) (lossSum / seen);
                if (reportStops(steps, epochs)) {
                    break;
                }
            }
        }

        private void update(int total) {
            if (config.schedule() != LearningRateSchedule.CONSTANT) {
                optimizer.setLearningRate(config.schedule().rate(baseRate, steps, total));
            }
            optimizer.step(parameters, gradient, kernels);
        }

        private void requireFinite(float value) {
            if (!Float.isFinite(value)) {
                throw new TrainingDivergedException(steps, value);
            }
        }

        /** Reports, then applies early stopping; true when training ends here. */
        private boolean reportStops(int iteration, int epoch) {
            Evaluation held = validation == null ? null
                    : Evaluation.of(Mlp.of(spec, parameters), validation, kernels);
            TrainingListener.Progress progress = new TrainingListener.Progress(iteration, epoch, loss, held);
            listener.onReport(progress);
            if (progress.stopRequested()) {
                return true;
            }
            return config.patience() > 0 && patienceRunsOut(held == null ? loss : held.loss());
        }

        private boolean patienceRunsOut(float metric) {
            if (metric < bestMetric - TrainingConfig.MIN_IMPROVEMENT) {
                bestMetric = metric;
                best = parameters.clone();
                reportsWithoutImprovement = 0;
                return false;
            }
            if (++reportsWithoutImprovement < config.patience()) {
                return false;
            }
            System.arraycopy(best, 0, parameters, 0, parameters.length);
            stoppedEarly = true;
            return true;
        }
    }
}
