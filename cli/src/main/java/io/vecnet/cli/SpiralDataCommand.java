package io.vecnet.cli;

import io.vecnet.io.CsvDataset;
import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vecnet data spiral}: the spiral that {@code vecnet train} generates for the same seed, as CSV. */
@Command(name = "spiral", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Write the case study's spiral as CSV: x1,x2,label (the same data as 'vecnet train' "
                + "uses for the same --seed, --points and --classes).")
final class SpiralDataCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    SpiralOptions spiral;

    @Option(names = "--out", paramLabel = "FILE", description = "The CSV file to write (default: standard output).")
    Path out;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        StandardOutput.keepDiagnosticsOut(spec.commandLine(), out);
        Interruption.during(() -> "while generating the spiral");
        Dataset data = spiral.generate(new Rng(spiral.seed));
        PrintWriter stdout = spec.commandLine().getOut();
        if (out == null) {
            Interruption.during(() -> "while writing the spiral to standard output");
            CsvDataset.write(data, stdout);
        } else {
            CsvDataset.write(data, out);
            PrintWriter text = StandardOutput.forText(spec.commandLine(), out);
            text.println("wrote " + data.size() + " points of " + data.classes() + " classes to " + out);
            text.flush();
        }
        stdout.flush();
        return 0;
    }
}
