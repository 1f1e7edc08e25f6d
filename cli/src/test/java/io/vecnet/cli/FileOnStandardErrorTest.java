package io.vecnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file written to /dev/stderr holds nothing else: the command's warnings and errors go to standard
 * output instead, and nowhere when a file is written there too.
 */
class FileOnStandardErrorTest {
    /** The spiral's linear model at this rate barely moves its loss, yet learns: a warning, and a model saved. */
    private static final String[] WARNED = {"train", "--model", "linear", "--lr", "0.001", "--quiet"};
    private static final String WARNING = "vecnet train: warning: the loss barely moved from ln 3";

    @TempDir
    Path dir;

    @Test
    void theModelAloneItsWarningOnStandardOutput() throws Exception {
        byte[] model = savedModel();
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.vnet");
        assertEquals(0, ForkedCli.runAppendingTo(dir, out, err, concat(WARNED, "--save", "/dev/stderr")));
        assertArrayEquals(model, ForkedCli.withoutNotice(Files.readAllBytes(err)));
        String text = Files.readString(out);
        assertTrue(text.contains(WARNING) && text.contains("saved the 2 → 3 (linear) model to /dev/stderr"), text);
    }

    @Test
    void theLossCurveAlone() throws Exception {
        Path png = dir.resolve("l.png");
        assertEquals(0, Cli.run(concat(WARNED, "--plot", png.toString())).exitCode());
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.png");
        assertEquals(0, ForkedCli.runAppendingTo(dir, out, err, concat(WARNED, "--plot", "/dev/stderr")));
        assertArrayEquals(Files.readAllBytes(png), ForkedCli.withoutNotice(Files.readAllBytes(err)));
        assertTrue(Files.readString(out).contains(WARNING), Files.readString(out));
    }

    /** A run that fails still draws its curve; the warnings and the line saying why go to standard output. */
    @Test
    void aFailedRunsCurveAloneItsErrorOnStandardOutput() throws Exception {
        String[] exploding = {"train", "--model", "linear", "--lr", "1000", "--quiet", "--plot"};
        Path png = dir.resolve("l.png");
        assertEquals(VecnetCommand.EXIT_FAILURE, Cli.run(concat(exploding, png.toString())).exitCode());
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.png");
        assertEquals(VecnetCommand.EXIT_FAILURE,
                ForkedCli.runAppendingTo(dir, out, err, concat(exploding, "/dev/stderr")));
        assertArrayEquals(Files.readAllBytes(png), ForkedCli.withoutNotice(Files.readAllBytes(err)));
        String text = Files.readString(out);
        assertTrue(text.contains("\nvecnet train: warning: the loss rose to "), text);
        assertTrue(text.endsWith("; try a smaller --lr\n"), text);
    }

    /** With a file on each stream, no stream is left for the lines, which are dropped. */
    @Test
    void aFileOnEachStreamLeavesNoRoomForTheLines() throws Exception {
        Path model = dir.resolve("m.vnet");
        Path png = dir.resolve("l.png");
        assertEquals(0, Cli.run(concat(WARNED, "--save", model.toString(), "--plot", png.toString())).exitCode());
        Path out = dir.resolve("out.png");
        Path err = dir.resolve("err.vnet");
        assertEquals(0, ForkedCli.runAppendingTo(dir, out, err,
                concat(WARNED, "--save", "/dev/stderr", "--plot", "/dev/stdout")));
        assertArrayEquals(Files.readAllBytes(png), Files.readAllBytes(out));
        assertArrayEquals(Files.readAllBytes(model), ForkedCli.withoutNotice(Files.readAllBytes(err)));
    }

    /** {@code --save /dev/stdout >>m.vnet 2>>m.vnet}: both streams are the model's file; the lines are dropped. */
    @Test
    void bothStreamsInTheFileLeaveItToTheModel() throws Exception {
        byte[] model = savedModel();
        Path both = dir.resolve("both.vnet");
        assertEquals(0, ForkedCli.runAppendingTo(dir, both, both, concat(WARNED, "--save", "/dev/stdout")));
        assertArrayEquals(model, ForkedCli.withoutNotice(Files.readAllBytes(both)));
    }

    private byte[] savedModel() throws Exception {
        Path model = dir.resolve("m.vnet");
        Cli.Run run = Cli.run(concat(WARNED, "--save", model.toString()));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().startsWith(WARNING), run.err());
        return Files.readAllBytes(model);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
