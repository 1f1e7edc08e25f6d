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
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vecnet plot}: 2-D data as a scatter by class, over a saved model's decision regions. */
@Command(name = "plot", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Draw 2-D labelled data as a PNG scatter plot coloured by class and, with --model, "
                + "the model's decision regions behind it.")
final class PlotCommand implements Callable<Integer> {
    static final String SPIRAL = "spiral";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE|spiral",
            description = "A CSV file (x1,x2,label), or 'spiral' for the generated spiral (see --points, --classes, --seed).")
    String data;

    @Option(names = "--model", paramLabel = "FILE", description = "A model saved by 'vecnet train --save'.")
    Path modelFile;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The PNG image to write.")
    Path out;

    @Option(names = "--width", description = "Image width in pixels.")
    int width = 800;

    @Option(names = "--height", description = "Image height in pixels.")
    int height = 600;

    @Mixin
    SpiralOptions spiral;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        require(width >= 200 && width <= 10_000, "--width must be 200 to 10000, got " + width);
        require(height >= 200 && height <= 10_000, "--height must be 200 to 10000, got " + height);
        DistinctFiles.of(spec).input("--data", data.equals(SPIRAL) ? null : Path.of(data)).input("--model", modelFile)
                .output("--out", out).check();
        AtomicFile.requireWritable(out);
        Classifier model = modelFile == null ? null : ModelFile.load(modelFile);
        Dataset points = data.equals(SPIRAL) ? spiral.generate(new Rng(spiral.seed)) : CsvDataset.read(Path.of(data));
        if (points.dimensions() != 2) {
            throw new CommandFailedException(data + ": a plot shows 2-D data; this file has " + points.dimensions()
                    + (points.dimensions() == 1 ? " feature" : " features"));
        }
        if (model != null && model.inputs() != points.dimensions()) {
            throw new CommandFailedException(modelFile + ": the model takes " + model.inputs()
                    + " features, but " + data + " has " + points.dimensions());
        }
        BoundaryPlot.draw(points, model, KernelProvider.get(), width, height).writePng(out);
        spec.commandLine().getOut().println("drew " + points.size() + " points"
                + (model == null ? "" : " and the " + model.network().spec().describe() + " model's decision regions") + " in " + out);
        return 0;
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }
}
