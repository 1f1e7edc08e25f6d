package io.vecnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file written to /dev/stdout reaches the pipe alone: the command's own lines go to stderr, so an
 * image, a model or a CSV file piped to another program is the same bytes as written to a file.
 */
class FileOnStandardOutputTest {
    @TempDir
    Path dir;

    @Test
    void theSpiralsCsvAlone() throws Exception {
        assertEquals(0, Cli.run("data", "spiral", "--out", dir.resolve("s.csv").toString()).exitCode());
        byte[] piped = ForkedCli.runIntoPipe(dir, "data", "spiral", "--out", "/dev/stdout");
        assertEquals(Files.readString(dir.resolve("s.csv")), new String(piped, StandardCharsets.UTF_8));
    }

    @Test
    void thePlotAlone() throws Exception {
        assertEquals(0, Cli.run("plot", "--data", "spiral", "--out", dir.resolve("p.png").toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(dir.resolve("p.png")),
                ForkedCli.runIntoPipe(dir, "plot", "--data", "spiral", "--out", "/dev/stdout"));
    }

    @Test
    void theLossCurveAndTheModelAlone() throws Exception {
        String[] train = {"train", "--iterations", "300", "--print-every", "100"};
        assertEquals(0, Cli.run(concat(train, "--plot", dir.resolve("l.png").toString(),
                "--save", dir.resolve("m.vnet").toString())).exitCode());
        assertArrayEquals(Files.readAllBytes(dir.resolve("l.png")),
                ForkedCli.runIntoPipe(dir, concat(train, "--plot", "/dev/stdout")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("m.vnet")),
                ForkedCli.runIntoPipe(dir, concat(train, "--save", "/dev/stdout")));
    }

    @Test
    void thePredictionsAlone() throws Exception {
        Path csv = dir.resolve("s.csv");
        Path model = dir.resolve("m.vnet");
        assertEquals(0, Cli.run("data", "spiral", "--out", csv.toString()).exitCode());
        assertEquals(0, Cli.run("train", "--iterations", "300", "--save", model.toString()).exitCode());
        assertEquals(0, Cli.run("predict", "--model", model.toString(), "--data", csv.toString(),
                "--out", dir.resolve("p.csv").toString()).exitCode());
        byte[] piped = ForkedCli.runIntoPipe(dir, "predict", "--model", model.toString(), "--data", csv.toString(),
                "--out", "/dev/stdout");
        assertEquals(Files.readString(dir.resolve("p.csv")), new String(piped, StandardCharsets.UTF_8));
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
