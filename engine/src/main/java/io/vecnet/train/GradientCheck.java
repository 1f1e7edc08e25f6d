package io.vecnet.train;

import io.vecnet.data.Dataset;
import io.vecnet.kernels.Kernels;
import io.vecnet.nn.DenseLayer;
import io.vecnet.nn.Mlp;
import io.vecnet.nn.NetworkSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Compares the analytic float32 gradient of a network's {@link Objective} with centred differences
 * {@code (L(θ+h) - L(θ-h)) / 2h} of the same loss recomputed in float64, element by element. In
 * float32 the loss's own rounding would swamp the small gradients of a freshly initialised
 * network; in float64 the only error left is the step's, kept small so that it rarely carries
 * a ReLU across its kink. The relative error {@code |a - n| / max(|a| + |n|, floor)} is reported
 * per weight matrix and bias.
 */
public final class GradientCheck {
    /** The finite-difference step. */
    public static final double DEFAULT_STEP = 1e-6;
    /** A correct float32 gradient stays below this relative error. */
    public static final double TOLERANCE = 1e-2;
    /** Rows of one part of the analytic gradient; see {@link #analyticGradient}. */
    static final int BLOCK_ROWS = 16;
    /**
     * Gradients smaller than this in magnitude are compared in absolute terms: float32 rounding leaves
     * about 1e-8 on a gradient that is nearly zero (a balanced output bias's on 150 rows: 6e-8, off by
     * 1.4e-8), a relative error no float32 gradient can get below the tolerance.
     */
    private static final double FLOOR = 1e-5;

    /** The worst relative error found in one parameter block, such as {@code W2}. */
    public record Result(String parameter, double maxRelativeError) {
        public boolean passed() {
            return maxRelativeError < TOLERANCE;
        }
    }

    private GradientCheck() {
    }

    /** Checks the gradient of {@code model}'s objective on {@code data}, computed with {@code kernels}. */
    public static List<Result> check(Mlp model, Dataset data, float l2, Kernels kernels) {
        float[] parameters = model.parameters();
        return check(model.spec(), parameters, analyticGradient(model.spec(), parameters, data, l2, kernels), data,
                l2, DEFAULT_STEP);
    }

    /**
     * The objective's gradient as the kernels compute it, {@value #BLOCK_ROWS} rows at a time, the
     * blocks' gradients (each scaled by 1/N, as the objective's parts are) summed in float64 with the
     * L2 term. One float32 sum over thousands of rows whose terms cancel, as an output bias's do when
     * the classes are balanced, is off by more than the tolerance (3.3e-6 on a gradient of 2e-5 over
     * the 3,000 rows of a spiral sorted by class): the check would fail correct backprop, which is
     * what it is for.
     */
    public static float[] analyticGradient(NetworkSpec spec, float[] parameters, Dataset data, float l2,
                                           Kernels kernels) {
        double[] sum = new double[parameters.length];
        float[] part = new float[parameters.length];
        Objective.withoutRows(spec, l2, kernels).lossAndGradient(parameters, part);
        add(part, sum);
        int n = data.size();
        for (int start = 0; start < n; start += BLOCK_ROWS) {
            Dataset block = data.rows(IntStream.range(start, Math.min(n, start + BLOCK_ROWS)).toArray());
            Objective.on(block, spec, 0f, kernels).dataLossAndGradient(parameters, 1f / n, part);
            add(part, sum);
        }
        float[] gradient = new float[parameters.length];
        for (int e = 0; e < gradient.length; e++) {
            gradient[e] = (float) sum[e];
        }
        return gradient;
    }

    private static void add(float[] part, double[] sum) {
        for (int e = 0; e < part.length; e++) {
            sum[e] += part[e];
        }
    }

    /** Checks {@code gradient}, claimed to be the objective's at {@code parameters}. */
    public static List<Result> check(NetworkSpec spec, float[] parameters, float[] gradient, Dataset data, float l2,
                                     double step) {
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("the finite-difference step must be a finite number > 0, got " + step);
        }
        float[] values = parameters.clone();
        List<Result> results = new ArrayList<>();
        for (DenseLayer layer : spec.layers()) {
            results.add(worst(layer.weightName(), layer.weightOffset(), layer.biasOffset(), spec, values, gradient,
                    data, l2, step));
            results.add(worst(layer.biasName(), layer.biasOffset(), layer.end(), spec, values, gradient, data, l2, step));
        }
        return results;
    }

    private static Result worst(String name, int from, int to, NetworkSpec spec, float[] values, float[] gradient,
                                Dataset data, float l2, double step) {
        double worst = 0;
        for (int e = from; e < to; e++) {
            double numeric = centredDifference(spec, values, e, data, l2, step);
            double a = gradient[e];
            worst = Math.max(worst, Math.abs(a - numeric) / Math.max(Math.abs(a) + Math.abs(numeric), FLOOR));
        }
        return new Result(name, worst);
    }

    private static double centredDifference(NetworkSpec spec, float[] values, int index, Dataset data, float l2,
                                            double step) {
        float original = values[index];
        // The parameters are float32, so divide by the steps actually taken, not the ones asked for.
        float plus = (float) (original + step);
        float minus = (float) (original - step);
        values[index] = plus;
        double lossPlus = ReferenceLoss.of(spec, values, data, l2);
        values[index] = minus;
        double lossMinus = ReferenceLoss.of(spec, values, data, l2);
        values[index] = original;
        return (lossPlus - lossMinus) / ((double) plus - minus);
    }
}
