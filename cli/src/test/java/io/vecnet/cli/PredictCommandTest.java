package io.vecnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.io.CsvDataset;
import io.vecnet.data.Dataset;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.nn.Classifier;
import io.vecnet.io.ModelFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCommandTest {
    @TempDir
    static Path dir;
    static Path csv;
    static Path modelFile;

    /** Class names that CSV must quote, sorted as the model numbers them; one holds a line break. */
    static final List<String> AWKWARD_NAMES = List.of("Setosa, Iris", "say \"hi\"", "two\nlines");
    static Path namedModelFile;

    @BeforeAll
    static void trainAModel() throws IOException {
        csv = dir.resolve("spiral.csv");
        modelFile = dir.resolve("net.vnet");
        assertEquals(0, Cli.run("data", "spiral", "--seed", "2", "--out", csv.toString()).exitCode());
        Cli.Run run = Cli.run("train", "--data", csv.toString(), "--hidden", "20", "--iterations", "800", "--quiet",
                "--save", modelFile.toString());
        assertEquals(0, run.exitCode(), run.err());
        namedModelFile = dir.resolve("named.vnet");
        Cli.Run named = Cli.run("train", "--data", clusters(dir.resolve("named.csv"), 0, 1, 2).toString(),
                "--lr", "0.01", "--validation", "0", "--quiet", "--save", namedModelFile.toString());
        assertEquals(0, named.exitCode(), named.err());
    }

    /** Ten rows of each of the given classes, in clusters far apart, labelled with {@link #AWKWARD_NAMES}, quoted. */
    private static Path clusters(Path file, int... classes) throws IOException {
        StringBuilder csv = new StringBuilder("x1,x2,label\n");
        for (int c : classes) {
            for (int i = 0; i < 10; i++) {
                csv.append(String.format(Locale.ROOT, "%.1f,%.1f,\"%s\"%n", 5 * c + 0.1 * (i % 5),
                        -5 * c + 0.1 * (i / 5), AWKWARD_NAMES.get(c).replace("\"", "\"\"")));
            }
        }
        return Files.writeString(file, csv);
    }

    @Test
    void printsTheAccuracyAndTheConfusionMatrixOfTheModel() throws IOException {
        Path out = dir.resolve("predictions.csv");
        Cli.Run run = Cli.run("predict", "--model", modelFile.toString(), "--data", csv.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());

        Classifier model = ModelFile.load(modelFile);
        Dataset data = CsvDataset.read(csv);
        int[] predicted = model.predict(data.features(), KernelProvider.get());
        int[][] confusion = new int[3][3];
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            confusion[data.labels()[i]][predicted[i]]++;
            correct += predicted[i] == data.labels()[i] ? 1 : 0;
        }
        List<String> lines = run.out().lines().toList();
        assertEquals("wrote 300 predictions to " + out, lines.get(0));
        assertEquals(String.format(Locale.ROOT, "accuracy: %.4f (%d of 300)", correct / 300.0, correct), lines.get(1));
        assertTrue(lines.get(2).matches("log-loss: \\d\\.\\d{6}"), lines.get(2));
        assertEquals("       class precision    recall        f1   support", lines.get(3));
        for (int c = 0; c < 3; c++) {
            int predictedAsC = confusion[0][c] + confusion[1][c] + confusion[2][c];
            double precision = (double) confusion[c][c] / predictedAsC;
            double recall = confusion[c][c] / 100.0;
            assertEquals(String.format(Locale.ROOT, "%12s %9.4f %9.4f %9.4f %9d", c, precision, recall,
                    2 * precision * recall / (precision + recall), 100), lines.get(4 + c));
        }
        assertTrue(lines.get(7).startsWith("   macro avg "), lines.get(7));
        assertTrue(lines.get(8).startsWith("weighted avg "), lines.get(8));
        assertEquals("confusion matrix (rows: true class, columns: predicted class):", lines.get(9));
        assertEquals("         0   1   2", lines.get(10));
        for (int r = 0; r < 3; r++) {
            assertEquals(String.format("%6d%4d%4d%4d", r, confusion[r][0], confusion[r][1], confusion[r][2]),
                    lines.get(11 + r));
        }
    }

    @Test
    void predictionsOnStandardOutputLeaveTheSummaryToStandardError() {
        Cli.Run run = Cli.run("predict", "--model", modelFile.toString(), "--data", csv.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(301, run.out().lines().count());
        assertTrue(run.out().lines().skip(1).allMatch(line -> line.matches("[012]")), run.out());
        assertTrue(run.err().startsWith("accuracy: "), run.err());
    }

    @Test
    void writesTheClassAndProbabilitiesOfEveryRow() throws IOException {
        Path out = dir.resolve("rows.csv");
        assertEquals(0, Cli.run("predict", "--model", modelFile.toString(), "--data", csv.toString(),
                "--out", out.toString(), "--probabilities").exitCode());
        List<String> rows = Files.readAllLines(out);
        assertEquals("predicted,p_0,p_1,p_2", rows.get(0));
        assertEquals(301, rows.size());
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            float[] p = {Float.parseFloat(cells[1]), Float.parseFloat(cells[2]), Float.parseFloat(cells[3])};
            for (int c = 1; c <= 3; c++) {
                assertEquals(cells[c], Float.toString(Float.parseFloat(cells[c])), "round-trips");
            }
            assertEquals(1.0, p[0] + p[1] + p[2], 2e-6, row);
            int best = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
            assertEquals(best, Integer.parseInt(cells[0]), row);
        }
    }

    @Test
    void oneRowIsOnePrediction() throws IOException {
        Path row = Files.writeString(dir.resolve("one-row.csv"), "0.5,0.5\n");
        Path out = dir.resolve("one-prediction.csv");
        Cli.Run run = Cli.run("predict", "--model", modelFile.toString(), "--data", row.toString(), "--out",
                out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("wrote 1 prediction to " + out + "\n", run.out());
    }

    @Test
    void unlabelledRowsGetPredictionsOnStandardOutputAndNoScore() throws IOException {
        Path unlabelled = Files.writeString(dir.resolve("unlabelled.csv"), "x1,x2\n0.5,0.5\n-0.5,-0.25\n");
        Cli.Run run = Cli.run("predict", "--model", modelFile.toString(), "--data", unlabelled.toString(),
                "--probabilities");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), run.out());
        assertTrue(lines.get(1).matches("[012](,[0-9.E-]+){3}"), lines.get(1));
        assertFalse(run.out().contains("accuracy") || run.err().contains("accuracy"));
    }

    /** scikit-learn's classification_report averages over the classes in the labels or the predictions. */
    @Test
    void theAveragesTakeOnlyTheClassesPresentAndNamesStayOnOneLine() throws IOException {
        Path out = dir.resolve("two-lines-predictions.csv");
        Cli.Run run = Cli.run("predict", "--model", namedModelFile.toString(), "--data",
                clusters(dir.resolve("two-lines-only.csv"), 2).toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of(
                "wrote 10 predictions to " + out,
                "accuracy: 1.0000 (10 of 10)"), run.out().lines().limit(2).toList());
        assertEquals(List.of(
                "       class precision    recall        f1   support",
                "Setosa, Iris    0.0000    0.0000    0.0000         0",
                "    say \"hi\"    0.0000    0.0000    0.0000         0",
                "  two\\nlines    1.0000    1.0000    1.0000        10",
                "   macro avg    1.0000    1.0000    1.0000        10",
                "weighted avg    1.0000    1.0000    1.0000        10",
                "averages over the 1 of 3 classes present in the labels or the predictions",
                "confusion matrix (rows: true class, columns: predicted class):",
                "             Setosa, Iris     say \"hi\"   two\\nlines",
                "Setosa, Iris            0            0            0",
                "    say \"hi\"            0            0            0",
                "  two\\nlines            0            0           10"), run.out().lines().skip(3).toList());
    }

    @Test
    void classNamesAreQuotedAsWholeCsvCells() throws IOException {
        Path out = dir.resolve("named-predictions.csv");
        Cli.Run run = Cli.run("predict", "--model", namedModelFile.toString(), "--data",
                clusters(dir.resolve("named-test.csv"), 0, 1, 2).toString(), "--out", out.toString(), "--probabilities");
        assertEquals(0, run.exitCode(), run.err());
        String written = Files.readString(out);
        assertTrue(written.startsWith("predicted,\"p_Setosa, Iris\",\"p_say \"\"hi\"\"\",\"p_two\nlines\"\n"
                + "\"Setosa, Iris\","), written);
        assertTrue(written.contains("\n\"say \"\"hi\"\"\",") && written.contains("\n\"two\nlines\","), written);
    }
}
