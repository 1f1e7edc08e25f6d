package io.vecnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Memory a JVM does not have: one line that says how to give it more, never a stack trace. */
class MemoryLimitTest {
    @TempDir
    Path dir;

    @Test
    void runningOutOfMemoryIsOneLineSuggestingALargerHeap() throws Exception {
        ForkedCli.Result result = ForkedCli.run(dir, List.of("-Xmx64m"), "plot", "--data", "spiral",
                "--out", "huge.png", "--width", "10000", "--height", "10000");
        assertEquals(VecnetCommand.EXIT_FAILURE, result.exitCode(), result.err());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.errLines().get(0).matches("vecnet plot: out of memory: the \\d+\\.\\d MB this JVM may use "
                + "is not enough; allow more with VECNET_JAVA_OPTS=-Xmx1g"), result.err());
        assertFalse(Files.exists(dir.resolve("huge.png")));
    }

    /**
     * Mini-batches hold the activations of one batch, not of every row: 300,000 rows of 2 -> 100 -> 3
     * need about 360 MB of activations at full batch, 0.2 MB in batches of 200.
     */
    @Test
    void theMemoryCheckCountsTheActivationsOfOneBatch() throws Exception {
        Path csv = dir.resolve("tall.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            for (int i = 0; i < 300_000; i++) {
                out.write(i % 3 + 0.5 + "," + (i % 7) + "," + i % 3 + "\n");
            }
        }
        ForkedCli.Result batches = ForkedCli.run(dir, List.of("-Xmx96m"), "train", "--data", csv.toString(),
                "--epochs", "1", "--quiet");
        assertEquals(0, batches.exitCode(), batches.err());
        ForkedCli.Result full = ForkedCli.run(dir, List.of("-Xmx96m"), "train", "--data", csv.toString(),
                "--batch-size", "full", "--epochs", "1", "--quiet");
        assertEquals(VecnetCommand.EXIT_FAILURE, full.exitCode(), full.err());
        assertEquals(1, full.errLines().size(), full.err());
        assertTrue(full.errLines().get(0).matches("vecnet train: a 2 → 100 relu → 3 network on 300000 rows needs about "
                + "\\d+\\.\\d MB of memory to train, more than the .+ this JVM may use; allow more with "
                + "VECNET_JAVA_OPTS=-Xmx1g"), full.err());
    }

    @Test
    void aCsvFileTooLargeForTheHeapIsRefusedBeforeReading() throws Exception {
        Path csv = dir.resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            for (int i = 0; i < 1_000_000; i++) {
                out.write("0.123456,-0.654321,1\n");
            }
        }
        ForkedCli.Result result = ForkedCli.run(dir, List.of("-Xmx24m"), "train", "--data", csv.toString(), "--quiet");
        assertEquals(VecnetCommand.EXIT_FAILURE, result.exitCode(), result.err());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.errLines().get(0).matches("vecnet train: " + csv + ": holds about 30\\d{5} numbers; reading "
                + "them needs about 2\\d\\.\\d MB of memory, more than the .+ this JVM has free; "
                + "allow more with VECNET_JAVA_OPTS=-Xmx1g"), result.err());
        assertEquals("", result.out());
    }
}
