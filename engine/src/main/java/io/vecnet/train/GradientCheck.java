package io.vecnet.train;

import io.vecnet.Matrix;
import io.vecnet.data.Dataset;
import io.vecnet.kernels.Kernels;
import io.vecnet.model.Model;
import io.vecnet.model.Objective;
import io.vecnet.model.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares analytic gradients with centred differences {@code (L(θ+h) - L(θ-h)) / 2h}, element by
 * element. The relative error {@code |a - n| / max(|a| + |n|, floor)} is reported per parameter;
 * the floor keeps gradients that are nearly zero from dominating in float32.
 */
public final class GradientCheck {
    /** Step for the centred differences: large enough to rise above float32 rounding of the loss. */
    public static final float DEFAULT_STEP = 1e-2f;
    /** A correct float32 gradient stays below this relative error. */
    public static final double TOLERANCE = 1e-2;
    private static final double FLOOR = 1e-3;

    /** The worst relative error found in one parameter. */
    public record Result(String parameter, double maxRelativeError) {
        public boolean passed() {
            return maxRelativeError < TOLERANCE;
        }
    }

    private GradientCheck() {
    }

    public static List<Result> check(Model model, Dataset data, float reg, Kernels kernels) {
        return check(model.parameters(), model.objective(data, reg, kernels), DEFAULT_STEP);
    }

    /** Checks {@code objective}'s gradients against its own loss, perturbing each parameter in turn. */
    public static List<Result> check(List<Parameter> parameters, Objective objective, float step) {
        objective.evaluate();
        List<float[]> analytic = objective.gradients().stream().map(g -> g.data().clone()).toList();
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            Matrix value = parameters.get(i).value();
            double worst = 0;
            for (int e = 0; e < value.size(); e++) {
                double numeric = centredDifference(objective, value.data(), e, step);
                double a = analytic.get(i)[e];
                worst = Math.max(worst, Math.abs(a - numeric) / Math.max(Math.abs(a) + Math.abs(numeric), FLOOR));
            }
            results.add(new Result(parameters.get(i).name(), worst));
        }
        return results;
    }

    private static double centredDifference(Objective objective, float[] values, int index, float step) {
        float original = values[index];
        values[index] = original + step;
        double plus = objective.evaluate();
        values[index] = original - step;
        double minus = objective.evaluate();
        values[index] = original;
        return (plus - minus) / (2.0 * step);
    }
}
