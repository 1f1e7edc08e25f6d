package io.vecnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vecnet.data.Rng;
import io.vecnet.io.ModelFile;
import io.vecnet.nn.Activation;
import io.vecnet.nn.Mlp;
import io.vecnet.nn.NetworkSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every file of the bad input corpus: exit code 1, one line on stderr naming the file, the line and
 * the problem, and no output file.
 */
class BadInputTest {
    @TempDir
    Path dir;

    private void assertOneLineFailure(Cli.Run run, String message) throws IOException {
        assertEquals(VecnetCommand.EXIT_FAILURE, run.exitCode(), run.err());
        assertArrayEquals(new String[] {message}, run.errLines());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.filter(f -> !f.getFileName().toString().equals("good.vnet")).count(),
                    "an output file was created");
        }
    }

    /** An empty path is the working directory to Java; to a user it is a slip. */
    @Test
    void anEmptyFileNameIsABadOption() {
        for (String[] args : new String[][] {{"train", "--data", ""}, {"data", "spiral", "--out", ""},
                {"predict", "--model", "", "--data", "x.csv"}}) {
            Cli.Run run = Cli.run(args);
            assertEquals(VecnetCommand.EXIT_USAGE, run.exitCode(), run.err());
            String option = args[args.length - 1].isEmpty() ? args[args.length - 2] : args[args.length - 4];
            assertTrue(run.err().contains("Invalid value for option '" + option + "': an empty file name names no file"),
                    run.err());
        }
    }

    @Test
    void aNameEndingInASeparatorIsADirectorysNotAFilesAndNothingIsWritten() {
        for (String[] args : new String[][] {{"data", "spiral", "--out", dir.resolve("sp.csv") + "/"},
                {"plot", "--data", "spiral", "--out", dir.resolve("x.jpg") + "/"},
                {"train", "--data", dir.resolve("in.csv") + "/"}}) {
            Cli.Run run = Cli.run(args);
            assertEquals(VecnetCommand.EXIT_USAGE, run.exitCode(), run.err());
            assertTrue(run.err().contains("/ ends in a separator, so it names a directory, not a file"), run.err());
        }
        assertFalse(Files.exists(dir.resolve("sp.csv")));
        assertFalse(Files.exists(dir.resolve("x.jpg")));
    }

    @Test
    void anOutputUnderAFileSaysItIsAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        Path under = file.resolve("m.vnet");
        Cli.Run run = Cli.run("train", "--model", "linear", "--iterations", "1", "--save", under.toString());
        assertEquals(VecnetCommand.EXIT_FAILURE, run.exitCode(), run.err());
        assertArrayEquals(new String[] {"vecnet train: " + under + ": " + file + " is a file, not a directory"},
                run.errLines());
        Files.delete(file);
    }

    /** The JDK's words for a loop ("Too many levels of symbolic links or unable to access ...") name no link. */
    @Test
    void aSymbolicLinkLoopIsNamed() throws IOException {
        Path loop = Files.createSymbolicLink(dir.resolve("loopa"), Path.of("loopa"));
        String problem = "is a symbolic link loop: following it never reaches a file";
        Cli.Run save = Cli.run("train", "--model", "linear", "--iterations", "1", "--save", loop.toString());
        assertEquals(VecnetCommand.EXIT_FAILURE, save.exitCode(), save.err());
        assertArrayEquals(new String[] {"vecnet train: " + loop + ": " + problem}, save.errLines());
        Path under = loop.resolve("m.vnet");
        Cli.Run saveUnder = Cli.run("data", "spiral", "--out", under.toString());
        assertArrayEquals(new String[] {"vecnet data spiral: " + under + ": " + loop + " " + problem},
                saveUnder.errLines());
        Cli.Run load = Cli.run("predict", "--model", loop.toString(), "--data", "x.csv");
        assertArrayEquals(new String[] {"vecnet predict: " + loop + ": " + problem}, load.errLines());
        Cli.Run read = Cli.run("train", "--data", loop.toString());
        assertArrayEquals(new String[] {"vecnet train: " + loop + ": " + problem}, read.errLines());
        Files.delete(loop);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not-a-number.csv       | line 3: column 2 'zero' is not a number",
        "ragged.csv             | line 3: 2 values, but line 1 has 3",
        "label-out-of-range.csv | line 3: label 7 (column 3) is outside 0..2 for 3 classes",
        "label-not-integer.csv  | line 2: label 1.5 (column 3) is not an integer class",
        "nan-feature.csv        | line 2: column 2 is NaN; values must be finite numbers",
        "infinite-feature.csv   | line 3: column 1 is -Infinity; values must be finite numbers",
        "empty.csv              | is empty",
        "header-only.csv        | has a header but no data rows",
        "latin1.csv             | line 3: column 2 holds the byte 0xE9 (file offset 29), which is not UTF-8; vecnet reads UTF-8 text",
    })
    void badCsvFilesStopTrainingWithOneLine(String file, String problem) throws IOException {
        Path csv = Cli.BAD.resolve(file);
        Path model = dir.resolve("model.vnet");
        Cli.Run run = Cli.run("train", "--data", csv.toString(), "--classes", "3", "--save", model.toString());
        String separator = problem.startsWith("line") ? " " : ": ";
        assertOneLineFailure(run, "vecnet train: " + csv + separator + problem);
    }

    @Test
    void aMissingFileAndADirectoryAreNamed() throws IOException {
        Path missing = Cli.BAD.resolve("missing.csv");
        assertOneLineFailure(Cli.run("train", "--data", missing.toString()), "vecnet train: " + missing + ": no such file");
        assertOneLineFailure(Cli.run("train", "--data", Cli.BAD.toString()),
                "vecnet train: " + Cli.BAD + ": is a directory, not a CSV file");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "truncated.vnet   | truncated: its header describes 173 bytes, the file has 156",
        "corrupted.vnet   | corrupted: CRC32 mismatch (stored f8d62ef4, computed 1fcb8863)",
        "version-99.vnet  | model format version 99 is not supported; this vecnet reads versions 1 to 2",
        "not-a-model.vnet | not a vecnet model file (it does not start with the model file signature)",
    })
    void badModelFilesStopPredictionWithOneLine(String file, String problem) throws IOException {
        Path model = Cli.BAD.resolve(file);
        Path out = dir.resolve("predictions.csv");
        Cli.Run run = Cli.run("predict", "--model", model.toString(), "--data", Cli.BAD.resolve("ragged.csv").toString(),
                "--out", out.toString());
        assertOneLineFailure(run, "vecnet predict: " + model + ": " + problem);
        Cli.Run plot = Cli.run("plot", "--data", "spiral", "--model", model.toString(), "--out", dir.resolve("p.png").toString());
        assertOneLineFailure(plot, "vecnet plot: " + model + ": " + problem);
    }

    @Test
    void aModelForOtherFeaturesIsRefused() throws IOException {
        Path model = dir.resolve("good.vnet");
        ModelFile.save(Mlp.initialise(NetworkSpec.of(2, 3, Activation.RELU, 4), new Rng(1)), model);
        Path csv = Cli.BAD.resolve("three-features.csv");
        Cli.Run run = Cli.run("predict", "--model", model.toString(), "--data", csv.toString(),
                "--out", dir.resolve("p.csv").toString());
        assertOneLineFailure(run, "vecnet predict: " + csv
                + " line 2: 4 columns, but the model takes 2 features (2 columns, or 3 with a label)");
        assertFalse(Files.exists(dir.resolve("p.csv")));
    }
}
