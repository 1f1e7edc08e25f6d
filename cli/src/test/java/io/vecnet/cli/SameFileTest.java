package io.vecnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output that is one of the command's inputs, or another of its outputs, is refused in one
 * line with exit code 2 before any work, and every file is left as it was.
 */
class SameFileTest {
    @TempDir
    Path dir;
    private Path csv;
    private Path model;
    private byte[] csvBytes;
    private byte[] modelBytes;

    @BeforeEach
    void writeDataAndAModel() throws IOException {
        csv = dir.resolve("d.csv");
        model = dir.resolve("m.vnet");
        assertEquals(0, Cli.run("data", "spiral", "--points", "20", "--out", csv.toString()).exitCode());
        assertEquals(0, Cli.run("train", "--data", csv.toString(), "--model", "linear", "--iterations", "5", "--quiet",
                "--save", model.toString()).exitCode());
        csvBytes = Files.readAllBytes(csv);
        modelBytes = Files.readAllBytes(model);
    }

    private void assertRefused(Cli.Run run, String command, String problem) throws IOException {
        assertEquals(VecnetCommand.EXIT_USAGE, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertArrayEquals(new String[] {"vecnet " + command + ": " + problem + " (see 'vecnet " + command + " --help')"},
                run.errLines());
        assertArrayEquals(csvBytes, Files.readAllBytes(csv), "the data was overwritten");
        assertArrayEquals(modelBytes, Files.readAllBytes(model), "the model was overwritten");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "an output was written");
        }
    }

    @Test
    void trainWillNotSaveOverItsData() throws IOException {
        assertRefused(Cli.run("train", "--data", csv.toString(), "--save", csv.toString()), "train",
                "--save " + csv + " is the same file as --data " + csv + "; an output must not overwrite an input");
    }

    @Test
    void trainWillNotDrawOverItsDataSpelledAnotherWay() throws IOException {
        Path other = dir.resolve("sub").resolve("..").resolve("d.csv");
        Files.createDirectory(dir.resolve("sub"));
        Cli.Run run = Cli.run("train", "--data", csv.toString(), "--plot", other.toString());
        Files.delete(dir.resolve("sub"));
        assertRefused(run, "train", "--plot " + other + " is the same file as --data " + csv
                + "; an output must not overwrite an input");
    }

    @Test
    void trainWillNotWriteTheModelAndThePlotToOneFile() throws IOException {
        Path both = dir.resolve("both.out");
        assertRefused(Cli.run("train", "--save", both.toString(), "--plot", both.toString()), "train",
                "--plot " + both + " is the same file as --save " + both + "; each output needs a file of its own");
    }

    /** Writing through a dangling link creates its target, so the link and the target name one output. */
    @Test
    void trainSeesThroughADanglingLinkToAnotherOutput() throws IOException {
        Path target = dir.resolve("y.out");
        Path link = Files.createSymbolicLink(dir.resolve("link.out"), Path.of("y.out"));
        Cli.Run run = Cli.run("train", "--save", target.toString(), "--plot", link.toString());
        Files.delete(link);
        assertRefused(run, "train", "--plot " + link + " is the same file as --save " + target
                + "; each output needs a file of its own");
    }

    /** A model and a PNG through one standard output would come out mixed; /dev/null may take both. */
    @Test
    void twoOutputsShareNoDeviceButTheNullOne() throws IOException {
        assertRefused(Cli.run("train", "--model", "linear", "--save", "/dev/stdout", "--plot", "/dev/stdout"), "train",
                "--plot /dev/stdout is the same file as --save /dev/stdout; each output needs a file of its own");
        assertEquals(0, Cli.run("train", "--model", "linear", "--iterations", "2", "--quiet", "--save", "/dev/null",
                "--plot", "/dev/null").exitCode());
    }

    @Test
    void predictWillNotWriteOverItsDataOrItsModel() throws IOException {
        assertRefused(Cli.run("predict", "--model", model.toString(), "--data", csv.toString(), "--out", csv.toString()),
                "predict", "--out " + csv + " is the same file as --data " + csv + "; an output must not overwrite an input");
        assertRefused(Cli.run("predict", "--model", model.toString(), "--data", csv.toString(), "--out", model.toString()),
                "predict", "--out " + model + " is the same file as --model " + model
                        + "; an output must not overwrite an input");
    }

    @Test
    void predictSeesThroughALinkAndAHardLink() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), csv);
        Path hard = Files.createLink(dir.resolve("hard.csv"), csv);
        for (Path alias : new Path[] {link, hard}) {
            Cli.Run run = Cli.run("predict", "--model", model.toString(), "--data", csv.toString(), "--out", alias.toString());
            assertEquals(VecnetCommand.EXIT_USAGE, run.exitCode(), run.err());
            assertArrayEquals(csvBytes, Files.readAllBytes(csv));
        }
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void plotWillNotDrawOverItsData() throws IOException {
        assertRefused(Cli.run("plot", "--data", csv.toString(), "--out", csv.toString()), "plot",
                "--out " + csv + " is the same file as --data " + csv + "; an output must not overwrite an input");
    }

    @Test
    void differentFilesAreFine() {
        Cli.Run run = Cli.run("predict", "--model", model.toString(), "--data", csv.toString(),
                "--out", dir.resolve("p.csv").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.err().contains("same file"));
    }

    @Test
    void predictWillNotAppendItsPredictionsToItsData(@TempDir Path elsewhere) throws Exception {
        Path err = elsewhere.resolve("err");
        int exit = ForkedCli.runAppendingTo(dir, csv, err, "predict", "--model", model.toString(), "--data",
                csv.toString());
        assertEquals(VecnetCommand.EXIT_USAGE, exit);
        assertArrayEquals(csvBytes, Files.readAllBytes(csv), "the data was appended to");
        assertEquals(List.of("vecnet predict: standard output is the same file as --data " + csv
                        + "; an output must not overwrite an input (see 'vecnet predict --help')"),
                new String(ForkedCli.withoutNotice(Files.readAllBytes(err)), StandardCharsets.UTF_8).lines().toList());
    }

    /**
     * The refusal goes to standard output when standard error is the data file, and nowhere when both
     * are. What a bare JVM writes to standard error before vecnet runs, its notice of the incubator
     * module, still lands there: the launcher filters it out.
     */
    @Test
    void trainWritesNothingOfItsOwnIntoItsDataThroughStandardError(@TempDir Path elsewhere) throws Exception {
        Path out = elsewhere.resolve("out");
        int exit = ForkedCli.runAppendingTo(dir, out, csv, "train", "--data", csv.toString(), "--quiet");
        assertEquals(VecnetCommand.EXIT_USAGE, exit);
        assertArrayEquals(csvBytes, withoutTrailingNotice(csv), "vecnet wrote into the data");
        assertEquals(List.of("vecnet train: standard error is the same file as --data " + csv
                + "; an output must not overwrite an input (see 'vecnet train --help')"), Files.readAllLines(out));

        exit = ForkedCli.runAppendingTo(dir, csv, csv, "plot", "--data", csv.toString(), "--out",
                elsewhere.resolve("p.png").toString());
        assertEquals(VecnetCommand.EXIT_USAGE, exit);
        assertArrayEquals(csvBytes, withoutTrailingNotice(csv), "vecnet wrote into the data");
        assertFalse(Files.exists(elsewhere.resolve("p.png")));
    }

    @Test
    void aUsageErrorIsNotWrittenIntoTheData(@TempDir Path elsewhere) throws Exception {
        Path out = elsewhere.resolve("out");
        int exit = ForkedCli.runAppendingTo(dir, out, csv, "train", "--data", csv.toString(), "--iterations", "-5");
        assertEquals(VecnetCommand.EXIT_USAGE, exit);
        assertArrayEquals(csvBytes, withoutTrailingNotice(csv), "vecnet wrote into the data");
        assertEquals(1, Files.readAllLines(out).size(), "the usage error goes to standard output");
    }

    @Test
    void eachStreamIntoAnotherInputIsRefusedAndNothingIsWrittenIntoEither() throws Exception {
        int exit = ForkedCli.runAppendingTo(dir, csv, model, "predict", "--model", model.toString(), "--data",
                csv.toString());
        assertEquals(VecnetCommand.EXIT_USAGE, exit);
        assertArrayEquals(csvBytes, Files.readAllBytes(csv), "the data was appended to");
        assertArrayEquals(modelBytes, withoutTrailingNotice(model, modelBytes), "vecnet wrote into the model");
    }

    @Test
    void theCommandsOwnStandardErrorIsNotReadAsData() throws Exception {
        ForkedCli.Result run = ForkedCli.runWithErrorPipe(dir, "predict", "--model", model.toString(), "--data",
                "/dev/stderr");
        assertEquals(VecnetCommand.EXIT_USAGE, run.exitCode(), run.err());
        assertEquals(List.of("vecnet predict: --data /dev/stderr is a pipe this command writes its own output to; "
                + "it cannot be read (see 'vecnet predict --help')"), run.errLines());
    }

    private byte[] withoutTrailingNotice(Path file) throws IOException {
        return withoutTrailingNotice(file, csvBytes);
    }

    /** The file's bytes less the JVM's notice of the incubator module after {@code original}; the file is restored. */
    private static byte[] withoutTrailingNotice(Path file, byte[] original) throws IOException {
        byte[] written = Files.readAllBytes(file);
        byte[] notice = ForkedCli.withoutNotice(Arrays.copyOfRange(written, original.length, written.length));
        Files.write(file, original);
        assertEquals(0, notice.length, "more than the JVM's notice was appended");
        return Arrays.copyOf(written, original.length);
    }
}
