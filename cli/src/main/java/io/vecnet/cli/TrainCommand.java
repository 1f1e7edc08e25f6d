package io.vecnet.cli;

import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.data.Spiral;
import io.vecnet.io.AtomicFile;
import io.vecnet.io.CsvDataset;
import io.vecnet.io.ModelFile;
import io.vecnet.kernels.Kernels;
import io.vecnet.nn.Classifier;
import io.vecnet.nn.Init;
import io.vecnet.nn.Mlp;
import io.vecnet.nn.NetworkSpec;
import io.vecnet.nn.Standardizer;
import io.vecnet.train.Evaluation;
import io.vecnet.train.Objective;
import io.vecnet.train.Optimizer;
import io.vecnet.train.Trainer;
import io.vecnet.train.TrainingConfig;
import io.vecnet.train.TrainingDivergedException;
import io.vecnet.train.TrainingResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vecnet train}: with no options, the case study's two-layer net on the spiral, exactly; with
 * {@code --data}, a recipe in the spirit of scikit-learn's MLPClassifier (standardised inputs, Adam,
 * mini-batches, a stratified validation split, early stopping), printed before training starts.
 */
@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Train a feed-forward classifier.",
                "With no options: the case study's two-layer net on a 3-arm spiral, by full-batch gradient descent.",
                "With --data: standardised inputs, Adam, batches of up to " + TrainCommand.RECIPE_BATCH + " rows, "
                        + "10%% held out for validation, early stopping after " + TrainCommand.RECIPE_PATIENCE
                        + " epochs without improvement, at most " + TrainCommand.RECIPE_EPOCHS + " epochs; "
                        + "every option below overrides its part. --optimizer gd --batch-size full "
                        + "--no-standardize --validation 0 is the course's algorithm on any file."})
final class TrainCommand implements Callable<Integer> {
    static final int DEFAULT_HIDDEN = 100;
    static final int RECIPE_BATCH = 200;
    static final int RECIPE_EPOCHS = 200;
    static final int RECIPE_PATIENCE = 10;
    static final double RECIPE_VALIDATION = 0.1;
    /** Salt for the split's and the shuffle's generators, so they draw apart from the data and the weights. */
    private static final long SPLIT_SALT = 0x5EED5A17L;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "FILE",
            description = "Train on a CSV file (comma, semicolon or tab separated, optionally quoted): numeric "
                    + "features and a class label, last unless --label-column says otherwise, and an optional "
                    + "header line (see --header). Labels are class numbers 0..K-1 or class names (setosa, or "
                    + "1-based 1..K), which the model keeps and predict prints back (default: the spiral).")
    Path dataFile;

    @Option(names = "--label-column", paramLabel = "NAME|INDEX", converter = LabelColumnConverter.class,
            description = "The --data column holding the labels: its name in the header, or its position "
                    + "counted from 1 (default: the last).")
    CsvDataset.LabelColumn labelColumn;

    @Mixin
    HeaderOption headerOption;

    @Mixin
    NetworkOptions network;

    @Mixin
    OptimizerOptions optimizer;

    @Option(names = "--iterations", description = "Most optimiser steps (default: 10000 for net, 200 for linear with "
            + "gd; no limit but --epochs otherwise).")
    Integer iterations;

    @Option(names = "--epochs", description = "Most passes over the training rows (default: "
            + RECIPE_EPOCHS + "; with gd, no limit but --iterations).")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N|full", description = "Rows per step, shuffled each epoch "
            + "from --seed, or full (default: full with gd, else min(" + RECIPE_BATCH + ", rows)).")
    String batchSize;

    @Option(names = "--reg", description = "L2 regularisation strength.")
    float reg = 1e-3f;

    @Option(names = "--validation", paramLabel = "FRACTION", description = "Fraction of the rows held out, "
            + "stratified, to validate on (default: " + RECIPE_VALIDATION + " with --data, 0 on the spiral).")
    Double validation;

    @Option(names = "--patience", description = "Stop after N epochs (steps at full batch) without the "
            + "validation loss (else the training loss) improving by 1e-4, keeping the best weights; 0: never "
            + "(default: " + RECIPE_PATIENCE + ", 0 with gd).")
    Integer patience;

    @Option(names = "--standardize", negatable = true, description = "Scale each feature to mean 0 and std 1 with "
            + "the training rows' statistics, stored in the model (default: on with --data, off on the spiral).")
    Boolean standardize;

    @Option(names = "--seed", description = "Seed for the spiral's noise, the initial weights, the split and the "
            + "shuffling.")
    long seed = 1;

    @Option(names = "--points", description = "Spiral points per class (default: " + Spiral.POINTS_PER_CLASS + ").")
    Integer points;

    @Option(names = "--classes", description = "Classes: spiral arms (default: " + Spiral.CLASSES
            + "), or for --data the number of classes, its labels then being class numbers 0..K-1 "
            + "(default: inferred from the labels).")
    Integer classes;

    @Option(names = "--print-every", description = "Print the loss every N reports (default: with gd at full "
            + "batch every 1000 iterations for net, 10 for linear; otherwise every epoch).")
    Integer printEvery;

    @Option(names = "--save", paramLabel = "FILE", description = "Save the trained model (vecnet model format, .vnet).")
    Path saveFile;

    @Option(names = "--plot", paramLabel = "FILE", description = "Draw the loss curves as an image: PNG "
            + "when the file's extension is png or it has none, JPEG when it is jpg or jpeg (any case).")
    Path plotFile;

    @Mixin
    KernelOptions kernelOptions;

    @Option(names = {"-q", "--quiet"}, description = "Print only the accuracy and the summary line.")
    boolean quiet;

    @Mixin
    VerboseOption verbose;

    /** The names of the data's classes, kept in the model; empty when they are numbered. */
    private List<String> classNames = List.of();
    /** The header's names of the data's features, kept in the model for predict to check; empty without a header. */
    private List<String> featureNames = List.of();

    @Override
    public Integer call() throws IOException {
        StandardOutput.keepDiagnosticsOut(spec.commandLine(), saveFile, plotFile);
        validate();
        DistinctFiles.of(spec).input("--data", dataFile).output("--save", saveFile).output("--plot", plotFile).check();
        if (plotFile != null) {
            Chart.requireFormat(spec.commandLine(), "--plot", plotFile);
        }
        requireWritable(saveFile);
        requireWritable(plotFile);
        PrintWriter out = StandardOutput.forText(spec.commandLine(), saveFile, plotFile);
        Rng rng = new Rng(seed);
        Prepared data = prepare(rng);
        NetworkSpec shape = data.shape();
        Dataset training = data.training();
        Dataset held = data.held();
        Standardizer scaler = data.scaler();
        Init init = network.init(shape);
        Mlp initial = Mlp.initialise(shape, init, rng);
        Optimizer rule = optimizer.create(spec.commandLine(), defaultOptimizer());
        TrainingConfig config = config(training.size());
        long work = plannedMultiplyAdds(shape, config, training.size());
        KernelOptions.RunKernels chosen = kernelOptions.kernelsForRun(shape, config, training.size(), work);
        Kernels kernels = chosen.kernels();
        if (dataFile != null && !quiet) {
            out.println(Recipe.describe(shape, init, rule, config, training.size(), held, scaler != null));
        }
        if (chosen.shortRun() && !quiet) {
            out.printf(Locale.ROOT, "using the scalar kernels: this run (at most %,.1f million multiply-adds) is too "
                    + "short to gain from the vector ones (--kernels vector forces them)%n", work / 1e6);
        }
        TrainingReport report = report(out, config, training.size());
        float initialLoss = report.inEpochs() ? loss(initial, training, config) : Float.NaN;
        TrainingResult result = train(initial, initialLoss, training, held, kernels, config, rule, report);
        Classifier trained = new Classifier(result.model(), scaler, classNames, featureNames);
        float accuracy = result.model().accuracy(training, kernelOptions.kernelsForPass(shape, training.size()));
        out.printf(Locale.ROOT, "training accuracy: %.2f%n", accuracy);
        if (result.validation() != null) {
            out.printf(Locale.ROOT, "validation accuracy: %.4f (%s held out)%s%n", result.validation().accuracy(),
                    Recipe.counted(held.size(), "row"), result.stoppedEarly() ? ", best epoch kept by early stopping" : "");
        }
        out.printf(Locale.ROOT, "%s kernels: %s in %.3f s (%.0f iterations/s)%n",
                kernels.description(), Recipe.counted(result.iterations(), "iteration"), result.seconds(),
                result.iterationsPerSecond());
        out.flush();
        float[] losses = fromTheStart(initialLoss, report.lossCurve());
        boolean l2Dominates = LearningCheck.l2Dominates(losses, l2Term(initial, config, kernels));
        LearningCheck check = result.iterations() == 0 ? LearningCheck.untrained(accuracy, training)
                : LearningCheck.of(losses, keptLoss(result, losses, training, config), accuracy, training, held,
                        result.validation() == null ? Float.NaN : result.validation().accuracy(),
                        new LearningCheck.Setup(onUnitScale(scaler), result.stoppedEarly(),
                                lengthOption(config, training.size()), keptStartingWeights(initial, result),
                                l2Dominates, config.l2() > 0));
        check.warn(spec.commandLine().getErr());
        if (!check.warned()) {
            warnIfCutShort(result, config);
        }
        drawLossCurve(report);
        if (check.useless()) {
            throw new CommandFailedException(check.reason() + (saveFile == null ? "" : "; the model was not saved"));
        }
        if (saveFile != null) {
            ModelFile.save(trained, saveFile);
            out.println("saved the " + shape.describe() + " model to " + saveFile);
        }
        out.flush();
        return 0;
    }

    /** At most how many multiply-adds training takes: forward, backward and weight gradient of each step. */
    static long plannedMultiplyAdds(NetworkSpec shape, TrainingConfig config, int rows) {
        int batchRows = config.fullBatch(rows) ? rows : config.batchSize();
        return 3L * config.totalSteps(rows) * batchRows * shape.parameterCount();
    }

    /**
     * Trains with a report every iteration (every epoch with mini-batches); the report decides what to
     * print. {@code initialLoss}: the loss before the first step where the reports leave it out, else NaN.
     */
    private TrainingResult train(Mlp initial, float initialLoss, Dataset training, Dataset held, Kernels kernels,
                                 TrainingConfig config, Optimizer rule, TrainingReport report) throws IOException {
        try {
            TrainingResult result = new Trainer(kernels).train(initial, training, held, config, rule, report);
            reportLastEpoch(result, training, kernels, config, report);
            return result;
        } catch (TrainingDivergedException e) {
            report.finish();
            drawLossCurve(report);
            boolean l2Dominates = LearningCheck.l2Dominates(fromTheStart(initialLoss, report.lossCurve()),
                    l2Term(initial, config, kernels));
            throw new CommandFailedException("training diverged: the loss stopped being finite at iteration "
                    + e.iteration() + "; " + (l2Dominates ? "the L2 term was most of the loss at the start: try a "
                    + "smaller --reg than " + config.l2() : "try a smaller --lr than " + rule.learningRate()), e);
        } finally {
            report.finish();
        }
    }

    /**
     * The training loss (data and L2 terms) of {@code model}: where a run reported in epochs began,
     * since its first report comes after a whole epoch of steps, time enough for a loss to explode.
     */
    private float loss(Mlp model, Dataset training, TrainingConfig config) {
        Kernels kernels = kernelOptions.kernelsForPass(model.spec(), training.size());
        return Evaluation.of(model, training, kernels).loss() + l2Term(model, config, kernels);
    }

    /** The L2 term of {@code model}'s weights, {@code 0.5·l2·Σ‖W‖²}. */
    private static float l2Term(Mlp model, TrainingConfig config, Kernels kernels) {
        float[] parameters = model.parameters();
        return Objective.withoutRows(model.spec(), config.l2(), kernels).addL2(parameters, new float[parameters.length]);
    }

    /**
     * The training loss of the model the run returns: the last report's, unless early stopping put
     * back the weights of an earlier report, whose loss is measured again here.
     */
    private float keptLoss(TrainingResult result, float[] losses, Dataset training, TrainingConfig config) {
        if (result.stoppedEarly()) {
            return loss(result.model(), training, config);
        }
        return losses.length == 0 ? Float.NaN : losses[losses.length - 1];
    }

    /** The reported losses, after the loss before the first step when the reports did not include it (NaN). */
    private static float[] fromTheStart(float initialLoss, float[] reported) {
        if (Float.isNaN(initialLoss)) {
            return reported;
        }
        float[] losses = new float[reported.length + 1];
        losses[0] = initialLoss;
        System.arraycopy(reported, 0, losses, 1, reported.length);
        return losses;
    }

    /** Draws --plot, if asked for, also for a run that failed or diverged: that is when the curve shows most. */
    private void drawLossCurve(TrainingReport report) throws IOException {
        if (plotFile == null || report.curve().losses().length == 0) {
            return;
        }
        PrintWriter out = StandardOutput.forText(spec.commandLine(), saveFile, plotFile);
        LossPlot.draw(report.curve(), 800, 500).write(plotFile);
        out.println("drew the loss curve in " + plotFile);
        out.flush();
    }

    /**
     * A full-batch run reports the loss before each step, so its report at step N is the state after
     * N epochs; in epochs, the report before the first step is left out and the state after the last
     * step is measured here, so that the lines run from epoch 1 to the last, as with mini-batches.
     */
    private void reportLastEpoch(TrainingResult result, Dataset training, Kernels kernels, TrainingConfig config,
                                 TrainingReport report) {
        if (!report.inEpochs() || !config.fullBatch(training.size()) || result.stoppedEarly()
                || result.iterations() == 0) {
            return;
        }
        float[] parameters = result.model().parameters();
        float loss = Objective.on(training, result.model().spec(), config.l2(), kernels)
                .lossAndGradient(parameters, new float[parameters.length]);
        report.onReport(result.iterations(), loss, result.validation());
    }

    /** Whether the run stepped, yet returned the weights it started from: early stopping found no better epoch. */
    private static boolean keptStartingWeights(Mlp initial, TrainingResult result) {
        return result.iterations() > 0 && Arrays.equals(initial.parameters(), result.model().parameters());
    }

    /** Standardized features, or the spiral's, whose coordinates lie within [-1, 1]: nothing to --standardize. */
    private boolean onUnitScale(Standardizer scaler) {
        return scaler != null || dataFile == null;
    }

    /** The option that set how long this run could be, for a warning that suggests a longer one. */
    private static String lengthOption(TrainingConfig config, int rows) {
        boolean byIterations = config.iterations() < (long) config.epochs() * config.stepsPerEpoch(rows);
        return byIterations ? "--iterations" : "--epochs";
    }

    /** A run that hit the default epoch cap before early stopping ended it might have gained from more epochs. */
    private void warnIfCutShort(TrainingResult result, TrainingConfig config) {
        boolean capped = !gradientDescent() && !result.stoppedEarly() && result.epochs() == config.epochs();
        if (capped && epochs == null) {
            spec.commandLine().getErr().printf(Locale.ROOT, "vecnet train: warning: training stopped at the %d-epoch "
                    + "cap without early stopping: it may gain from more --epochs or a larger --lr%n", config.epochs());
            spec.commandLine().getErr().flush();
        }
    }

    /**
     * The case study's report (gd at full batch): {@code iteration N} lines every 1,000 (net) or 10
     * (linear). Otherwise an {@code epoch N} line every epoch; at full batch an epoch is a step, and
     * epoch N is the loss after N of them.
     */
    private TrainingReport report(PrintWriter out, TrainingConfig config, int rows) {
        boolean caseStudy = gradientDescent() && config.fullBatch(rows);
        int reports = config.fullBatch(rows) ? config.totalSteps(rows) : Math.min(config.epochs(), config.totalSteps(rows));
        int every = printEvery != null ? printEvery : caseStudy ? network.model.reportEvery : 1;
        return new TrainingReport(out, caseStudy ? "iteration" : "epoch", Math.max(reports, 1), every, !quiet,
                System.console() != null, System::nanoTime);
    }

    private boolean gradientDescent() {
        return optimizer.kind(defaultOptimizer()) == OptimizerOptions.Kind.gd;
    }

    private OptimizerOptions.Kind defaultOptimizer() {
        return dataFile == null ? OptimizerOptions.Kind.gd : OptimizerOptions.Kind.adam;
    }

    private boolean standardizes() {
        return standardize != null ? standardize : dataFile != null;
    }

    /** The network's shape, the rows to train on and those held out (null if none), scaled by {@code scaler} (null if none). */
    private record Prepared(NetworkSpec shape, Dataset training, Dataset held, Standardizer scaler) {
    }

    /** The data split before scaling, and the network's shape for it. */
    private record Unscaled(NetworkSpec shape, Dataset.Split rows) {
    }

    /**
     * Reads or generates the data, splits and scales it. The whole data set and its unscaled split
     * are locals of methods that have returned by the time training starts, so that training holds
     * one copy of the rows, not three.
     */
    private Prepared prepare(Rng rng) throws IOException {
        Unscaled split = readAndSplit(rng);
        Dataset.Split rows = split.rows();
        Standardizer scaler = standardizes() ? Standardizer.fit(rows.training()) : null;
        if (scaler == null) {
            return new Prepared(split.shape(), rows.training(), rows.validation(), null);
        }
        Dataset held = rows.validation() == null ? null : scaler.apply(rows.validation());
        return new Prepared(split.shape(), scaler.apply(rows.training()), held, scaler);
    }

    private Unscaled readAndSplit(Rng rng) throws IOException {
        Dataset all = dataFile == null ? spiral(rng) : csv();
        NetworkSpec shape = network.spec(spec.commandLine(), all.dimensions(), all.classes(), DEFAULT_HIDDEN);
        requireMemory(shape, all.size());
        return new Unscaled(shape, split(all));
    }

    private Dataset.Split split(Dataset all) {
        double fraction = validation != null ? validation : dataFile != null ? RECIPE_VALIDATION : 0;
        if (fraction == 0) {
            return new Dataset.Split(all, null);
        }
        Dataset.Split split = all.split(fraction, new Rng(seed ^ SPLIT_SALT));
        if (split.validation().size() > 0) {
            return split;
        }
        if (validation == null) {
            // The default asks for what a tiny file cannot give: train on every row, the recipe line says so.
            return new Dataset.Split(all, null);
        }
        throw new CommandFailedException("--validation " + fraction + " holds out no row: every class has fewer "
                + "than 2 rows; use --validation 0");
    }

    /**
     * Gradient descent keeps the case study's run: full batch, 10,000 (net) or 200 (linear) steps,
     * reports every 1,000 or 10. The other optimisers get the recipe: mini-batches, an epoch cap and
     * early stopping. Each option given overrides its part.
     */
    private TrainingConfig config(int rows) {
        boolean gd = gradientDescent();
        int batch = batchRows(rows);
        int steps = iterations != null ? iterations : gd && epochs == null ? network.model.iterations
                : TrainingConfig.UNLIMITED;
        int passes = epochs != null ? epochs : gd ? TrainingConfig.UNLIMITED : RECIPE_EPOCHS;
        int stopAfter = patience != null ? patience : gd ? 0 : RECIPE_PATIENCE;
        return new TrainingConfig(reg, steps, 1, batch, passes, seed ^ SPLIT_SALT, optimizer.schedule, stopAfter);
    }

    /** The rows of one step: --batch-size, else full batch for gd and min(200, rows) for the others. */
    private int batchRows(int rows) {
        if (batchSize == null) {
            return gradientDescent() ? TrainingConfig.FULL_BATCH : Math.min(RECIPE_BATCH, rows);
        }
        return parseBatchSize(batchSize);
    }

    private int parseBatchSize(String value) {
        if (value.equalsIgnoreCase("full")) {
            return TrainingConfig.FULL_BATCH;
        }
        try {
            int rows = Integer.parseInt(value.trim());
            if (rows >= 1) {
                return rows;
            }
        } catch (NumberFormatException e) {
            // falls through to the one message below
        }
        throw new CommandLine.ParameterException(spec.commandLine(),
                "--batch-size takes a number of rows (at least 1) or full, got '" + value + "'");
    }

    private Dataset spiral(Rng rng) {
        int pointsPerClass = points != null ? points : Spiral.POINTS_PER_CLASS;
        int arms = classes != null ? classes : Spiral.CLASSES;
        requireMemory(2, arms, (long) pointsPerClass * arms);
        return Spiral.generate(pointsPerClass, arms, Spiral.NOISE, rng);
    }

    /** Refuses a file whose rows all have one class before training: a classifier needs two to tell apart. */
    private void requireTwoClasses(Dataset data) {
        int[] labels = data.labels();
        for (int label : labels) {
            if (label != labels[0]) {
                return;
            }
        }
        if (labels.length > 0) {
            String name = classNames.isEmpty() ? String.valueOf(labels[0]) : Text.oneLine(classNames.get(labels[0]));
            throw new CommandFailedException(dataFile + ": all rows have class " + name
                    + "; a classifier needs at least two classes");
        }
    }

    private Dataset csv() throws IOException {
        CsvDataset.LabelColumn column = labelColumn != null ? labelColumn : CsvDataset.LabelColumn.LAST;
        CsvDataset.Header header = headerOption.header;
        CsvDataset.LabelledData data = classes == null ? CsvDataset.readLabelled(dataFile, column, header)
                : CsvDataset.readLabelled(dataFile, column, classes, header);
        classNames = data.classNames();
        featureNames = data.featureNames();
        requireTwoClasses(data.data());
        PrintWriter err = spec.commandLine().getErr();
        DataWarnings.suspectedHeader(err, spec.qualifiedName(), dataFile, data);
        DataWarnings.singleRowClasses(err, spec.qualifiedName(), data);
        DataWarnings.emptyClasses(err, spec.qualifiedName(), data);
        return data.data();
    }

    /** Refuses a spiral before generating it: the widths are known, the classes are the arms. */
    private void requireMemory(int inputs, int classCount, long rows) {
        List<Integer> widths = network.hiddenWidths(spec.commandLine(), DEFAULT_HIDDEN);
        requireMemory(new NetworkSpec(inputs, widths, classCount, network.activation()), rows);
    }

    private void requireMemory(NetworkSpec shape, long rows) {
        int batch = batchRows((int) Math.min(rows, Integer.MAX_VALUE));
        double stepRows = batch == TrainingConfig.FULL_BATCH ? rows : Math.min(batch, rows);
        long needed = MemoryEstimate.trainingBytes(shape, rows, stepRows);
        long available = Runtime.getRuntime().maxMemory();
        if (needed > available) {
            throw new CommandFailedException("a " + shape.describe() + " network on " + Recipe.counted(rows, "row")
                    + (stepRows < rows ? " in batches of " + batch : "") + " needs about "
                    + MemoryEstimate.format(needed) + " of memory to train, more than the "
                    + MemoryEstimate.format(available) + " this JVM may use; " + MemoryEstimate.moreMemory(needed));
        }
    }

    private static void requireWritable(Path file) throws IOException {
        if (file != null) {
            AtomicFile.requireWritable(file);
        }
    }

    private void validate() {
        require(iterations == null || iterations >= 0, "--iterations must be >= 0, got " + iterations);
        require(epochs == null || epochs >= 1, "--epochs must be at least 1, got " + epochs);
        require(reg >= 0 && Float.isFinite(reg), "--reg must be a finite number >= 0, got " + reg);
        require(validation == null || (validation >= 0 && validation < 1),
                "--validation must be at least 0 and below 1, got " + validation);
        require(patience == null || patience >= 0, "--patience must be >= 0, got " + patience);
        require(points == null || points >= 1, "--points must be at least 1, got " + points);
        require(points == null || dataFile == null, "--points sizes the spiral; it cannot be used with --data");
        require(labelColumn == null || dataFile != null, "--label-column picks a column of --data; the spiral has none");
        headerOption.check(dataFile != null, labelColumn);
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

    /** Parses {@code --label-column}: digits are a position from 1, anything else a header name. */
    static final class LabelColumnConverter implements CommandLine.ITypeConverter<CsvDataset.LabelColumn> {
        @Override
        public CsvDataset.LabelColumn convert(String value) {
            try {
                return CsvDataset.LabelColumn.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
