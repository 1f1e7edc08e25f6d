package io.vecnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vecnet} as users run it: a real process through the {@code ./vecnet} launcher. Runs as an
 * integration test, after the jar is packaged, so the launcher finds it up to date.
 */
class LauncherIT {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) {
    }

    private static Result vecnet(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("./vecnet"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "vecnet " + String.join(" ", args) + " hung");
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void trainSaveAndPredictThroughTheLauncher() throws Exception {
        assertTrue(Files.isExecutable(ROOT.resolve("vecnet")), "run from the cli module: " + ROOT);
        Path csv = dir.resolve("spiral.csv");
        Path model = dir.resolve("spiral.vnet");
        assertEquals(0, vecnet("data", "spiral", "--out", csv.toString()).exitCode());
        Result train = vecnet("train", "--data", csv.toString(), "--optimizer", "gd", "--iterations", "2000",
                "--save", model.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertEquals("", train.err());
        Result predict = vecnet("predict", "--model", model.toString(), "--data", csv.toString(),
                "--out", dir.resolve("p.csv").toString());
        assertEquals(0, predict.exitCode(), predict.err());
        assertTrue(predict.out().contains("accuracy: 0.9"), predict.out());
    }

    @Test
    void aBadFileGivesOneLineAndExitCodeOne() throws Exception {
        Path csv = ROOT.resolve("cli").resolve(Cli.BAD).resolve("not-a-number.csv");
        Result result = vecnet("train", "--data", csv.toString());
        assertEquals(1, result.exitCode());
        assertEquals("vecnet train: " + csv + " line 3: column 2 'zero' is not a number\n", result.err());
        assertEquals("", result.out());
    }
}
