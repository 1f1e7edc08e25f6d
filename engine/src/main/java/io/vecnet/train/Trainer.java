package io.vecnet.train;

import io.vecnet.data.Dataset;
import io.vecnet.kernels.Kernels;
import io.vecnet.nn.Mlp;

/**
 * The training loop: each iteration computes the full-batch {@link Objective} and its gradient,
 * reports, and lets the {@link Optimizer} update the parameters. Buffers are made before the loop,
 * so the loop allocates none.
 */
public final class Trainer {
    private final Kernels kernels;

    public Trainer(Kernels kernels) {
        this.kernels = kernels;
    }

    public TrainingResult train(Mlp model, Dataset data, TrainingConfig config, Optimizer optimizer) {
        return train(model, data, config, optimizer, TrainingListener.NONE);
    }

    /**
     * Trains a copy of {@code model}'s parameters and returns the trained network; {@code model}
     * itself is not changed.
     *
     * @throws TrainingDivergedException when the loss stops being finite
     */
    public TrainingResult train(Mlp model, Dataset data, TrainingConfig config, Optimizer optimizer,
                                TrainingListener listener) {
        Objective objective = Objective.on(data, model.spec(), config.l2(), kernels);
        float[] parameters = model.parameters();
        float[] gradient = new float[parameters.length];
        float loss = Float.NaN;
        int iteration = 0;
        long start = System.nanoTime();
        for (; iteration < config.iterations(); iteration++) {
            loss = objective.lossAndGradient(parameters, gradient);
            if (!Float.isFinite(loss)) {
                throw new TrainingDivergedException(iteration, loss);
            }
            if (iteration % config.reportEvery() == 0 && stops(listener, iteration, loss)) {
                break;
            }
            optimizer.step(parameters, gradient, kernels);
        }
        long nanos = System.nanoTime() - start;
        return new TrainingResult(Mlp.of(model.spec(), parameters), iteration, loss, nanos);
    }

    private static boolean stops(TrainingListener listener, int iteration, float loss) {
        TrainingListener.Progress progress = new TrainingListener.Progress(iteration, loss);
        listener.onReport(progress);
        return progress.stopRequested();
    }
}
