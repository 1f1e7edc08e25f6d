package io.vecnet.cli;

import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.data.Spiral;
import io.vecnet.kernels.Backend;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.kernels.Kernels;
import io.vecnet.model.Model;
import io.vecnet.model.SoftmaxClassifier;
import io.vecnet.model.TwoLayerNet;
import io.vecnet.train.Trainer;
import io.vecnet.train.TrainingConfig;
import io.vecnet.train.TrainingResult;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vecnet train}: with no options, the case study's two-layer net on the spiral. */
@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Train a classifier by full-batch gradient descent (default: the case study's "
                + "two-layer net on a 3-arm spiral).")
final class TrainCommand implements Callable<Integer> {
    enum ModelKind { net, linear }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", description = "net (two-layer ReLU) or linear (softmax classifier).")
    ModelKind model = ModelKind.net;

    @Option(names = "--hidden", description = "Hidden units of the net.")
    int hidden = 100;

    @Option(names = "--iterations", description = "Gradient steps (default: 10000 for net, 200 for linear).")
    Integer iterations;

    @Option(names = "--step", description = "Step size (learning rate).")
    float step = 1.0f;

    @Option(names = "--reg", description = "L2 regularisation strength.")
    float reg = 1e-3f;

    @Option(names = "--seed", description = "Seed for the spiral's noise and the initial weights.")
    long seed = 1;

    @Option(names = "--points", description = "Spiral points per class.")
    int points = Spiral.POINTS_PER_CLASS;

    @Option(names = "--classes", description = "Spiral arms (classes).")
    int classes = Spiral.CLASSES;

    @Option(names = "--print-every", description = "Print the loss every N iterations (default: 1000 for net, 10 for linear).")
    Integer printEvery;

    @Option(names = "--kernels", description = "Kernel backend: auto, vector or scalar.", converter = BackendConverter.class)
    Backend backend = Backend.AUTO;

    @Option(names = {"-q", "--quiet"}, description = "Print only the accuracy and the summary line.")
    boolean quiet;

    @Option(names = "--verbose", description = "Show a stack trace on errors.")
    boolean verbose;

    @Override
    public Integer call() {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        Kernels kernels = KernelProvider.select(backend);
        Rng rng = new Rng(seed);
        Dataset data = Spiral.generate(points, classes, Spiral.NOISE, rng);
        Model net = model == ModelKind.net
                ? TwoLayerNet.initialise(data.dimensions(), hidden, data.classes(), rng)
                : SoftmaxClassifier.initialise(data.dimensions(), data.classes(), rng);
        TrainingResult result = new Trainer(kernels).train(net, data, config(), (iteration, loss) -> {
            if (!quiet) {
                out.printf(Locale.ROOT, "iteration %d: loss %.6f%n", iteration, loss);
            }
        });
        out.printf(Locale.ROOT, "training accuracy: %.2f%n", net.accuracy(data, kernels));
        out.printf(Locale.ROOT, "%s kernels: %d iterations in %.3f s (%.0f iterations/s)%n",
                kernels.description(), result.iterations(), result.seconds(), result.iterationsPerSecond());
        out.flush();
        return 0;
    }

    private TrainingConfig config() {
        boolean isNet = model == ModelKind.net;
        TrainingConfig defaults = isNet ? TrainingConfig.netCaseStudy() : TrainingConfig.linearCaseStudy();
        return new TrainingConfig(step, reg,
                iterations != null ? iterations : defaults.iterations(),
                printEvery != null ? printEvery : defaults.reportEvery());
    }

    private void validate() {
        require(hidden >= 1, "--hidden must be at least 1, got " + hidden);
        require(iterations == null || iterations >= 0, "--iterations must be >= 0, got " + iterations);
        require(step > 0 && Float.isFinite(step), "--step must be a finite number > 0, got " + step);
        require(reg >= 0 && Float.isFinite(reg), "--reg must be a finite number >= 0, got " + reg);
        require(points >= 1, "--points must be at least 1, got " + points);
        require(classes >= 2, "--classes must be at least 2, got " + classes);
        require(printEvery == null || printEvery >= 1, "--print-every must be at least 1, got " + printEvery);
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }
}
