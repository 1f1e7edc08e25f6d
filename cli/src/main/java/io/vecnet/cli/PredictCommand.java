package io.vecnet.cli;

import io.vecnet.io.AtomicFile;
import io.vecnet.io.CsvDataset;
import io.vecnet.kernels.Kernels;
import io.vecnet.nn.Classifier;
import io.vecnet.io.ModelFile;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vecnet predict}: a saved model's class and probabilities for every row of a CSV file. */
@Command(name = "predict", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Predict the class of each row of a CSV file with a saved model. Rows hold the model's "
                + "features and optionally the true label (last, or where --label-column says), a class name "
                + "when the model has them, else a class number; predictions are printed as class names when "
                + "the model has them. With labels, also print the accuracy, the log-loss, each class's "
                + "precision, recall, F1 and support, and the confusion matrix. When the training file had a "
                + "header, a header here must name the same features in the same order.")
final class PredictCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model saved by 'vecnet train --save'.")
    Path modelFile;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "The CSV rows to classify, read as train reads its --data.")
    Path dataFile;

    @Option(names = "--label-column", paramLabel = "NAME|INDEX", converter = TrainCommand.LabelColumnConverter.class,
            description = "The column holding the true labels: its name in the header, or its position counted "
                    + "from 1, as given to train. Given, every row must have it and the model's features besides "
                    + "(default: the last column when the rows have one more than the model has features, else none).")
    CsvDataset.LabelColumn labelColumn;

    @Mixin
    HeaderOption headerOption;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the predictions as CSV here: the predicted class, then with --probabilities one "
                    + "column per class (default: standard output, and the summary to standard error).")
    Path out;

    @Option(names = "--probabilities", description = "Also write each class's probability, with the digits "
            + "that read back as the same float32.")
    boolean probabilities;

    @Mixin
    KernelOptions kernelOptions;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        StandardOutput.keepDiagnosticsOut(spec.commandLine(), out);
        headerOption.check(true, labelColumn);
        DistinctFiles.of(spec).input("--model", modelFile).input("--data", dataFile).output("--out", out).check();
        if (out != null) {
            AtomicFile.requireWritable(out);
        }
        Interruption.during(() -> "while reading " + modelFile);
        Classifier model = ModelFile.load(modelFile);
        Interruption.during(() -> "while reading " + dataFile);
        CsvDataset.Examples examples = CsvDataset.readExamples(dataFile, model,
                labelColumn != null ? labelColumn : CsvDataset.LabelColumn.LAST, headerOption.header);
        Interruption.during(() -> "while predicting " + Recipe.counted(examples.features().rows(), "row"));
        DataWarnings.headerOfNumbers(spec.commandLine().getErr(), spec.qualifiedName(), dataFile, examples);
        Kernels kernels = kernelOptions.kernelsForPass(model.network().spec(), examples.features().rows());
        Predictions predictions = Predictions.of(model, examples, kernels);
        PrintWriter stdout = spec.commandLine().getOut();
        // Predictions on standard output are data for another program: the summary then goes to stderr.
        PrintWriter summary = out == null ? spec.commandLine().getErr() : StandardOutput.forText(spec.commandLine(), out);
        if (out == null) {
            Interruption.during(() -> "while writing the predictions to standard output");
            predictions.writeCsv(stdout, probabilities);
            StandardOutput.requireWritten(stdout);
        } else {
            AtomicFile.write(out, stream -> {
                PrintWriter writer = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
                predictions.writeCsv(writer, probabilities);
                writer.flush();
            });
            summary.println("wrote " + Recipe.counted(examples.features().rows(), "prediction") + " to " + out);
        }
        if (examples.labelled()) {
            predictions.writeSummary(summary);
        }
        summary.flush();
        stdout.flush();
        return 0;
    }
}
