package io.vecnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line against damaged data files and odd output paths. Every run must succeed or
 * exit with 1 (or 2 for a bad option) and exactly one stderr line that names the file, and the
 * line for a CSV problem; never a stack trace, never a hang. {@code -Dvecnet.fuzz.iterations=N}
 * and {@code -Dvecnet.fuzz.seed=S} as for the engine's fuzz tests.
 */
class CliFuzzTest {
    private static final long SEED = Long.getLong("vecnet.fuzz.seed", 20_251_130L);
    private static final int ITERATIONS = Integer.getInteger("vecnet.fuzz.iterations", 60);
    private static final String[] CELLS = {"", " ", "x", "NaN", "-inf", "1e39", "3.4028235E38", "0x1p3", "1e400", "1.5",
        "-1", "1e20", "7", "2.000", "\u00a01", "1 2", "\u0000", "\u202e", "\ud83d\ude00", "7".repeat(5000) + "x",
        "0".repeat(3000) + "1", ",", "\n", "\r", ",,\n"};

    @TempDir
    static Path dir;
    private static Path model;
    private static String spiral;
    private volatile String at = "starting";

    @BeforeAll
    static void writeASpiralAndAModel() throws IOException {
        Path csv = dir.resolve("spiral.csv");
        model = dir.resolve("model.vnet");
        assertEquals(0, Cli.run("data", "spiral", "--points", "8", "--out", csv.toString()).exitCode());
        assertEquals(0, Cli.run("train", "--data", csv.toString(), "--model", "linear", "--iterations", "3", "--quiet",
                "--save", model.toString()).exitCode());
        spiral = Files.readString(csv);
    }

    private static Random random(int iteration) {
        return new Random(SEED * 0x9E3779B97F4A7C15L + iteration);
    }

    /** The spiral's CSV with a few cells replaced, characters inserted or deleted, or the file cut short. */
    private static String damaged(Random random) {
        StringBuilder text = new StringBuilder(spiral);
        for (int m = 1 + random.nextInt(3); m > 0; m--) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(4)) {
                case 0 -> text.insert(at, CELLS[random.nextInt(CELLS.length)]);
                case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(8)));
                case 2 -> text.setLength(at);
                default -> {
                    int end = text.indexOf(",", at);
                    if (end > 0) {
                        text.replace(at, end, CELLS[random.nextInt(CELLS.length)]);
                    }
                }
            }
        }
        return text.toString();
    }

    private static void assertOneLineOrSuccess(Cli.Run run, String command, Path file) {
        if (run.exitCode() == 0) {
            return;
        }
        assertEquals(VecnetCommand.EXIT_FAILURE, run.exitCode(), run.err());
        String[] lines = run.errLines();
        if (lines.length > 0 && lines[lines.length - 1].startsWith("vecnet train: the model is no better than")) {
            return;  // the data read fine and trained to nothing: a verdict on training, after its warnings
        }
        assertEquals(1, run.errLines().length, run.err());
        String line = run.errLines()[0];
        assertTrue(!line.contains("Exception") && !line.contains("\tat "), line);
        if (line.startsWith("vecnet train: training diverged: ")) {
            return;  // numbers near the float32 limit make the loss overflow: a failure of training, not of the file
        }
        assertTrue(line.startsWith("vecnet " + command + ": " + file + ": ")
                || Pattern.compile("vecnet " + Pattern.quote(command) + ": " + Pattern.quote(file.toString())
                        + " line [1-9][0-9]*: .+").matcher(line).matches(), line);
    }

    @Test
    void damagedDataFilesGiveOneLineNamingTheFileAndTheLine() {
        assertTimeoutPreemptively(Duration.ofSeconds(120 + ITERATIONS), () -> {
            for (int i = 0; i < ITERATIONS; i++) {
                String content = damaged(random(i));
                at = "iteration " + i + " of seed " + SEED;
                Path csv = Files.write(dir.resolve("damaged.csv"), content.getBytes(StandardCharsets.UTF_8));
                assertOneLineOrSuccess(Cli.run("train", "--data", csv.toString(), "--model", "linear", "--iterations", "2",
                        "--quiet"), "train", csv);
                assertOneLineOrSuccess(Cli.run("predict", "--model", model.toString(), "--data", csv.toString()),
                        "predict", csv);
                assertOneLineOrSuccess(Cli.run("plot", "--data", csv.toString(), "--out",
                        dir.resolve("plot.png").toString(), "--width", "200", "--height", "200"), "plot", csv);
            }
        }, () -> "stuck at " + at);
    }

    @Test
    void oddOutputPathsAreWrittenOrRefusedInOneLine() throws IOException {
        Path out = Files.createDirectory(dir.resolve("out"));
        Path device = out.resolve("null");
        boolean devices = new ProcessBuilder("mknod", device.toString(), "c", "1", "3").start().onExit().join()
                .exitValue() == 0;
        Files.writeString(out.resolve("existing.csv"), "old");
        Files.createSymbolicLink(out.resolve("link.csv"), Path.of("existing.csv"));
        Files.createSymbolicLink(out.resolve("dangling.csv"), Path.of("created.csv"));
        Files.createSymbolicLink(out.resolve("loop.csv"), Path.of("loop.csv"));
        Files.createDirectory(out.resolve("directory"));
        List<Path> targets = List.of(out.resolve("new.csv"), out.resolve("existing.csv"), out.resolve("link.csv"),
                out.resolve("dangling.csv"), out.resolve("loop.csv"), out.resolve("directory"),
                out.resolve("missing").resolve("x.csv"), device);
        for (int i = 0; i < Math.min(ITERATIONS, 40); i++) {
            Path target = targets.get(random(i).nextInt(targets.size()));
            if (target.equals(device) && !devices) {
                continue;
            }
            Cli.Run run = Cli.run("data", "spiral", "--points", "3", "--out", target.toString());
            assertOneLineOrSuccess(run, "data spiral", target);
            if (run.exitCode() == 0 && !target.equals(device)) {
                assertTrue(Files.readString(target).startsWith("x1,x2,label\n"));
            }
        }
        assertTrue(Files.isSymbolicLink(out.resolve("link.csv")) && Files.isSymbolicLink(out.resolve("dangling.csv")));
        if (devices) {
            assertTrue(Files.readAttributes(device, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther());
        }
        try (var files = Files.walk(out)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList());
        }
    }
}
