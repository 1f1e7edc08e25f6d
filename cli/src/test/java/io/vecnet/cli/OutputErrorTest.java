package io.vecnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write that fails, to a file or to standard output, fails the command in one line naming where it went. */
class OutputErrorTest {
    /** A device on which every write fails with ENOSPC. */
    private static final Path FULL = Path.of("/dev/full");
    private static final String NO_SPACE = "No space left on device";

    @TempDir
    static Path dir;
    static String csv;
    static String model;

    @BeforeAll
    static void trainAModel() {
        assumeTrue(Files.isWritable(FULL), "this system has no /dev/full");
        csv = dir.resolve("spiral.csv").toString();
        model = dir.resolve("spiral.vnet").toString();
        assertEquals(0, Cli.run("data", "spiral", "--points", "20", "--out", csv).exitCode());
        Cli.Run train = Cli.run("train", "--data", csv, "--iterations", "50", "--quiet", "--save", model);
        assertEquals(0, train.exitCode(), train.err());
    }

    @Test
    void predictionsThatCannotBeWrittenToStandardOutputFailTheCommand() throws Exception {
        ForkedCli.Result result = ForkedCli.runWithOutputTo(dir, FULL, "predict", "--model", model, "--data", csv);
        assertEquals(VecnetCommand.EXIT_FAILURE, result.exitCode(), result.err());
        assertEquals(List.of("vecnet predict: standard output: " + NO_SPACE), result.errLines(),
                "the summary is not printed after predictions that were lost");
    }

    @Test
    void aReaderOfStandardOutputThatLeavesEndsTheCommandQuietly() throws Exception {
        ForkedCli.Result result = ForkedCli.runWithOutputClosed(dir, "predict", "--model", model, "--data", csv);
        assertEquals(VecnetCommand.EXIT_READER_GONE, result.exitCode(), result.err());
        assertEquals(List.of(), result.errLines(), "no message, as for a program SIGPIPE stopped");
        ForkedCli.Result named = ForkedCli.runWithOutputClosed(dir, "predict", "--model", model, "--data", csv,
                "--out", "/dev/stdout");
        assertEquals(VecnetCommand.EXIT_READER_GONE, named.exitCode(), named.err());
        assertEquals(List.of(), named.errLines(), "--out /dev/stdout as standard output itself");
    }

    @Test
    void dataThatCannotBeWrittenToStandardOutputFailsTheCommand() throws Exception {
        ForkedCli.Result result = ForkedCli.runWithOutputTo(dir, FULL, "data", "spiral");
        assertEquals(VecnetCommand.EXIT_FAILURE, result.exitCode(), result.err());
        assertEquals(List.of("vecnet data spiral: standard output: " + NO_SPACE), result.errLines());
    }

    @Test
    void everyCommandChecksItsStandardOutput() throws Exception {
        for (String[] args : new String[][] {{"info"}, {"--help"}, {"train", "--model", "linear", "--iterations", "5"}}) {
            ForkedCli.Result result = ForkedCli.runWithOutputTo(dir, FULL, args);
            assertEquals(VecnetCommand.EXIT_FAILURE, result.exitCode(), String.join(" ", args) + ": " + result.err());
            String command = args[0].startsWith("-") ? "vecnet" : "vecnet " + args[0];
            assertEquals(List.of(command + ": standard output: " + NO_SPACE), result.errLines());
        }
    }

    @Test
    void aFailedWriteToAnOutputFileNamesTheFile() {
        String full = FULL.toString();
        assertFails("vecnet predict", "predict", "--model", model, "--data", csv, "--out", full);
        assertFails("vecnet data spiral", "data", "spiral", "--points", "10000", "--out", full);
        assertFails("vecnet plot", "plot", "--data", csv, "--model", model, "--out", full);
        assertFails("vecnet train", "train", "--model", "linear", "--iterations", "5", "--save", full);
        assertFails("vecnet train", "train", "--model", "linear", "--iterations", "5", "--plot", full);
    }

    private static void assertFails(String command, String... args) {
        Cli.Run run = Cli.run(args);
        assertEquals(VecnetCommand.EXIT_FAILURE, run.exitCode(), run.err());
        assertEquals(command + ": " + FULL + ": " + NO_SPACE, run.errLines()[run.errLines().length - 1], run.err());
    }
}
