package io.vecnet.bench;

import io.vecnet.kernels.Kernels;
import io.vecnet.train.GradientDescent;
import io.vecnet.train.Objective;

/**
 * One full-batch gradient-descent step as {@code Trainer} runs it: the objective (forward, backward,
 * L2) and the optimiser's update. The parameters keep training from one call to the next.
 */
final class TrainingStep {
    private final Kernels kernels;
    private final Objective objective;
    private final GradientDescent optimizer;
    private final float[] parameters;
    private final float[] gradient;

    TrainingStep(CaseStudy.Problem problem, float l2, float step, Kernels kernels) {
        this.kernels = kernels;
        this.objective = Objective.on(problem.data(), problem.model().spec(), l2, kernels);
        this.optimizer = new GradientDescent(step);
        this.parameters = problem.model().parameters();
        this.gradient = new float[parameters.length];
    }

    float run() {
        float loss = objective.lossAndGradient(parameters, gradient);
        optimizer.step(parameters, gradient, kernels);
        return loss;
    }
}
