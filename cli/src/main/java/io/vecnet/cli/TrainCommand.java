package io.vecnet.cli;

import io.vecnet.io.AtomicFile;
import io.vecnet.io.CsvDataset;
import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.data.Spiral;
import io.vecnet.kernels.Kernels;
import io.vecnet.model.Model;
import io.vecnet.io.ModelFile;
import io.vecnet.train.Trainer;
import io.vecnet.train.TrainingConfig;
import io.vecnet.train.TrainingDivergedException;
import io.vecnet.train.TrainingResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vecnet train}: with no options, the case study's two-layer net on the spiral. */
@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Train a classifier by full-batch gradient descent (default: the case study's "
                + "two-layer net on a 3-arm spiral).")
final class TrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "FILE",
            description = "Train on a CSV file: numeric features, then an integer class label 0..K-1 last; "
                    + "an optional header row (default: the spiral).")
    Path dataFile;

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

    @Option(names = "--points", description = "Spiral points per class (default: " + Spiral.POINTS_PER_CLASS + ").")
    Integer points;

    @Option(names = "--classes", description = "Classes: spiral arms (default: " + Spiral.CLASSES
            + "), or for --data the label range (default: the largest label + 1).")
    Integer classes;

    @Option(names = "--print-every", description = "Print the loss every N iterations (default: 1000 for net, 10 for linear).")
    Integer printEvery;

    @Option(names = "--save", paramLabel = "FILE", description = "Save the trained model (vecnet model format, .vnet).")
    Path saveFile;

    @Option(names = "--plot", paramLabel = "FILE", description = "Draw the loss curve as a PNG image.")
    Path plotFile;

    @Mixin
    KernelOptions kernelOptions;

    @Option(names = {"-q", "--quiet"}, description = "Print only the accuracy and the summary line.")
    boolean quiet;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        validate();
        DistinctFiles.of(spec).input("--data", dataFile).output("--save", saveFile).output("--plot", plotFile).check();
        requireWritable(saveFile);
        requireWritable(plotFile);
        PrintWriter out = spec.commandLine().getOut();
        Kernels kernels = kernelOptions.kernels();
        Rng rng = new Rng(seed);
        Dataset data = dataFile == null ? spiral(rng) : csv();
        Model net = model.initialise(data.dimensions(), hidden, data.classes(), rng);
        TrainingConfig config = config();
        TrainingReport report = new TrainingReport(out, config.iterations(), config.reportEvery(), !quiet,
                System.console() != null, System::nanoTime);
        TrainingResult result = train(net, data, kernels, config, report);
        out.printf(Locale.ROOT, "training accuracy: %.2f%n", net.accuracy(data, kernels));
        out.printf(Locale.ROOT, "%s kernels: %d iterations in %.3f s (%.0f iterations/s)%n",
                kernels.description(), result.iterations(), result.seconds(), result.iterationsPerSecond());
        if (saveFile != null) {
            ModelFile.save(net, saveFile);
            out.println("saved the " + net.kind() + " model to " + saveFile);
        }
        if (plotFile != null) {
            LossPlot.draw(report.lossCurve(), report.curveStride(), 800, 500).writePng(plotFile);
            out.println("drew the loss curve in " + plotFile);
        }
        out.flush();
        return 0;
    }

    /** Trains with a report every iteration: the report itself decides what to print and keep. */
    private TrainingResult train(Model net, Dataset data, Kernels kernels, TrainingConfig config, TrainingReport report) {
        TrainingConfig everyIteration = new TrainingConfig(config.stepSize(), config.reg(), config.iterations(), 1);
        try {
            return new Trainer(kernels).train(net, data, everyIteration, report);
        } catch (TrainingDivergedException e) {
            throw new CommandFailedException("training diverged: the loss stopped being finite at iteration "
                    + e.iteration() + "; try a smaller --step than " + step, e);
        } finally {
            report.finish();
        }
    }

    private Dataset spiral(Rng rng) {
        int pointsPerClass = points != null ? points : Spiral.POINTS_PER_CLASS;
        int arms = classes != null ? classes : Spiral.CLASSES;
        requireMemory(2, arms, (long) pointsPerClass * arms);
        return Spiral.generate(pointsPerClass, arms, Spiral.NOISE, rng);
    }

    private Dataset csv() throws IOException {
        Dataset data = classes == null ? CsvDataset.read(dataFile) : CsvDataset.read(dataFile, classes);
        requireMemory(data.dimensions(), data.classes(), data.size());
        return data;
    }

    private TrainingConfig config() {
        TrainingConfig defaults = model.caseStudyConfig();
        return new TrainingConfig(step, reg,
                iterations != null ? iterations : defaults.iterations(),
                printEvery != null ? printEvery : defaults.reportEvery());
    }

    private void requireMemory(int inputs, int classCount, long rows) {
        long needed = MemoryEstimate.trainingBytes(model, inputs, hidden, classCount, rows);
        long available = Runtime.getRuntime().maxMemory();
        if (needed > available) {
            String shape = inputs + " inputs, " + (model == ModelKind.net ? hidden + " hidden units, " : "")
                    + classCount + " classes and " + rows + " rows";
            throw new CommandFailedException("a " + model + " model with " + shape + " needs about "
                    + MemoryEstimate.format(needed) + " of memory to train, more than the "
                    + MemoryEstimate.format(available) + " this JVM may use");
        }
    }

    private static void requireWritable(Path file) throws IOException {
        if (file != null) {
            AtomicFile.requireWritable(file);
        }
    }

    private void validate() {
        require(hidden >= 1, "--hidden must be at least 1, got " + hidden);
        require(iterations == null || iterations >= 0, "--iterations must be >= 0, got " + iterations);
        require(step > 0 && Float.isFinite(step), "--step must be a finite number > 0, got " + step);
        require(reg >= 0 && Float.isFinite(reg), "--reg must be a finite number >= 0, got " + reg);
        require(points == null || points >= 1, "--points must be at least 1, got " + points);
        require(points == null || dataFile == null, "--points sizes the spiral; it cannot be used with --data");
        require(classes == null || classes >= 2, "--classes must be at least 2, got " + classes);
        require(plotFile == null || iterations == null || iterations > 0, "--plot draws the loss of each iteration; "
                + "it needs --iterations of at least 1");
        require(printEvery == null || printEvery >= 1, "--print-every must be at least 1, got " + printEvery);
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }
}
