package io.vecnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.io.ModelFile;
import io.vecnet.kernels.Backend;
import io.vecnet.kernels.KernelProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs every example's main, as a reader would, in this JVM (started with the Vector API module). */
class ExamplesTest {
    private static final Path DATA = Path.of("data");

    /** What the example printed on stdout. */
    private static List<String> run(Example main) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        original.print(out);
        return out.lines().toList();
    }

    @FunctionalInterface
    private interface Example {
        void run() throws Exception;
    }

    private static float number(String line, String before) {
        Matcher m = Pattern.compile(Pattern.quote(before) + " ([0-9.E-]+)").matcher(line);
        assertTrue(m.find(), "no number after '" + before + "' in: " + line);
        return Float.parseFloat(m.group(1));
    }

    @Test
    void theBuildRunsTheExamplesOnTheVectorKernels() {
        assertEquals(Backend.VECTOR, KernelProvider.get().backend(), "surefire starts java with the vector module");
    }

    @Test
    void quickStartTrainsPredictsSavesAndLoads(@TempDir Path dir) throws Exception {
        List<String> out = run(() -> QuickStart.main(new String[] {dir.toString()}));
        assertEquals("kernels: " + KernelProvider.get().description(), out.get(0));
        assertEquals(5, out.stream().filter(line -> line.startsWith("iteration ")).count(), String.join("\n", out));
        String summary = out.get(6);
        assertTrue(number(summary, "training accuracy") >= 0.97f, summary);
        assertTrue(Files.size(dir.resolve("spiral.vnet")) > 0);
        int predicted = (int) number(summary, "is class");
        assertTrue(out.get(7).endsWith("which predicts class " + predicted), out.get(7));
    }

    @Test
    void trainOnCsvThenServePredictionsFromManyThreads(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("iris.vnet");
        List<String> trained = run(() -> TrainOnCsv.main(new String[] {DATA.resolve("iris-train.csv").toString(),
                model.toString(), DATA.resolve("iris-test.csv").toString()}));
        assertTrue(number(trained.get(0), "validation accuracy") >= 0.9f, trained.get(0));
        assertEquals("saved " + ModelFile.load(model).network() + " to " + model, trained.get(1));
        assertTrue(number(trained.get(2), "test accuracy") >= 0.9f, trained.get(2));

        List<String> served = run(() -> ServePredictions.main(new String[] {model.toString(),
                DATA.resolve("iris-test.csv").toString(), "8", "5000"}));
        assertTrue(served.get(0).startsWith("5000 requests on 8 threads in "), served.get(0));
        assertTrue(served.get(0).endsWith("every answer matches the single-threaded batch prediction"), served.get(0));
        assertTrue(served.get(1).startsWith("first row: class "), served.get(1));
    }

    @Test
    void earlyStopEndsTrainingFromTheListener() throws Exception {
        List<String> out = run(() -> EarlyStop.main(new String[0]));
        String last = out.get(out.size() - 1);
        int iterations = (int) number(last, "stopped after");
        assertTrue(iterations > 0 && iterations < 20_000, last);
        assertTrue(number(last, "validation accuracy") >= 0.95f, last);
        assertEquals(iterations / 250 + 1, out.size() - 1, "one line a report, the stopping one included");
    }
}
