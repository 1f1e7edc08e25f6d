package io.vecnet.cli;

import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.data.Spiral;
import io.vecnet.kernels.Kernels;
import io.vecnet.nn.Activation;
import io.vecnet.nn.Mlp;
import io.vecnet.nn.NetworkSpec;
import io.vecnet.train.GradientCheck;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vecnet gradcheck}: analytic gradients against centred differences on a small spiral. */
@Command(name = "gradcheck", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Check the freshly initialised model's analytic float32 gradients against centred finite "
                + "differences of its loss in float64 and print the worst relative error per parameter; exit 1 "
                + "if any is above the tolerance.")
final class GradcheckCommand implements Callable<Integer> {
    static final int DEFAULT_HIDDEN = 10;
    static final int MAX_PARAMETERS = 100_000;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Option(names = "--reg", description = "L2 regularisation strength.")
    float reg = 1e-3f;

    @Option(names = "--delta", description = "Finite-difference step h in (L(θ+h) - L(θ-h)) / 2h.")
    double delta = GradientCheck.DEFAULT_STEP;

    @Mixin
    KernelOptions kernelOptions;

    @Option(names = "--points", description = "Spiral points per class: few, so that few ReLU kinks lie within a step.")
    int points = 5;

    @Option(names = "--classes", description = "Spiral arms (classes).")
    int classes = Spiral.CLASSES;

    @Option(names = "--seed", description = "Seed for the spiral's noise and the initial weights.")
    long seed = 1;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        require(reg >= 0 && Float.isFinite(reg), "--reg must be a finite number >= 0, got " + reg);
        require(points >= 1 && points <= 1000, "--points must be 1 to 1000, got " + points);
        require(classes >= 2 && classes <= 100, "--classes must be 2 to 100, got " + classes);
        require(delta > 0 && Double.isFinite(delta), "--delta must be a finite number > 0, got " + delta);
        Kernels kernels = kernelOptions.kernels();
        Rng rng = new Rng(seed);
        Dataset data = Spiral.generate(points, classes, Spiral.NOISE, rng);
        NetworkSpec shape = network.spec(spec.commandLine(), data.dimensions(), data.classes(), DEFAULT_HIDDEN);
        require(shape.parameterCount() <= MAX_PARAMETERS, "gradcheck perturbs every parameter in turn; "
                + shape.describe() + " has " + shape.parameterCount() + ", at most " + MAX_PARAMETERS + " are checked");
        Mlp net = Mlp.initialise(shape, network.init(shape), rng);
        float[] parameters = net.parameters();
        float[] gradient = GradientCheck.analyticGradient(shape, parameters, data, reg, kernels);
        List<GradientCheck.Result> results = GradientCheck.check(shape, parameters, gradient, data, reg, delta);
        PrintWriter out = spec.commandLine().getOut();
        for (GradientCheck.Result result : results) {
            out.printf(Locale.ROOT, "%-4s worst relative error %.2e  %s%n", result.parameter(),
                    result.maxRelativeError(), result.passed() ? "ok" : "FAILED");
        }
        out.flush();
        List<String> failed = results.stream().filter(r -> !r.passed()).map(GradientCheck.Result::parameter).toList();
        if (!failed.isEmpty()) {
            throw new CommandFailedException("gradient check failed for " + String.join(", ", failed)
                    + ": relative error at or above " + GradientCheck.TOLERANCE + kinkHint(shape));
        }
        out.printf(Locale.ROOT, "gradient check passed: every relative error is below %s%n", GradientCheck.TOLERANCE);
        out.flush();
        return 0;
    }

    /**
     * ReLU's derivative jumps at 0, so a step that carries one row's unit across 0 makes the centred
     * difference wrong, and the more rows, the likelier (one seed in eight at --points 1000).
     */
    private String kinkHint(NetworkSpec shape) {
        boolean kinked = !shape.hidden().isEmpty()
                && (shape.activation() == Activation.RELU || shape.activation() == Activation.LEAKY_RELU);
        return kinked ? "; with " + shape.activation() + ", a unit crossing 0 within the step does this too: try a "
                + "smaller --delta or fewer --points" : "";
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }
}
