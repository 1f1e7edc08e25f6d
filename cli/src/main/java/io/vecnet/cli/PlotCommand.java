package io.vecnet.cli;

import io.vecnet.io.AtomicFile;
import io.vecnet.io.CsvDataset;
import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.io.ModelFile;
import io.vecnet.nn.Classifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vecnet plot}: 2-D data as a scatter by class, over a saved model's decision regions. */
@Command(name = "plot", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Draw 2-D labelled data as a scatter plot coloured by class, with the class names in the "
                + "legend and the features' names on the axes, and, with --model, the model's decision regions "
                + "behind it. The data's labels must be the model's classes, and a header its features' names, as "
                + "predict requires.")
final class PlotCommand implements Callable<Integer> {
    static final String SPIRAL = "spiral";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE|spiral",
            description = "A CSV file of two features and a label (x1,x2,label), read as train reads its --data, "
                    + "or 'spiral' for the generated spiral (see --points, --classes, --seed).")
    String data;

    @Option(names = "--label-column", paramLabel = "NAME|INDEX", converter = TrainCommand.LabelColumnConverter.class,
            description = "The --data column holding the labels: its name in the header, or its position counted "
                    + "from 1, as given to train (default: the last).")
    CsvDataset.LabelColumn labelColumn;

    @Mixin
    HeaderOption headerOption;

    @Option(names = "--model", paramLabel = "FILE", description = "A model saved by 'vecnet train --save'.")
    Path modelFile;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The image to write: PNG when its "
            + "extension is png or it has none, JPEG when it is jpg or jpeg (any case).")
    Path out;

    @Option(names = "--width", description = "Image width in pixels.")
    int width = 800;

    @Option(names = "--height", description = "Image height in pixels.")
    int height = 600;

    @Mixin
    SpiralOptions spiral;

    @Mixin
    VerboseOption verbose;

    /**
     * The points to draw, their classes' names in class order (none when they are numbered), and the
     * names of their two features (none when neither the file's header nor the model names them).
     */
    private record Points(Dataset data, List<String> classNames, List<String> featureNames) {
    }

    @Override
    public Integer call() throws IOException {
        StandardOutput.keepDiagnosticsOut(spec.commandLine(), out);
        require(width >= 200 && width <= 10_000, "--width must be 200 to 10000, got " + width);
        require(height >= 200 && height <= 10_000, "--height must be 200 to 10000, got " + height);
        boolean generated = data.equals(SPIRAL);
        require(labelColumn == null || !generated, "--label-column picks a column of --data; the spiral has none");
        if (!generated) {
            spiral.requireUnused("--data " + data);
        }
        headerOption.check(!generated, labelColumn);
        DistinctFiles.of(spec).input("--data", generated ? null : Path.of(data)).input("--model", modelFile)
                .output("--out", out).check();
        Chart.requireFormat(spec.commandLine(), "--out", out);
        AtomicFile.requireWritable(out);
        Classifier model = modelFile == null ? null : ModelFile.load(modelFile);
        if (model != null && model.inputs() != 2) {
            throw new CommandFailedException(modelFile + ": the model takes "
                    + Recipe.counted(model.inputs(), "feature") + ", but a plot shows 2-D data");
        }
        Points points = generated ? spiral(model) : file(Path.of(data), model);
        if (points.data().dimensions() != 2) {
            throw new CommandFailedException(data + ": a plot shows 2-D data; this file has "
                    + Recipe.counted(points.data().dimensions(), "feature"));
        }
        BoundaryPlot.draw(points.data(), points.classNames(), points.featureNames(), model, KernelProvider.get(), width,
                height).write(out);
        StandardOutput.forText(spec.commandLine(), out).println("drew " + Recipe.counted(points.data().size(), "point")
                + (model == null ? "" : " and the " + model.network().spec().describe() + " model's decision regions") + " in " + out);
        return 0;
    }

    /** The spiral, whose classes are numbered; a model must number its classes too, and have as many at least. */
    private Points spiral(Classifier model) {
        Dataset points = spiral.generate(new Rng(spiral.seed));
        if (model != null && !model.classNames().isEmpty()) {
            throw new CommandFailedException(modelFile + ": the model's classes have names, but the spiral's are "
                    + "numbers 0.." + (points.classes() - 1));
        }
        if (model != null && model.classes() < points.classes()) {
            throw new CommandFailedException(modelFile + ": the model has " + model.classes() + " classes, but the "
                    + "spiral has " + points.classes());
        }
        return new Points(points, List.of(), List.of());
    }

    /** A CSV file's labelled rows; with a model, read as predict reads them, so the labels must be its classes. */
    private Points file(Path file, Classifier model) throws IOException {
        CsvDataset.LabelColumn column = labelColumn != null ? labelColumn : CsvDataset.LabelColumn.LAST;
        if (model == null) {
            CsvDataset.LabelledData labelled = CsvDataset.readLabelled(file, column, headerOption.header);
            DataWarnings.suspectedHeader(spec.commandLine().getErr(), spec.qualifiedName(), file, labelled);
            return new Points(labelled.data(), labelled.classNames(), labelled.featureNames());
        }
        CsvDataset.Examples examples = CsvDataset.readExamples(file, model, column, headerOption.header);
        DataWarnings.headerOfNumbers(spec.commandLine().getErr(), spec.qualifiedName(), file, examples);
        if (!examples.labelled()) {
            throw new CommandFailedException(file + ": a plot colours each point by its label, but these rows have "
                    + "only the model's " + model.inputs() + " features");
        }
        List<String> featureNames = model.featureNames().isEmpty() ? examples.featureNames() : model.featureNames();
        return new Points(new Dataset(examples.features(), examples.labels(), model.classes()), model.classNames(),
                featureNames);
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }
}
