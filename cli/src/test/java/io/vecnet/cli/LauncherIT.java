package io.vecnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vecnet} as users run it: a real process through the {@code ./vecnet} launcher. Runs as an
 * integration test, after the jar is packaged, so the launcher finds it up to date. The launcher's
 * start-up cache is off but in the test made for it, so that the others see the same output on a
 * first run as on later ones.
 */
class LauncherIT {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) {
    }

    private static Result vecnet(String... args) throws IOException, InterruptedException {
        return run("0", args);
    }

    private static Result vecnetWithCache(String... args) throws IOException, InterruptedException {
        return run("1", args);
    }

    private static Result run(String aot, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("./vecnet"));
        command.addAll(List.of(args));
        ProcessBuilder builder = launcher(command);
        builder.environment().put("VECNET_AOT", aot);
        Process process = builder.start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "vecnet " + String.join(" ", args) + " hung");
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static ProcessBuilder launcher(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        builder.environment().put("VECNET_AOT", "0");
        return builder;
    }

    @Test
    void makesTheStartUpCacheOnceAndRunsTheSameWithIt() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "the AOT cache needs JDK 25");
        Path cacheDir = ROOT.resolve("cli/target/aot");
        deleteTree(cacheDir);
        try {
            Files.createDirectories(cacheDir);
            FileTime beforeTheJar = FileTime.fromMillis(
                    Files.getLastModifiedTime(ROOT.resolve("cli/target/vecnet.jar")).toMillis() - 60_000);
            for (String stale : List.of("vecnet-1.aot", "vecnet-2.aot.failed")) {
                Files.setLastModifiedTime(Files.createFile(cacheDir.resolve(stale)), beforeTheJar);
            }
            Result first = vecnetWithCache("train", "--quiet", "--iterations", "300");
            assertEquals(0, first.exitCode(), first.err());
            assertEquals("", first.err(), "the launcher's notice goes to a terminal only");
            List<Path> caches = aotFiles(cacheDir);
            assertEquals(1, caches.size(), "the new cache only, the earlier builds' gone: " + caches);
            Result second = vecnetWithCache("train", "--quiet", "--iterations", "300");
            assertEquals("", second.err());
            assertEquals(trainingOutput(first.out()), trainingOutput(second.out()));
            assertEquals(caches, aotFiles(cacheDir));

            Files.write(caches.get(0), new byte[1000]);
            Result corrupt = vecnetWithCache("train", "--quiet", "--iterations", "300");
            assertEquals("", corrupt.err(), "a damaged cache is skipped silently");
            assertEquals(trainingOutput(first.out()), trainingOutput(corrupt.out()));
        } finally {
            deleteTree(cacheDir);
        }
    }

    /** The output without the timing line, which differs from run to run. */
    private static String trainingOutput(String out) {
        return out.lines().filter(line -> !line.contains(" iterations in ")).toList().toString();
    }

    private static List<Path> aotFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
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
    void anImageWrittenToStandardErrorPassesTheLaunchersFilterWhole() throws Exception {
        List<String> command = List.of("./vecnet", "plot", "--data", "spiral", "--out", "/dev/stderr");
        Process process = launcher(command).start();
        process.getOutputStream().close();
        byte[] err = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), new String(err, StandardCharsets.ISO_8859_1));
        Path file = dir.resolve("spiral.png");
        assertEquals(0, vecnet("plot", "--data", "spiral", "--out", file.toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(file), err, "the image on stderr, byte for byte");
    }

    @Test
    void aCollectorChosenInVecnetJavaOptsReplacesTheLaunchersOwn() throws Exception {
        ProcessBuilder builder = launcher(List.of("./vecnet", "info"));
        builder.environment().put("VECNET_JAVA_OPTS", "-XX:+UseG1GC");
        builder.environment().put("VECNET_AOT", "0");
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), err);
        assertTrue(out.contains("kernels:"), out);
    }

    @Test
    void aBadFileGivesOneLineAndExitCodeOne() throws Exception {
        Path csv = ROOT.resolve("cli").resolve(Cli.BAD).resolve("not-a-number.csv");
        Result result = vecnet("train", "--data", csv.toString());
        assertEquals(1, result.exitCode());
        assertEquals("vecnet train: " + csv + " line 3: column 2 'zero' is not a number\n", result.err());
        assertEquals("", result.out());
    }
    /**
     * A training run through the launcher in the background, its output in temporary files, started
     * and waited for until its first loss line; closing it kills whatever of it still runs.
     */
    private static final class Training implements AutoCloseable {
        final Process launcher;
        final List<ProcessHandle> processes;
        private final Path out = Files.createTempFile("vecnet-launcher", ".out");
        private final Path err = Files.createTempFile("vecnet-launcher", ".err");

        Training(String... args) throws Exception {
            this(List.of("./vecnet"), args);
        }

        /** The run started by {@code prefix} (a command that ends by running the launcher) with args. */
        Training(List<String> prefix, String... args) throws Exception {
            List<String> command = new java.util.ArrayList<>(prefix);
            command.addAll(List.of(args));
            launcher = launcher(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            launcher.getOutputStream().close();
            try {
                long start = System.nanoTime();
                while (!Files.readString(out).startsWith("iteration 0: loss")) {
                    assertTrue(launcher.isAlive(), "vecnet exited early: " + err());
                    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(120), "training did not start");
                    Thread.sleep(5);
                }
            } catch (Exception | Error e) {
                close();
                throw e;
            }
            processes = launcher.descendants().toList();
        }

        String err() throws IOException {
            return Files.readString(err);
        }

        /** The run exited with {@code exitCode}, said in one line where it stopped, and left no file in {@code work}. */
        void assertInterruptedLeavingNothingIn(Path work, int exitCode) throws IOException {
            assertEquals(exitCode, launcher.exitValue(), err());
            assertTrue(err().matches("vecnet train: interrupted during training at iteration \\d+ of 100000000\n"),
                    err());
            try (Stream<Path> files = Files.list(work)) {
                assertEquals(0, files.count());
            }
        }

        @Override
        public void close() throws IOException {
            launcher.destroyForcibly();
            if (processes != null) {
                processes.forEach(ProcessHandle::destroyForcibly);
            }
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void sigtermToTheLauncherStopsTheJvmAndNothingOutlivesIt() throws Exception {
        Path work = Files.createDirectory(dir.resolve("work"));
        try (Training training = new Training("train", "--iterations", "100000000",
                "--save", work.resolve("m.vnet").toString())) {
            List<ProcessHandle> processes = training.processes;
            assertTrue(processes.stream().anyMatch(p -> p.info().command().orElse("").endsWith("java")),
                    "the JVM is not among " + processes.stream().map(p -> p.info().command().orElse("?")).toList());
            training.launcher.destroy();
            assertTrue(training.launcher.waitFor(60, TimeUnit.SECONDS), "vecnet did not stop");
            List<ProcessHandle> alive = processes.stream().filter(ProcessHandle::isAlive).toList();
            assertEquals(List.of(), alive.stream().map(p -> p.pid() + " " + p.info().command().orElse("?")).toList(),
                    "still running after the launcher exited");
            training.assertInterruptedLeavingNothingIn(work, 143);
        }
    }

    /**
     * A script's background job starts with INT ignored, which bash can neither trap nor reset: the
     * launcher starts again with it restored, so that {@code kill -INT} stops training as in the foreground.
     */
    @Test
    void sigintStopsABackgroundJobThatStartedWithItIgnored() throws Exception {
        Path work = Files.createDirectory(dir.resolve("work"));
        List<String> ignoringInt = List.of("bash", "-c", "trap '' INT QUIT; exec ./vecnet \"$@\"", "vecnet");
        try (Training training = new Training(ignoringInt, "train", "--iterations", "100000000",
                "--save", work.resolve("m.vnet").toString())) {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(training.launcher.pid())).start();
            assertEquals(0, kill.waitFor());
            assertTrue(training.launcher.waitFor(60, TimeUnit.SECONDS), "vecnet did not stop");
            training.assertInterruptedLeavingNothingIn(work, 130);
        }
    }

    /** Both streams into one file ({@code > f 2>&1}): the model written to standard output is all the file holds. */
    @Test
    void aModelWrittenToStandardOutputSharedWithStandardErrorHoldsNothingElse() throws Exception {
        Path both = dir.resolve("both.vnet");
        Process process = launcher(List.of("./vecnet", "train", "--iterations", "300", "--save", "/dev/stdout"))
                .redirectOutput(both.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), Files.readString(both, StandardCharsets.ISO_8859_1));
        Path file = dir.resolve("file.vnet");
        assertEquals(0, vecnet("train", "--iterations", "300", "--save", file.toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(both));
    }

    /** Under the C locale class names and file names outside ASCII still come through, in UTF-8. */
    @Test
    void theCLocaleKeepsNamesOutsideAscii() throws Exception {
        Path data = Files.createDirectory(dir.resolve("ünï")).resolve("thé.csv");
        StringBuilder rows = new StringBuilder("x,y,drink\n");
        for (int i = 0; i < 10; i++) {
            rows.append(i % 3).append(',').append(i % 5).append(",café\n");
            rows.append(50 + i % 3).append(',').append(50 + i % 5).append(",thé\n");
        }
        Files.writeString(data, rows, StandardCharsets.UTF_8);
        Path model = dir.resolve("m.vnet");
        assertEquals(0, inCLocale("train", "--data", data.toString(), "--quiet", "--save", model.toString()).exitCode());
        Result predict = inCLocale("predict", "--model", model.toString(), "--data", data.toString());
        assertEquals(0, predict.exitCode(), predict.err());
        assertTrue(predict.out().contains("café") && predict.out().contains("thé"), predict.out());
    }

    private static Result inCLocale(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("./vecnet"));
        command.addAll(List.of(args));
        ProcessBuilder builder = launcher(command);
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** The out-of-memory killer's SIGKILL gives the JVM no chance to speak: the launcher says what happened. */
    @Test
    void aJvmKilledOutrightIsOneLineFromTheLauncher() throws Exception {
        try (Training training = new Training("train", "--iterations", "100000000")) {
            training.processes.stream().filter(p -> p.info().command().orElse("").endsWith("java")).findFirst()
                    .orElseThrow().destroyForcibly();
            assertTrue(training.launcher.waitFor(60, TimeUnit.SECONDS), "vecnet did not stop");
            assertEquals(137, training.launcher.exitValue(), training.err());
            assertEquals("vecnet: the JVM was killed (SIGKILL) before it finished; on Linux the out-of-memory killer "
                    + "does this (see dmesg)\n", training.err());
        }
    }

    @Test
    void standardInputReachesTheJvm() throws Exception {
        List<String> command = List.of("./vecnet", "train", "--data", "/dev/stdin", "--model", "linear", "--optimizer", "gd",
                "--iterations", "3", "--quiet");
        Process process = launcher(command).start();
        try (var in = process.getOutputStream()) {
            in.write("x,y,label\n1,2,0\n3,4,1\n".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), err);
        assertTrue(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .startsWith("training accuracy: "));
    }
}
