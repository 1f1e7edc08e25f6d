package io.vecnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real vecnet process stopped by a signal: exit code 128 + the signal, one line saying what was
 * cut short, and no file, temporary or not, left behind; after a kill -9, the next write cleans up.
 */
class InterruptionTest {
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    @TempDir
    Path dir;

    private List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** Starts writing a spiral large enough to take seconds, and waits until its temporary file appears. */
    private ForkedCli.Started writingABigSpiral() throws Exception {
        ForkedCli.Started vecnet = ForkedCli.start(dir, List.of(), "data", "spiral", "--points", "1000000",
                "--out", "big.csv");
        try {
            long start = System.nanoTime();
            while (files().stream().noneMatch(f -> f.startsWith(".big.csv.") && f.endsWith(".tmp"))) {
                assertTrue(vecnet.process().isAlive(), "vecnet exited before writing");
                assertTrue(System.nanoTime() - start < TIMEOUT_NANOS, "no temporary file appeared");
                Thread.sleep(2);
            }
            return vecnet;
        } catch (Exception | Error e) {
            vecnet.close();
            throw e;
        }
    }

    private static void signal(Process process, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor());
    }

    @Test
    void sigtermDuringTrainingExitsWith143AndSaysWhere() throws Exception {
        try (ForkedCli.Started vecnet = ForkedCli.start(dir, List.of(), "train", "--iterations", "100000000",
                "--save", "m.vnet", "--plot", "loss.png")) {
            long start = System.nanoTime();
            while (!vecnet.outSoFar().startsWith("iteration 0: loss")) {
                assertTrue(vecnet.process().isAlive(), "vecnet exited before training");
                assertTrue(System.nanoTime() - start < TIMEOUT_NANOS, "training did not start");
                Thread.sleep(2);
            }
            vecnet.process().destroy();
            ForkedCli.Result result = vecnet.finish();
            assertEquals(143, result.exitCode(), result.err());
            assertEquals(1, result.errLines().size(), result.err());
            assertTrue(result.errLines().get(0).matches("vecnet train: interrupted during training at iteration \\d+ of "
                    + "100000000"), result.err());
            assertEquals(List.of(), files());
        }
    }

    /** Training goes on while the JVM shuts down: no epoch may be printed after the one the message names. */
    @Test
    void sigintDuringEpochsNamesTheLastEpochPrinted() throws Exception {
        String iris = Path.of("src/test/resources/datasets/iris-train.csv").toAbsolutePath().toString();
        try (ForkedCli.Started vecnet = ForkedCli.start(dir, List.of(), "train", "--data", iris, "--epochs", "100000",
                "--patience", "100000")) {
            long start = System.nanoTime();
            while (!vecnet.outSoFar().contains("\nepoch 100: ")) {
                assertTrue(vecnet.process().isAlive(), "vecnet exited before training");
                assertTrue(System.nanoTime() - start < TIMEOUT_NANOS, "training did not start");
                Thread.sleep(2);
            }
            signal(vecnet.process(), "INT");
            ForkedCli.Result result = vecnet.finish();
            assertEquals(130, result.exitCode(), result.err());
            assertEquals(1, result.errLines().size(), result.err());
            Matcher message = Pattern.compile("vecnet train: interrupted during training at epoch (\\d+) of 100000")
                    .matcher(result.errLines().get(0));
            assertTrue(message.matches(), result.err());
            List<String> lines = result.out().lines().toList();
            assertTrue(lines.get(lines.size() - 1).startsWith("epoch " + message.group(1) + ": "),
                    lines.get(lines.size() - 1) + " / " + result.err());
        }
    }

    @Test
    void sigintWhileWritingExitsWith130AndLeavesNothing() throws Exception {
        try (ForkedCli.Started vecnet = writingABigSpiral()) {
            signal(vecnet.process(), "INT");
            ForkedCli.Result result = vecnet.finish();
            assertEquals(130, result.exitCode(), result.err());
            assertEquals(List.of("vecnet data spiral: interrupted while writing big.csv; nothing was written"),
                    result.errLines());
            assertEquals(List.of(), files());
        }
    }

    @Test
    void sigtermWhileWritingExitsWith143AndLeavesNothing() throws Exception {
        try (ForkedCli.Started vecnet = writingABigSpiral()) {
            vecnet.process().destroy();
            ForkedCli.Result result = vecnet.finish();
            assertEquals(143, result.exitCode(), result.err());
            assertEquals(List.of("vecnet data spiral: interrupted while writing big.csv; nothing was written"),
                    result.errLines());
            assertEquals(List.of(), files());
        }
    }

    /** A FIFO kept open and quiet holds predict in the middle of reading its data until the signal. */
    @Test
    void sigintWhileReadingTheDataNamesTheFile() throws Exception {
        Path model = dir.resolve("m.vnet");
        Cli.Run train = Cli.run("train", "--iterations", "10", "--quiet", "--save", model.toString());
        assertEquals(0, train.exitCode(), train.err());
        Path fifo = dir.resolve("rows.csv");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
        try (ForkedCli.Started vecnet = ForkedCli.start(dir, List.of(), "predict", "--model", model.toString(),
                "--data", fifo.toString());
             var rows = new java.io.FileOutputStream(fifo.toFile())) { // opens once vecnet opens it to read
            rows.write("x,y,label\n0.1,".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            rows.flush();
            signal(vecnet.process(), "INT");
            ForkedCli.Result result = vecnet.finish();
            assertEquals(130, result.exitCode(), result.err());
            assertEquals(List.of("vecnet predict: interrupted while reading " + fifo), result.errLines());
        }
    }

    @Test
    void theNextWriteRemovesWhatAKillLeft() throws Exception {
        try (ForkedCli.Started vecnet = writingABigSpiral()) {
            vecnet.process().destroyForcibly();
            assertEquals(137, vecnet.finish().exitCode());
            assertEquals(1, files().size(), "kill -9 leaves the temporary file: " + files());
            Cli.Run run = Cli.run("data", "spiral", "--points", "5", "--out", dir.resolve("big.csv").toString());
            assertEquals(0, run.exitCode(), run.err());
            assertEquals(List.of("big.csv"), files());
        }
    }
}
