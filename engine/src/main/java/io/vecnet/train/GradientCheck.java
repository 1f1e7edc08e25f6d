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
 * Compares the analytic float32 gradients of a model's objective with centred differences
 * {@code (L(θ+h) - L(θ-h)) / 2h} of the same loss recomputed in float64, element by element. In
 * float32 the loss's own rounding would swamp the small gradients of a freshly initialised
 * network; in float64 the only error left is the step's, kept small so that it rarely carries
 * a ReLU across its kink. The relative error {@code |a - n| / max(|a| + |n|, floor)} is reported
 * per parameter.
 */
public final class GradientCheck {
    /** The finite-difference step. */
    public static final double DEFAULT_STEP = 1e-6;
    /** A correct float32 gradient stays below this relative error. */
    public static final double TOLERANCE = 1e-2;
    /** Gradients smaller than this in magnitude are compared in absolute terms. */
    private static final double FLOOR = 1e-6;

    /** The worst relative error found in one parameter. */
    public record Result(String parameter, double maxRelativeError) {
        public boolean passed() {
            return maxRelativeError < TOLERANCE;
        }
    }

    private GradientCheck() {
    }

    /** Checks {@code model}'s own objective on {@code data}. */
    public static List<Result> check(Model model, Dataset data, float reg, Kernels kernels) {
        return check(model, data, reg, model.objective(data, reg, kernels), DEFAULT_STEP);
    }

    /** Checks the gradients that {@code analytic} computes for {@code model}'s parameters. */
    public static List<Result> check(Model model, Dataset data, float reg, Objective analytic, double step) {
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("the finite-difference step must be a finite number > 0, got " + step);
        }
        analytic.evaluate();
        List<Parameter> parameters = model.parameters();
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            float[] gradient = analytic.gradients().get(i).data();
            Matrix value = parameters.get(i).value();
            double worst = 0;
            for (int e = 0; e < value.size(); e++) {
                double numeric = centredDifference(model, data, reg, value.data(), e, step);
                double a = gradient[e];
                worst = Math.max(worst, Math.abs(a - numeric) / Math.max(Math.abs(a) + Math.abs(numeric), FLOOR));
            }
            results.add(new Result(parameters.get(i).name(), worst));
        }
        return results;
    }

    private static double centredDifference(Model model, Dataset data, float reg, float[] values, int index,
                                            double step) {
        float original = values[index];
        // The parameters are float32, so divide by the steps actually taken, not the ones asked for.
        float plus = (float) (original + step);
        float minus = (float) (original - step);
        values[index] = plus;
        double lossPlus = ReferenceLoss.of(model, data, reg);
        values[index] = minus;
        double lossMinus = ReferenceLoss.of(model, data, reg);
        values[index] = original;
        return (lossPlus - lossMinus) / ((double) plus - minus);
    }
}
