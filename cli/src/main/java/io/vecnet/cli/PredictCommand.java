package io.vecnet.cli;

import io.vecnet.io.AtomicFile;
import io.vecnet.io.CsvDataset;
import io.vecnet.kernels.Kernels;
import io.vecnet.model.Model;
import io.vecnet.io.ModelFile;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vecnet predict}: a saved model's class and probabilities for every row of a CSV file. */
@Command(name = "predict", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Predict the class of each row of a CSV file with a saved model. Rows hold the model's "
                + "features, optionally followed by the true label; with labels, also print the accuracy and "
                + "the confusion matrix.")
final class PredictCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model saved by 'vecnet train --save'.")
    Path modelFile;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The CSV rows to classify.")
    Path dataFile;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the predictions as CSV (predicted,p0,p1,...) here (default: standard output).")
    Path out;

    @Mixin
    KernelOptions kernelOptions;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        DistinctFiles.of(spec).input("--model", modelFile).input("--data", dataFile).output("--out", out).check();
        if (out != null) {
            AtomicFile.requireWritable(out);
        }
        Model model = ModelFile.load(modelFile);
        CsvDataset.Examples examples = CsvDataset.readExamples(dataFile, model.inputs(), model.classes());
        Kernels kernels = kernelOptions.kernels();
        Predictions predictions = Predictions.of(model, examples, kernels);
        PrintWriter stdout = spec.commandLine().getOut();
        if (out == null) {
            predictions.writeCsv(stdout);
        } else {
            AtomicFile.write(out, stream -> {
                PrintWriter writer = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
                predictions.writeCsv(writer);
                writer.flush();
            });
            stdout.printf(Locale.ROOT, "wrote %d predictions to %s%n", examples.features().rows(), out);
        }
        if (examples.labelled()) {
            predictions.writeSummary(stdout);
        }
        stdout.flush();
        return 0;
    }
}
