package io.vecnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.io.ModelFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --header auto|yes|no} on every command that reads a CSV file, and the warnings of a first
 * row that may be a header and of classes with a single row.
 */
class HeaderOptionTest {
    private static final Path IRIS = Path.of("src/test/resources/datasets/iris-train.csv");
    private static final List<String> SPECIES = List.of("setosa", "versicolor", "virginica");
    /** Fast and deterministic: the linear classifier by gradient descent on standardized features. */
    private static final String[] QUICK = {"--model", "linear", "--optimizer", "gd", "--quiet"};

    @TempDir
    static Path dir;
    static Path model;
    /** The same model trained on rows without a header, so that it knows no feature names to check a header against. */
    static Path unnamedModel;
    /** Iris's rows with their species as names, without a header. */
    static String namedRows;

    @BeforeAll
    static void trainOnIris() throws IOException {
        StringBuilder rows = new StringBuilder();
        for (String line : Files.readAllLines(IRIS).subList(1, 121)) {
            String[] cells = line.split(",");
            rows.append(String.join(",", cells[0], cells[1], cells[2], cells[3],
                    SPECIES.get(Integer.parseInt(cells[4])))).append('\n');
        }
        namedRows = rows.toString();
        model = dir.resolve("iris.vnet");
        Cli.Run run = train(Files.writeString(dir.resolve("named.csv"), "a,b,c,d,species\n" + namedRows),
                "--save", model.toString());
        assertEquals(0, run.exitCode(), run.err());
        unnamedModel = dir.resolve("unnamed.vnet");
        run = train(Files.writeString(dir.resolve("unnamed.csv"), namedRows), "--save", unnamedModel.toString());
        assertEquals(0, run.exitCode(), run.err());
    }

    private static Cli.Run train(Path data, String... options) {
        String[] args = new String[3 + QUICK.length + options.length];
        args[0] = "train";
        args[1] = "--data";
        args[2] = data.toString();
        System.arraycopy(QUICK, 0, args, 3, QUICK.length);
        System.arraycopy(options, 0, args, 3 + QUICK.length, options.length);
        return Cli.run(args);
    }

    @Test
    void aHeaderOfNumbersIsARowUnlessTheHeaderIsSaidToBeThere() throws IOException {
        Path unlabelled = Files.writeString(dir.resolve("numbers.csv"), "0,1,2,3\n5.1,3.5,1.4,0.2\n6.3,3.3,6.0,2.5\n");
        Cli.Run auto = Cli.run("predict", "--model", unnamedModel.toString(), "--data", unlabelled.toString());
        assertEquals(0, auto.exitCode(), auto.err());
        assertEquals(4, auto.out().lines().count(), "a header, then a prediction for each of three rows");
        Cli.Run yes = Cli.run("predict", "--model", unnamedModel.toString(), "--data", unlabelled.toString(),
                "--header", "yes");
        assertEquals(0, yes.exitCode(), yes.err());
        assertEquals(List.of("predicted", "setosa", "virginica"), yes.out().lines().toList());
    }

    @Test
    void headerNoReadsTheFirstLineAsARow() {
        Cli.Run run = train(IRIS, "--header", "no");
        assertEquals(VecnetCommand.EXIT_FAILURE, run.exitCode());
        assertArrayEquals(new String[] {"vecnet train: " + IRIS + " line 1: column 1 'f0' is not a number"},
                run.errLines());
    }

    @Test
    void aFirstRowWhoseClassNoOtherRowHasIsWarnedOfAndHeaderYesDropsIt() throws IOException {
        Path numbered = Files.writeString(dir.resolve("numbered-header.csv"), "400,500,600,700,species\n" + namedRows);
        Cli.Run auto = train(numbered, "--save", dir.resolve("auto.vnet").toString());
        assertEquals(0, auto.exitCode(), auto.err());
        assertArrayEquals(new String[] {"vecnet train: warning: " + numbered + " line 1 was read as a row of class "
                + "'species', which no other row has; if that line is a header, use --header yes"}, auto.errLines());
        Cli.Run yes = train(numbered, "--header", "yes", "--save", dir.resolve("yes.vnet").toString());
        assertEquals(0, yes.exitCode(), yes.err());
        assertEquals("", yes.err());
        assertEquals(SPECIES, ModelFile.load(dir.resolve("yes.vnet")).classNames());

        Cli.Run plot = Cli.run("plot", "--data", numbered.toString(), "--out", dir.resolve("x.png").toString());
        assertEquals(VecnetCommand.EXIT_FAILURE, plot.exitCode(), "four features: no plot, but the warning first");
        assertTrue(plot.err().startsWith("vecnet plot: warning: " + numbered + " line 1 was read as a row"), plot.err());
    }

    @Test
    void predictTakesAHeaderOfNumbersWhoseLabelIsNoneOfTheModelsClasses() throws IOException {
        Path test = Files.writeString(dir.resolve("test.csv"), "400,500,600,700,species\n" + namedRows);
        Cli.Run run = Cli.run("predict", "--model", unnamedModel.toString(), "--data", test.toString(),
                "--out", dir.resolve("p.csv").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("wrote 120 predictions to "), run.out());
        assertArrayEquals(new String[] {"vecnet predict: warning: " + test + " line 1 was taken for a header: its "
                + "features are numbers, but its label is none of the model's classes and the next line's is; if it "
                + "is a row, --header no reads it as one"}, run.errLines());
        Cli.Run named = Cli.run("predict", "--model", model.toString(), "--data", test.toString());
        assertEquals(VecnetCommand.EXIT_FAILURE, named.exitCode(), "a header, and not the names the model was trained on");
    }

    @Test
    void classesOfASingleRowAreWarnedOf() throws IOException {
        Path lonely = Files.writeString(dir.resolve("lonely.csv"),
                namedRows + "5.0,3.0,1.5,0.3,rosa\n6.0,3.0,4.5,1.5,\"iris\nnova\"\n");
        Cli.Run run = train(lonely);
        assertEquals(0, run.exitCode(), run.err());
        assertArrayEquals(new String[] {"vecnet train: warning: classes 'iris\\nnova', 'rosa' have a single row: too "
                + "few to learn them from"}, run.errLines(), "a line break in a name is shown as \\n, on one line");
        Path numbered = Files.writeString(dir.resolve("one.csv"), "1,2,0\n2,1,0\n3,3,1\n4,1,0\n");
        Cli.Run one = Cli.run("train", "--data", numbered.toString(), "--quiet", "--validation", "0",
                "--optimizer", "gd", "--iterations", "10");
        assertTrue(one.err().startsWith("vecnet train: warning: class 1 has a single row: too few to learn it from\n"),
                one.err());
    }

    @Test
    void numberedClassesWithoutRowsAreWarnedOf() throws IOException {
        Path headed = Files.writeString(dir.resolve("headed.csv"), "0,1,4\n1,2,0\n2,1,1\n3,3,1\n4,1,0\n");
        Cli.Run run = Cli.run("train", "--data", headed.toString(), "--quiet", "--validation", "0",
                "--optimizer", "gd", "--iterations", "10");
        assertTrue(run.err().contains("vecnet train: warning: classes 2, 3 have no rows (labels are class numbers "
                + "0..4); if the first line is a header of numbers, use --header yes\n"), run.err());
        Cli.Run read = Cli.run("train", "--data", headed.toString(), "--header", "yes", "--quiet", "--validation", "0",
                "--optimizer", "gd", "--iterations", "10");
        assertEquals("", read.err());
    }

    /** Classes asked for with --classes beyond the labels present are empty whatever the first line is. */
    @Test
    void classesAskedForWithoutRowsGetNoHeaderHint() throws IOException {
        Path xor = Files.writeString(dir.resolve("xor.csv"), "x,y,label\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n");
        Path headless = Files.writeString(dir.resolve("headless-xor.csv"), "0,0,0\n0,1,1\n1,0,1\n1,1,0\n");
        for (Path file : List.of(xor, headless)) {
            Cli.Run run = Cli.run("train", "--data", file.toString(), "--classes", "3", "--quiet", "--validation", "0",
                    "--optimizer", "gd", "--iterations", "10");
            assertTrue(run.err().startsWith("vecnet train: warning: class 2 has no rows (labels are class numbers "
                    + "0..2)\n"), run.err());
        }
    }

    /** pandas writes an array's numbered columns as a header 0,1,2: its label is a class of that row alone. */
    @Test
    void aFirstRowOfColumnNumbersInAClassOfItsOwnMayBeAHeader() throws IOException {
        Path numbered = Files.writeString(dir.resolve("pandas.csv"), "0,1,2\n0.5,1.5,0\n2.5,0.5,1\n1.5,2.5,1\n"
                + "0.2,0.1,0\n");
        Cli.Run run = Cli.run("train", "--data", numbered.toString(), "--quiet", "--validation", "0",
                "--optimizer", "gd", "--iterations", "10");
        assertTrue(run.err().startsWith("vecnet train: warning: class 2 has a single row: too few to learn it from; if "
                + "the first line is a header of numbers, use --header yes\n"), run.err());
        Cli.Run read = Cli.run("train", "--data", numbered.toString(), "--header", "yes", "--quiet", "--validation",
                "0", "--optimizer", "gd", "--iterations", "10");
        assertEquals("", read.err());
        Path lastRow = Files.writeString(dir.resolve("last.csv"), "0.5,1.5,0\n2.5,0.5,1\n1.5,2.5,1\n0.2,0.1,0\n"
                + "0,1,2\n");
        Cli.Run row = Cli.run("train", "--data", lastRow.toString(), "--quiet", "--validation", "0",
                "--optimizer", "gd", "--iterations", "10");
        assertTrue(row.err().startsWith("vecnet train: warning: class 2 has a single row: too few to learn it from\n"),
                row.err());
    }

    @Test
    void misusesAreUsageErrors() {
        Cli.Run spiral = Cli.run("train", "--header", "yes");
        assertEquals(VecnetCommand.EXIT_USAGE, spiral.exitCode());
        assertTrue(spiral.err().startsWith("vecnet train: --header describes the first line of a --data file; the "
                + "spiral has none"), spiral.err());
        Cli.Run plot = Cli.run("plot", "--data", "spiral", "--header", "no", "--out", dir.resolve("s.png").toString());
        assertEquals(VecnetCommand.EXIT_USAGE, plot.exitCode());
        Cli.Run named = Cli.run("predict", "--model", model.toString(), "--data", IRIS.toString(), "--label-column",
                "label", "--header", "no");
        assertEquals(VecnetCommand.EXIT_USAGE, named.exitCode());
        assertTrue(named.err().startsWith("vecnet predict: --label-column 'label' finds the labels by the header's "
                + "names; it cannot be used with --header no"), named.err());
        Cli.Run unknown = Cli.run("train", "--data", IRIS.toString(), "--header", "maybe");
        assertEquals(VecnetCommand.EXIT_USAGE, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown header choice 'maybe' (expected auto, yes or no)"), unknown.err());
    }

    @Test
    void everyCommandThatReadsACsvFileShowsTheDefault() {
        for (String command : List.of("train", "predict", "plot")) {
            Cli.Run help = Cli.run(command, "--help");
            assertEquals(0, help.exitCode());
            String option = help.out().substring(help.out().indexOf("\n      --header=auto|yes|no") + 1);
            String description = option.substring(0, option.indexOf("\n      --", 1));
            assertTrue(description.endsWith("Default: auto"), help.out());
        }
    }
}
