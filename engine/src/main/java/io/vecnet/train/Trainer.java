package io.vecnet.train;

import io.vecnet.Matrix;
import io.vecnet.data.Dataset;
import io.vecnet.kernels.Kernels;
import io.vecnet.model.Model;
import io.vecnet.model.Objective;
import io.vecnet.model.Parameter;
import java.util.List;

/** Full-batch gradient descent: {@code θ -= step · ∇loss(θ)} for every parameter, each iteration. */
public final class Trainer {
    private final Kernels kernels;

    public Trainer(Kernels kernels) {
        this.kernels = kernels;
    }

    /**
     * Trains {@code model} in place. The objective's buffers are made once, before the loop, so the
     * loop allocates no buffers.
     *
     * @throws TrainingDivergedException when the loss stops being finite
     */
    public TrainingResult train(Model model, Dataset data, TrainingConfig config, TrainingListener listener) {
        Objective objective = model.objective(data, config.reg(), kernels);
        List<Parameter> parameters = model.parameters();
        List<Matrix> gradients = objective.gradients();
        float loss = Float.NaN;
        long start = System.nanoTime();
        for (int iteration = 0; iteration < config.iterations(); iteration++) {
            loss = objective.evaluate();
            if (!Float.isFinite(loss)) {
                throw new TrainingDivergedException(iteration, loss, config.stepSize());
            }
            if (iteration % config.reportEvery() == 0) {
                listener.onReport(iteration, loss);
            }
            for (int i = 0; i < parameters.size(); i++) {
                kernels.axpy(-config.stepSize(), gradients.get(i), parameters.get(i).value());
            }
        }
        return new TrainingResult(config.iterations(), loss, System.nanoTime() - start);
    }
}
