package io.vecnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.io.ModelFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real data as it comes: iris with its species as names, semicolon-separated and quoted files,
 * 1-based labels, and the label column chosen by name or position; predict prints the names back.
 */
class CsvLabelsCommandTest {
    private static final Path DATA = Path.of("src/test/resources/datasets");
    private static final List<String> SPECIES = List.of("setosa", "versicolor", "virginica");
    private static final Pattern ACCURACY = Pattern.compile("^accuracy: ([0-9.]+)", Pattern.MULTILINE);
    /** Fast and deterministic: the linear classifier by gradient descent on standardized features. */
    private static final String[] QUICK = {"--model", "linear", "--optimizer", "gd", "--quiet"};

    /** The iris splits as rows of four features and a class number. */
    private static List<String[]> irisTrain;
    private static List<String[]> irisTest;

    @TempDir
    Path dir;

    @BeforeAll
    static void readIris() throws IOException {
        irisTrain = rows(DATA.resolve("iris-train.csv"));
        irisTest = rows(DATA.resolve("iris-test.csv"));
    }

    private static List<String[]> rows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(","));
        }
        return rows;
    }

    /** Writes {@code rows} with {@code header} (none if null), each row as {@code format} makes it. */
    private Path write(String name, String header, List<String[]> rows, Function<String[], String> format)
            throws IOException {
        StringBuilder csv = new StringBuilder();
        if (header != null) {
            csv.append(header).append('\n');
        }
        for (String[] row : rows) {
            csv.append(format.apply(row)).append('\n');
        }
        return Files.writeString(dir.resolve(name), csv);
    }

    private static String species(String[] row) {
        return SPECIES.get(Integer.parseInt(row[4]));
    }

    private static String[] args(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private Path train(Path data, String... options) {
        Path model = dir.resolve("model.vnet");
        Cli.Run run = Cli.run(args(new String[] {"train", "--data", data.toString(), "--save", model.toString()},
                options));
        assertEquals(0, run.exitCode(), run.out() + run.err());
        return model;
    }

    private static float accuracy(String summary) {
        Matcher accuracy = ACCURACY.matcher(summary);
        assertTrue(accuracy.find(), summary);
        return Float.parseFloat(accuracy.group(1));
    }

    @Test
    void irisWithSpeciesNamesTrainsAndPredictPrintsTheNamesBack() throws IOException {
        String header = "sepal_length,sepal_width,petal_length,petal_width,species";
        Function<String[], String> named = r -> String.join(",", r[0], r[1], r[2], r[3], species(r));
        Path model = train(write("train.csv", header, irisTrain, named));
        assertEquals(SPECIES, ModelFile.load(model).classNames());

        Path test = write("test.csv", header, irisTest, named);
        Path out = dir.resolve("predictions.csv");
        Cli.Run predict = Cli.run("predict", "--model", model.toString(), "--data", test.toString(),
                "--out", out.toString());
        assertEquals(0, predict.exitCode(), predict.err());
        assertTrue(accuracy(predict.out()) >= 0.93f, predict.out());
        assertTrue(predict.out().contains("\n      setosa    1.0000"), predict.out());
        assertTrue(predict.out().contains("\n  versicolor "), predict.out());
        assertTrue(predict.out().contains("               setosa versicolor  virginica\n"), predict.out());
        List<String> predicted = Files.readAllLines(out);
        assertEquals("predicted", predicted.get(0));
        assertEquals(irisTest.size() + 1, predicted.size());
        assertTrue(SPECIES.containsAll(predicted.subList(1, predicted.size())), predicted.toString());
        assertEquals("setosa", predicted.get(1), "the first test row is a setosa");

        Cli.Run probabilities = Cli.run("predict", "--model", model.toString(), "--data", test.toString(),
                "--probabilities");
        assertEquals(0, probabilities.exitCode(), probabilities.err());
        assertTrue(probabilities.out().startsWith("predicted,p_setosa,p_versicolor,p_virginica\nsetosa,"),
                probabilities.out());
    }

    /**
     * A file one feature short has, with its label, as many columns as the model has features: read
     * by position, its labels would pass for the last feature. The model keeps the training header's
     * feature names, and predict refuses a header that names other columns, in one line.
     */
    @Test
    void predictRefusesAFileWhoseHeaderNamesOtherFeatures() throws IOException {
        String header = "sepal_length,sepal_width,petal_length,petal_width,species";
        Function<String[], String> named = r -> String.join(",", r[0], r[1], r[2], r[3], species(r));
        Path model = train(write("train.csv", header, irisTrain, named), QUICK);
        assertEquals(List.of("sepal_length", "sepal_width", "petal_length", "petal_width"),
                ModelFile.load(model).featureNames());
        Path shortFile = write("short.csv", "sepal_length,sepal_width,petal_length,species", irisTest,
                r -> String.join(",", r[0], r[1], r[2], species(r)));
        Cli.Run predict = Cli.run("predict", "--model", model.toString(), "--data", shortFile.toString());
        assertEquals(VecnetCommand.EXIT_FAILURE, predict.exitCode());
        assertArrayEquals(new String[] {"vecnet predict: " + shortFile + " line 1: column 4 is named 'species', but the "
                + "model's feature 4 is 'petal_width' (it was trained on 'sepal_length', 'sepal_width', "
                + "'petal_length', 'petal_width')"}, predict.errLines());
        assertEquals("", predict.out());

        Path unnamed = write("unnamed.csv", null, irisTest, named);
        assertEquals(0, Cli.run("predict", "--model", model.toString(), "--data", unnamed.toString()).exitCode(),
                "without a header there are no names to check");
    }

    @Test
    void aSemicolonFileWithQuotedCells() throws IOException {
        List<String> names = List.of("setosa", "versicolor; var. \"big\"", "virginica, L.");
        String header = "\"sepal; length\";\"sepal; width\";\"petal; length\";\"petal; width\";\"the \"\"species\"\"\"";
        Function<String[], String> quoted = r -> "\"" + r[0] + "\";" + r[1] + ";" + r[2] + ";\"" + r[3] + "\";\""
                + names.get(Integer.parseInt(r[4])).replace("\"", "\"\"") + "\"";
        Path model = train(write("train.csv", header, irisTrain, quoted), QUICK);
        assertEquals(names, ModelFile.load(model).classNames());
        Path test = write("test.csv", header, irisTest, quoted);
        Cli.Run predict = Cli.run("predict", "--model", model.toString(), "--data", test.toString());
        assertEquals(0, predict.exitCode(), predict.err());
        assertTrue(accuracy(predict.err()) >= 0.8f, predict.err());
        assertTrue(predict.out().contains("\n\"versicolor; var. \"\"big\"\"\"\n"), predict.out());
        assertTrue(predict.out().contains("\n\"virginica, L.\"\n"), predict.out());
    }

    @Test
    void oneBasedLabelsMakeNoEmptyClass() throws IOException {
        Function<String[], String> oneBased = r -> String.join(",", r[0], r[1], r[2], r[3],
                Integer.toString(Integer.parseInt(r[4]) + 1));
        Path model = train(write("train.csv", null, irisTrain, oneBased), QUICK);
        assertEquals(List.of("1", "2", "3"), ModelFile.load(model).classNames());
        assertEquals(3, ModelFile.load(model).classes());
        Path test = write("test.csv", null, irisTest, oneBased);
        Cli.Run predict = Cli.run("predict", "--model", model.toString(), "--data", test.toString(),
                "--out", dir.resolve("p.csv").toString());
        assertEquals(0, predict.exitCode(), predict.err());
        assertTrue(accuracy(predict.out()) >= 0.8f, predict.out());
        assertTrue(predict.out().contains("\n           1    1.0000    1.0000    1.0000        10\n"), predict.out());
        assertFalse(predict.out().contains("\n           0 "), predict.out());
    }

    @Test
    void theLabelColumnByName() throws IOException {
        String header = "species,sepal_length,sepal_width,petal_length,petal_width";
        Function<String[], String> first = r -> String.join(",", species(r), r[0], r[1], r[2], r[3]);
        Path model = train(write("train.csv", header, irisTrain, first), args(QUICK, "--label-column", "species"));
        Path test = write("test.csv", header, irisTest, first);
        Cli.Run predict = Cli.run("predict", "--model", model.toString(), "--data", test.toString(),
                "--label-column", "species", "--out", dir.resolve("p.csv").toString());
        assertEquals(0, predict.exitCode(), predict.err());
        assertTrue(accuracy(predict.out()) >= 0.8f, predict.out());

        Cli.Run missing = Cli.run("train", "--data", test.toString(), "--label-column", "kind");
        assertEquals(VecnetCommand.EXIT_FAILURE, missing.exitCode());
        assertArrayEquals(new String[] {"vecnet train: " + test + " line 1: no column is named 'kind'"
                + " in this line, which a label column given by name takes for the header; "
                + "without a header, give the column's position"},
                missing.errLines());
    }

    @Test
    void theLabelColumnByPosition() throws IOException {
        Function<String[], String> middle = r -> String.join(",", r[0], r[1], species(r), r[2], r[3]);
        Path model = train(write("train.csv", null, irisTrain, middle), args(QUICK, "--label-column", "3"));
        Path test = write("test.csv", null, irisTest, middle);
        Cli.Run predict = Cli.run("predict", "--model", model.toString(), "--data", test.toString(),
                "--label-column", "3", "--out", dir.resolve("p.csv").toString());
        assertEquals(0, predict.exitCode(), predict.err());
        assertTrue(accuracy(predict.out()) >= 0.8f, predict.out());
        // The same rows without their labels: predictions alone.
        Path unlabelled = write("unlabelled.csv", null, irisTest, r -> String.join(",", r[0], r[1], r[2], r[3]));
        Cli.Run bare = Cli.run("predict", "--model", model.toString(), "--data", unlabelled.toString());
        assertEquals(0, bare.exitCode(), bare.err());
        assertEquals("", bare.err());
        assertTrue(bare.out().startsWith("predicted\nsetosa\n"), bare.out());
    }

    @Test
    void aLabelColumnGivenToPredictIsTheLabelEvenWhenTheFileHasTheModelsWidth() throws IOException {
        Function<String[], String> middle = r -> String.join(",", r[0], r[1], species(r), r[2], r[3]);
        Path model = train(write("train.csv", null, irisTrain, middle), args(QUICK, "--label-column", "3"));
        Path narrow = write("narrow.csv", null, irisTest, r -> String.join(",", r[0], species(r), r[2], r[3]));
        Path out = dir.resolve("p.csv");
        Cli.Run predict = Cli.run("predict", "--model", model.toString(), "--data", narrow.toString(),
                "--label-column", "2", "--out", out.toString());
        assertEquals(VecnetCommand.EXIT_FAILURE, predict.exitCode());
        assertArrayEquals(new String[] {"vecnet predict: " + narrow + " line 1: 4 columns: the label column 2 and 3 "
                + "features, but the model takes 4"}, predict.errLines());
        assertFalse(Files.exists(out));
        Path headed = write("headed.csv", "a,b,c,d", irisTest, r -> String.join(",", r[0], r[1], r[2], r[3]));
        Cli.Run missing = Cli.run("predict", "--model", model.toString(), "--data", headed.toString(),
                "--label-column", "species");
        assertArrayEquals(new String[] {"vecnet predict: " + headed + " line 1: no column is named "
                + "'species' in this line, which a label column given by name takes for the header; "
                + "without a header, give the column's position"}, missing.errLines(), "as train says it");
    }

    @Test
    void aNameTheModelDoesNotKnowIsOneLine() throws IOException {
        String header = "a,b,c,d,species";
        Function<String[], String> named = r -> String.join(",", r[0], r[1], r[2], r[3], species(r));
        Path model = train(write("train.csv", header, irisTrain, named), QUICK);
        Path test = write("test.csv", header + "\n5.1,3.5,1.4,0.2,setosa\n5.0,3.4,1.5,0.2,rosa", List.of(), r -> "");
        Path out = dir.resolve("p.csv");
        Cli.Run predict = Cli.run("predict", "--model", model.toString(), "--data", test.toString(),
                "--out", out.toString());
        assertEquals(VecnetCommand.EXIT_FAILURE, predict.exitCode());
        assertArrayEquals(new String[] {"vecnet predict: " + test + " line 3: label 'rosa' (column 5) is not one of "
                + "the model's classes ('setosa', 'versicolor', 'virginica')"}, predict.errLines());
        assertFalse(Files.exists(out));
    }

    @Test
    void badLabelColumnsAreUsageErrors() {
        Cli.Run zero = Cli.run("train", "--data", DATA.resolve("iris-train.csv").toString(), "--label-column", "0");
        assertEquals(VecnetCommand.EXIT_USAGE, zero.exitCode());
        assertTrue(zero.err().startsWith("vecnet train: Invalid value for option '--label-column': column positions "
                + "start at 1, got 0"), zero.err());
        Cli.Run spiral = Cli.run("train", "--label-column", "3");
        assertEquals(VecnetCommand.EXIT_USAGE, spiral.exitCode());
        assertTrue(spiral.err().startsWith("vecnet train: --label-column picks a column of --data"), spiral.err());
    }
}
