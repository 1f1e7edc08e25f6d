package io.vecnet.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.Matrix;
import io.vecnet.data.Rng;
import io.vecnet.io.CsvDataset.Header;
import io.vecnet.io.CsvDataset.LabelColumn;
import io.vecnet.io.CsvDataset.LabelledData;
import io.vecnet.nn.Classifier;
import io.vecnet.nn.Mlp;
import io.vecnet.nn.NetworkSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class labels as names or numbers (numbered as scikit-learn's LabelEncoder numbers them, except
 * 0-based integers, which keep their values), headers told from rows, and the label column chosen
 * by position or name, for training and for prediction.
 */
class CsvLabelsTest {
    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("data.csv"), content, StandardCharsets.UTF_8);
    }

    private LabelledData read(String content) throws IOException {
        return CsvDataset.readLabelled(file(content), LabelColumn.LAST);
    }

    private String problem(String content) throws IOException {
        Path bad = file(content);
        String message = assertThrows(CsvException.class, () -> CsvDataset.readLabelled(bad, LabelColumn.LAST))
                .getMessage();
        assertTrue(message.startsWith(bad.toString()), message);
        return message.substring(bad.toString().length());
    }

    @Test
    void namesBecomeClassesInCodePointOrder() throws IOException {
        LabelledData iris = read("5.1,3.5,1.4,0.2,setosa\n6.3,3.3,6.0,2.5,virginica\n7.0,3.2,4.7,1.4,versicolor\n"
                + "4.9,3.0,1.4,0.2,setosa\n");
        assertEquals(List.of("setosa", "versicolor", "virginica"), iris.classNames());
        assertArrayEquals(new int[] {0, 2, 1, 0}, iris.data().labels());
        assertEquals(3, iris.data().classes());
        assertEquals(4, iris.data().size(), "the first line is a row: its label is a name, and so is the next one's");
        assertEquals(Matrix.of(new float[][] {{5.1f, 3.5f, 1.4f, 0.2f}, {6.3f, 3.3f, 6.0f, 2.5f},
            {7.0f, 3.2f, 4.7f, 1.4f}, {4.9f, 3.0f, 1.4f, 0.2f}}), iris.data().features());
    }

    @Test
    void codePointOrderIsNotUtf16Order() throws IOException {
        // U+FF21 (a UTF-16 unit above the surrogates) sorts before U+1F600 by code point, after it by char.
        LabelledData data = read("1,\uD83D\uDE00\n2,\uFF21\n3,\u00e9\n4,a\n5,Z\n");
        assertEquals(List.of("Z", "a", "\u00e9", "\uFF21", "\uD83D\uDE00"), data.classNames());
        assertArrayEquals(new int[] {4, 3, 2, 1, 0}, data.data().labels());
    }

    @Test
    void integerLabelsFromZeroKeepTheirValues() throws IOException {
        LabelledData data = read("1,0\n2,2\n3,0\n");
        assertEquals(List.of(), data.classNames());
        assertArrayEquals(new int[] {0, 2, 0}, data.data().labels());
        assertEquals(3, data.data().classes(), "a gap stays an empty class, as before");
    }

    @Test
    void oneBasedIntegerLabelsAreNamesInNumericalOrder() throws IOException {
        LabelledData data = read("1,2,3\n1,3,1\n2,2,2\n2,2,10\n");
        assertEquals(List.of("1", "2", "3", "10"), data.classNames());
        assertArrayEquals(new int[] {2, 0, 1, 3}, data.data().labels());
        assertEquals(4, data.data().classes(), "no empty class 0");
        LabelledData signs = read("1,-1\n2,1\n3,1.0\n");
        assertEquals(List.of("-1", "1"), signs.classNames());
        assertArrayEquals(new int[] {0, 1, 1}, signs.data().labels());
    }

    @Test
    void numbersAmongNamesAreNamedAsWrittenAndIntegersByValue() throws IOException {
        LabelledData data = read("1,10\n2,b\n3,2.0\n4,1.5\n5,2\n");
        assertEquals(List.of("1.5", "10", "2", "b"), data.classNames());
        assertArrayEquals(new int[] {1, 3, 2, 0, 2}, data.data().labels());
    }

    @Test
    void integersBeforeTheFirstNameAreRenamedByValue() throws IOException {
        LabelledData data = read("1,1\n2,0\n3,1\n4,x\n5,0\n");
        assertEquals(List.of("0", "1", "x"), data.classNames());
        assertArrayEquals(new int[] {1, 0, 1, 2, 0}, data.data().labels());
    }

    @Test
    void fractionsWithoutAnyNameAreNotClasses() throws IOException {
        assertEquals(" line 2: label 1.5 (column 2) is not an integer class", problem("1,1\n2,1.5\n3,2.5\n4,1\n"));
        assertEquals(" line 1: label 1e20 (column 2) is outside 0..65535, the most classes vecnet supports",
                problem("1,1e20\n2,1\n"));
    }

    @Test
    void zeroBasedLabelsBeyondTheClassLimitNameTheirLine() throws IOException {
        assertEquals(" line 2: label 65536 (column 2) is outside 0..65535, the most classes vecnet supports",
                problem("1,0\n2,65536\n3,70000\n"));
    }

    @Test
    void aClassNameHasTheModelFilesLimit() throws IOException {
        String longest = "n".repeat(ModelFile.MAX_CLASS_NAME_BYTES);
        assertEquals(List.of("a", longest), read("1," + longest + "\n2,a\n").classNames());
        assertEquals(" line 2: label '" + "n".repeat(40) + "\u2026' (column 2) is longer than 1024 bytes, the longest "
                + "class name vecnet keeps", problem("1,a\n2," + longest + "n\n"));
        // 513 two-byte characters: 1026 bytes.
        String accented = "\u00e9".repeat(513);
        assertTrue(problem("1,a\n2," + accented + "\n").endsWith("is longer than 1024 bytes, the longest class name "
                + "vecnet keeps"));
        assertEquals(List.of("a", accented.substring(1)), read("1,a\n2," + accented.substring(1) + "\n").classNames());
    }

    @Test
    void theNumberOfNamedClassesIsBounded() throws IOException {
        StringBuilder csv = new StringBuilder();
        for (int k = 0; k <= CsvDataset.MAX_CLASSES; k++) {
            csv.append("1,c").append(k).append('\n');
        }
        assertEquals(" line 65537: label 'c65536' (column 2) would be class 65537; vecnet supports at most 65536",
                problem(csv.toString()));
    }

    /**
     * With class names for labels, a row one cell short has its name among the features, and a
     * separator at the end of every line pushes the name there: each is reported as what it is.
     */
    @Test
    void aShortRowOrATrailingSeparatorIsNamedAsSuch() throws IOException {
        assertEquals(" line 3: 2 values, but line 1 has 3", problem("1,2,setosa\n3,4,virginica\n5,setosa\n"));
        assertEquals(" line 3: 2 values, but line 1 has 3", problem("1,2,setosa\n3,4,virginica\nsetosa,5\n"));
        assertEquals(" line 1: column 4 is empty", problem("1,2,setosa,\n3,4,virginica,\n"));
        assertEquals(" line 2: column 4 is empty", problem("a,b,species,\n1,2,setosa,\n3,4,virginica,\n"));
        assertEquals(" line 3: column 4 is empty", problem("1,2,0,1\n3,4,1,0\n5,6,setosa,\n"));
    }

    @Test
    void emptyAndNotFiniteLabelsAreRefusedWherever() throws IOException {
        assertEquals(" line 2: column 3 is empty", problem("1,2,a\n1,2,\n"));
        assertEquals(" line 1: column 3 is empty", problem("1,2,\n1,2,0\n"), "an empty label makes no header");
        assertEquals(" line 2: column 3 is empty", problem("1,2,a\n1,2,\"\"\n"));
        assertEquals(" line 2: column 3 is NaN; values must be finite numbers", problem("1,2,a\n1,2,NaN\n"));
    }

    @Test
    void givenClassesTakeClassNumbersOnly() throws IOException {
        Path named = file("x,y,label\n1,2,0\n1,2,setosa\n");
        assertEquals(named + " line 3: column 3 'setosa' is not a class number 0..2",
                assertThrows(CsvException.class, () -> CsvDataset.read(named, 3)).getMessage());
        Path oneBased = file("1,2,1\n1,2,3\n");
        assertEquals(oneBased + " line 2: label 3 (column 3) is outside 0..2 for 3 classes",
                assertThrows(CsvException.class, () -> CsvDataset.read(oneBased, 3)).getMessage());
    }

    @Test
    void aHeaderMayHaveNumbersForNames() throws IOException {
        LabelledData data = read("0,1,2,label\n5.1,3.5,1.4,0\n4.9,3.0,1.4,1\n");
        assertEquals(2, data.data().size());
        assertEquals(List.of(), data.classNames());
        assertArrayEquals(new int[] {0, 1}, data.data().labels());
        LabelledData named = read("sepal,width,species\n5.1,3.5,setosa\n");
        assertEquals(List.of("setosa"), named.classNames(), "no feature name is a number: a header");
        LabelledData given = CsvDataset.readLabelled(file("0,1,label\n5,3,1\n"), LabelColumn.LAST, 2);
        assertEquals(1, given.data().size(), "a label that is not a number, then one that is: a header");
        Path oneLine = file("1,x\n");
        assertEquals(oneLine + " line 1: column 2 'x' is not a class number 0..1", assertThrows(CsvException.class,
                () -> CsvDataset.read(oneLine, 2)).getMessage());
    }

    @Test
    void aFirstLineLikeTheRowsIsARow() throws IOException {
        assertEquals(1, read("5.1,3.5,setosa\n").data().size());
        LabelledData ambiguous = read("0,1,label\n5,3,setosa\n");
        assertEquals(List.of("label", "setosa"), ambiguous.classNames(),
                "numbers then a name, twice: rows, as far as can be told");
    }

    @Test
    void aFirstLineThatTurnsOutARowReportsItsProblems() throws IOException {
        assertEquals(" line 1: column 2 'x' is not a number", problem("1,x,label\n2,3,other\n"));
        assertEquals(" line 2: 2 values, but line 1 has 3", problem("1,2,a\n1,b\n"));
        assertEquals(" line 2: column 1 'y' is not a number", problem("1,2,a\ny,2,b\n"));
        assertEquals(" line 3: column 2 'z' is not a number", problem("0,1,label\n1,2,0\n1,z,1\n"));
    }

    @Test
    void theLabelColumnMayBeAnyPosition() throws IOException {
        LabelledData first = CsvDataset.readLabelled(file("species,a,b\nsetosa,1,2\nvirginica,3,4\n"),
                LabelColumn.at(1));
        assertEquals(List.of("setosa", "virginica"), first.classNames());
        assertEquals(Matrix.of(new float[][] {{1, 2}, {3, 4}}), first.data().features());
        LabelledData middle = CsvDataset.readLabelled(file("1,0,2\n3,1,4\n"), LabelColumn.at(2));
        assertArrayEquals(new int[] {0, 1}, middle.data().labels());
        assertEquals(Matrix.of(new float[][] {{1, 2}, {3, 4}}), middle.data().features());
        Path narrow = file("1,0,2\n3,1,4\n");
        assertEquals(narrow + " line 1: 3 columns, so no column 5 holds the labels", assertThrows(CsvException.class,
                () -> CsvDataset.readLabelled(narrow, LabelColumn.at(5))).getMessage());
        Path ragged = file("1,0,2\n3,1\n");
        assertEquals(ragged + " line 2: 2 values, but line 1 has 3", assertThrows(CsvException.class,
                () -> CsvDataset.readLabelled(ragged, LabelColumn.at(3))).getMessage());
    }

    @Test
    void aNamedLabelColumnMakesTheFirstLineTheHeader() throws IOException {
        LabelledData data = CsvDataset.readLabelled(file("0,species,2\n1,5,2\n3,6,4\n"), LabelColumn.named("species"));
        assertEquals(List.of("5", "6"), data.classNames());
        assertEquals(Matrix.of(new float[][] {{1, 2}, {3, 4}}), data.data().features());
        LabelledData quoted = CsvDataset.readLabelled(file("\"sepal, length\",\" kind \"\n1,a\n"),
                LabelColumn.named("kind"));
        assertEquals(List.of("a"), quoted.classNames());
        Path missing = file("a,b,label\n1,2,0\n");
        assertEquals(missing + " line 1: no column is named 'species'"
                + " in this line, which a label column given by name takes for the header; "
                + "without a header, give the column's position", assertThrows(CsvException.class,
                () -> CsvDataset.readLabelled(missing, LabelColumn.named("species"))).getMessage());
    }

    @Test
    void labelColumnsParseAsPositionsOrNames() {
        assertEquals(LabelColumn.at(3), LabelColumn.parse("3"));
        assertEquals(LabelColumn.named("species"), LabelColumn.parse(" species "));
        assertEquals(LabelColumn.named("3a"), LabelColumn.parse("3a"));
        assertThrows(IllegalArgumentException.class, () -> LabelColumn.parse("0"));
        assertThrows(IllegalArgumentException.class, () -> LabelColumn.parse(""));
        assertThrows(IllegalArgumentException.class, () -> LabelColumn.parse("99999999999"));
        assertEquals("a label column is a position from 1 or a name, got -1: positions do not count from the end; "
                + "the last column is the default",
                assertThrows(IllegalArgumentException.class, () -> LabelColumn.parse("-1")).getMessage());
        assertEquals(LabelColumn.named("-x"), LabelColumn.parse("-x"));
        assertTrue(LabelColumn.LAST.last());
        assertFalse(LabelColumn.at(1).last());
    }

    private static Classifier model(int inputs, List<String> names) {
        int classes = names.isEmpty() ? 3 : names.size();
        return new Classifier(Mlp.initialise(NetworkSpec.linear(inputs, classes), new Rng(1)), null, names);
    }

    @Test
    void theHeaderNamesTheFeaturesButNotTheLabel() throws IOException {
        assertEquals(List.of("sepal length", "petal, width"),
                read("sepal length,\"petal, width\",species\n1,2,setosa\n").featureNames());
        assertEquals(List.of("a", "b"), CsvDataset.readLabelled(file("a,kind,b\n1,setosa,2\n"),
                LabelColumn.named("kind")).featureNames());
        assertEquals(List.of("a", "b"), CsvDataset.readLabelled(file("kind,a,b\n0,1,2\n1,3,4\n"), LabelColumn.at(1), 2)
                .featureNames());
        assertEquals(List.of(), read("1,2,0\n3,4,1\n").featureNames(), "no header");
        assertEquals(List.of("", "a"), read(",a,label\n1,2,0\n3,4,1\n").featureNames(),
                "a column without a name, as a data frame's index is written");
        assertEquals(List.of("a", "b"), read("a,b,\n1,2,0\n3,4,1\n").featureNames(), "the label's may be empty");
        assertEquals(" line 1: the header has 4 cells, but line 2 has 3 values", problem("a,b,c,label\n1,2,0\n3,4,1\n"));
        assertEquals(" line 1: the header has 2 cells, but line 2 has 3 values", problem("a,label\n1,2,0\n3,4,1\n"));
        String tooLong = "n".repeat(CsvTable.MAX_NAME_BYTES + 1);
        assertEquals(" line 1: column 2's name is longer than 1024 bytes",
                problem("a," + tooLong + ",label\n1,2,0\n3,4,1\n"));
        assertEquals(List.of("a", "b"), read("a,b," + tooLong + "\n1,2,0\n3,4,1\n").featureNames(),
                "the label's name is not kept");
        assertEquals(1, CsvDataset.readExamples(file("a," + tooLong + "x".repeat(5000) + "\n1,2\n"), model(2, List.of()),
                LabelColumn.LAST).features().rows(), "a model without names keeps none, so any length will do");
    }

    /**
     * A model that knows its features' names takes a file with a header only when the header names
     * them in order: a file one feature short, whose label column would otherwise pass for the last
     * feature, is refused, as is one with two columns swapped.
     */
    @Test
    void predictionRefusesAHeaderThatNamesOtherFeatures() throws IOException {
        Classifier named = new Classifier(Mlp.initialise(NetworkSpec.linear(3, 2), new Rng(1)), null,
                List.of("setosa", "virginica"), List.of("a", "b", "c"));
        assertArrayEquals(new int[] {1}, CsvDataset.readExamples(file("a,b,c,species\n1,2,3,virginica\n"), named,
                LabelColumn.LAST).labels());
        assertNull(CsvDataset.readExamples(file("a,b,c\n1,2,3\n"), named, LabelColumn.LAST).labels());
        assertArrayEquals(new int[] {0}, CsvDataset.readExamples(file("1,2,3,setosa\n"), named, LabelColumn.LAST)
                .labels(), "no header, nothing to check");
        Path short1 = file("a,b,species\n1,2,setosa\n");
        assertEquals(short1 + " line 1: column 3 is named 'species', but the model's feature 3 is 'c' (it was trained "
                + "on 'a', 'b', 'c')", assertThrows(CsvException.class,
                () -> CsvDataset.readExamples(short1, named, LabelColumn.LAST)).getMessage());
        Path swapped = file("a,c,b,species\n1,3,2,setosa\n");
        assertEquals(swapped + " line 1: column 2 is named 'c', but the model's feature 2 is 'b' (it was trained on "
                + "'a', 'b', 'c')", assertThrows(CsvException.class,
                () -> CsvDataset.readExamples(swapped, named, LabelColumn.LAST)).getMessage());
        Path labelFirst = file("species,a,x,c\nsetosa,1,2,3\n");
        assertEquals(labelFirst + " line 1: column 3 is named 'x', but the model's feature 2 is 'b' (it was trained on "
                + "'a', 'b', 'c')", assertThrows(CsvException.class,
                () -> CsvDataset.readExamples(labelFirst, named, LabelColumn.at(1))).getMessage());
        Path unnamed = file("a,,c\n1,2,3\n");
        assertEquals(unnamed + " line 1: column 2 is named '', but the model's feature 2 is 'b' (it was trained on "
                + "'a', 'b', 'c')", assertThrows(CsvException.class,
                () -> CsvDataset.readExamples(unnamed, named, LabelColumn.LAST, Header.YES)).getMessage());
        Path wide = file("a,b,c,d,species\n1,2,3,setosa\n");
        assertEquals(wide + " line 1: the header has 5 cells, but line 2 has 4 values", assertThrows(CsvException.class,
                () -> CsvDataset.readExamples(wide, named, LabelColumn.LAST)).getMessage());
        Classifier many = new Classifier(Mlp.initialise(NetworkSpec.linear(10, 2), new Rng(1)), null, List.of(),
                List.of("f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "line\nbreak"));
        Path other = file("f0,f1,f2,f3,f4,f5,f6,f7,f8,g\n1,2,3,4,5,6,7,8,9,10\n");
        assertEquals(other + " line 1: column 10 is named 'g', but the model's feature 10 is 'line\\u000abreak' (it "
                + "was trained on 'f0', 'f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7' and 2 more)",
                assertThrows(CsvException.class, () -> CsvDataset.readExamples(other, many, LabelColumn.LAST))
                        .getMessage());
    }

    /**
     * A model that knows its features' names tells a header by them, even one of numbers; and a line
     * of numbers whose label is none of its classes is then a row with a bad label, not a header.
     * A model without names takes such a line for a header, as the next line's label is a class, and
     * says so.
     */
    @Test
    void aModelsFeatureNamesTellAHeaderFromARow() throws IOException {
        List<String> species = List.of("setosa", "versicolor");
        Classifier numbered = new Classifier(Mlp.initialise(NetworkSpec.linear(2, 2), new Rng(1)), null, species,
                List.of("0", "1"));
        Classifier unnamed = model(2, species);
        Path numbers = file("0,1\n5.1,3.5\n6.0,3.4\n");
        assertEquals(2, CsvDataset.readExamples(numbers, numbered, LabelColumn.LAST).features().rows());
        assertEquals(3, CsvDataset.readExamples(numbers, unnamed, LabelColumn.LAST).features().rows(),
                "numbers alone are a row");
        assertEquals(0, CsvDataset.readExamples(numbers, numbered, LabelColumn.LAST).headerOfNumbersLine());
        Path typo = file("5.1,3.5,Setosa\n5.0,3.4,setosa\n6.0,3.4,versicolor\n");
        assertEquals(typo + " line 1: label 'Setosa' (column 3) is not one of the model's classes ('setosa', "
                + "'versicolor'); if this line is a header, it does not name the model's features ('0', '1')",
                assertThrows(CsvException.class,
                () -> CsvDataset.readExamples(typo, numbered, LabelColumn.LAST)).getMessage());
        Path swapped = file("1,0,label\n5.1,3.5,setosa\n");
        assertEquals(swapped + " line 1: label 'label' (column 3) is not one of the model's classes ('setosa', "
                + "'versicolor'); if this line is a header, it does not name the model's features ('0', '1')",
                assertThrows(CsvException.class, () -> CsvDataset.readExamples(swapped, numbered, LabelColumn.LAST))
                        .getMessage());
        Path typoAgain = file("5.1,3.5,Setosa\n5.0,3.4,setosa\n6.0,3.4,versicolor\n");
        CsvDataset.Examples taken = CsvDataset.readExamples(typoAgain, unnamed, LabelColumn.LAST);
        assertEquals(2, taken.features().rows());
        assertEquals(1, taken.headerOfNumbersLine());
    }

    @Test
    void predictionMapsNamesThroughTheModels() throws IOException {
        Classifier iris = model(2, List.of("setosa", "versicolor", "virginica"));
        CsvDataset.Examples examples = CsvDataset.readExamples(file("a,b,species\n1,2,virginica\n3,4,setosa\n"), iris,
                LabelColumn.LAST);
        assertArrayEquals(new int[] {2, 0}, examples.labels());
        Path unknown = file("1,2,virginica\n3,4,rosa\n");
        assertEquals(unknown + " line 2: label 'rosa' (column 3) is not one of the model's classes ('setosa', "
                + "'versicolor', 'virginica')", assertThrows(CsvException.class,
                () -> CsvDataset.readExamples(unknown, iris, LabelColumn.LAST)).getMessage());
        Classifier oneBased = model(2, List.of("1", "2", "3"));
        assertArrayEquals(new int[] {1, 0, 2}, CsvDataset.readExamples(file("1,2,2.0\n3,4,1\n5,6,3\n"), oneBased,
                LabelColumn.LAST).labels());
        CsvDataset.Examples unlabelled = CsvDataset.readExamples(file("x,y\n1,2\n"), iris, LabelColumn.LAST);
        assertNull(unlabelled.labels());
    }

    @Test
    void predictionFindsTheLabelColumnAsTrainingDid() throws IOException {
        Classifier iris = model(2, List.of("setosa", "virginica"));
        assertArrayEquals(new int[] {1, 0}, CsvDataset.readExamples(file("virginica,1,2\nsetosa,3,4\n"), iris,
                LabelColumn.at(1)).labels());
        assertArrayEquals(new int[] {1}, CsvDataset.readExamples(file("a,kind,b\n1,virginica,2\n"), iris,
                LabelColumn.named("kind")).labels());
        Path twice = file("a,kind,b,kind\n1,virginica,2,3\n");
        assertEquals(twice + " line 1: the header names columns 2 and 4 'kind'; give the label column by its position",
                assertThrows(CsvException.class,
                        () -> CsvDataset.readExamples(twice, iris, LabelColumn.named("kind"))).getMessage());
        assertThrows(CsvException.class, () -> CsvDataset.readLabelled(twice, LabelColumn.named("kind")));
        Path lacking = file("a,b\n1,2\n");
        assertEquals(lacking + " line 1: no column is named 'kind'"
                + " in this line, which a label column given by name takes for the header; "
                + "without a header, give the column's position", assertThrows(CsvException.class,
                () -> CsvDataset.readExamples(lacking, iris, LabelColumn.named("kind"))).getMessage());
        Path extra = file("a,b,kind,c\n1,2,setosa,3\n");
        assertEquals(extra + " line 2: 4 columns: the label column 'kind' and 3 features, but the model takes 2",
                assertThrows(CsvException.class,
                        () -> CsvDataset.readExamples(extra, iris, LabelColumn.named("kind"))).getMessage());
    }

    @Test
    void aLabelColumnGivenForPredictionIsTheLabelEvenInAFileOfTheModelsWidth() throws IOException {
        Classifier threeInputs = model(3, List.of("setosa", "virginica"));
        Path narrow = file("1,setosa,2\n3,virginica,4\n");
        assertEquals(narrow + " line 1: 3 columns: the label column 2 and 2 features, but the model takes 3",
                assertThrows(CsvException.class,
                        () -> CsvDataset.readExamples(narrow, threeInputs, LabelColumn.at(2))).getMessage());
        Classifier twoInputs = model(2, List.of("setosa", "virginica"));
        assertArrayEquals(new int[] {0, 1}, CsvDataset.readExamples(narrow, twoInputs, LabelColumn.at(2)).labels());
        Path numbers = file("1,2,3\n4,5,6\n");
        assertNull(CsvDataset.readExamples(numbers, model(3, List.of()), LabelColumn.LAST).labels(),
                "the last column by default: labelled only with one more column than the model's inputs");
    }

    @Test
    void theHeaderChoiceOverridesTheDetection() throws IOException {
        Path numbered = file("0,1,2\n5,6,1\n7,8,0\n");
        assertEquals(3, CsvDataset.readLabelled(numbered, LabelColumn.LAST, Header.AUTO).data().size());
        LabelledData yes = CsvDataset.readLabelled(numbered, LabelColumn.LAST, Header.YES);
        assertEquals(Matrix.of(new float[][] {{5, 6}, {7, 8}}), yes.data().features());
        assertArrayEquals(new int[] {1, 0}, yes.data().labels());
        assertEquals(2, CsvDataset.readLabelled(numbered, LabelColumn.LAST, 2, Header.YES).data().size());
        Path named = file("x,y,label\n1,2,0\n");
        assertEquals(named + " line 1: column 1 'x' is not a number", assertThrows(CsvException.class,
                () -> CsvDataset.readLabelled(named, LabelColumn.LAST, Header.NO)).getMessage());
        Classifier classifier = model(2, List.of());
        Path unlabelled = file("0,1\n0.5,0.25\n");
        assertEquals(2, CsvDataset.readExamples(unlabelled, classifier, LabelColumn.LAST, Header.AUTO).features().rows());
        assertEquals(Matrix.of(new float[][] {{0.5f, 0.25f}}),
                CsvDataset.readExamples(unlabelled, classifier, LabelColumn.LAST, Header.YES).features());
        assertThrows(IllegalArgumentException.class,
                () -> CsvDataset.readLabelled(named, LabelColumn.named("label"), Header.NO));
        assertEquals(Header.YES, Header.parse(" Yes "));
        assertEquals("unknown header choice 'maybe' (expected auto, yes or no)",
                assertThrows(IllegalArgumentException.class, () -> Header.parse("maybe")).getMessage());
    }

    @Test
    void aFirstRowWhoseNameNoOtherRowHasMayBeAHeader() throws IOException {
        LabelledData suspect = read("400,500,species\n1,2,setosa\n3,4,virginica\n5,6,setosa\n");
        assertEquals(1, suspect.suspectedHeaderLine());
        assertEquals(List.of("setosa", "species", "virginica"), suspect.classNames(), "read as a row all the same");
        assertEquals(3, read("\n\n400,500,species\n1,2,setosa\n").suspectedHeaderLine(), "the first row's line");
        assertEquals(0, read("1,2,setosa\n3,4,virginica\n5,6,setosa\n").suspectedHeaderLine(),
                "a name that recurs: not a header");
        assertEquals(0, read("1,2,7\n3,4,8\n").suspectedHeaderLine(), "a number: a class name like the others");
        assertEquals(0, read("1,2,setosa\n").suspectedHeaderLine(), "a single row");
        assertEquals(0, CsvDataset.readLabelled(file("400,500,species\n1,2,setosa\n"), LabelColumn.LAST, Header.NO)
                .suspectedHeaderLine(), "not a header, as the caller said");
    }

    @Test
    void aFirstLineWhoseLabelIsNoneOfTheModelsClassesAboveOneThatIsIsTheHeader() throws IOException {
        Classifier iris = model(2, List.of("setosa", "versicolor", "virginica"));
        CsvDataset.Examples examples = CsvDataset.readExamples(file("400,500,species\n1,2,virginica\n3,4,setosa\n"),
                iris, LabelColumn.LAST);
        assertEquals(Matrix.of(new float[][] {{1, 2}, {3, 4}}), examples.features());
        assertArrayEquals(new int[] {2, 0}, examples.labels());
        Path neither = file("400,500,species\n1,2,rosa\n");
        assertEquals(neither + " line 1: label 'species' (column 3) is not one of the model's classes ('setosa', "
                + "'versicolor', 'virginica')", assertThrows(CsvException.class,
                () -> CsvDataset.readExamples(neither, iris, LabelColumn.LAST)).getMessage());
        assertEquals(2, CsvDataset.readExamples(file("1,2,setosa\n3,4,virginica\n"), iris, LabelColumn.LAST)
                .features().rows(), "a first row of the model's classes stays a row");
    }

    @Test
    void aModelWithoutNamesTakesClassNumbers() throws IOException {
        Classifier numbered = model(2, List.of());
        assertArrayEquals(new int[] {2, 0}, CsvDataset.readExamples(file("1,2,2\n3,4,0\n"), numbered,
                LabelColumn.LAST).labels());
        Path named = file("1,2,0\n3,4,setosa\n");
        assertEquals(named + " line 2: column 3 'setosa' is not a class number 0..2",
                assertThrows(CsvException.class, () -> CsvDataset.readExamples(named, numbered, LabelColumn.LAST))
                        .getMessage());
    }

    @Test
    void namedLabelsAreReadInLinearTime() throws IOException {
        StringBuilder csv = new StringBuilder("a,b,label\n");
        List<String> names = new ArrayList<>();
        for (int k = 0; k < 1000; k++) {
            names.add("class " + k);
        }
        for (int i = 0; i < 200_000; i++) {
            csv.append(i % 7).append(',').append(i % 11).append(",class ").append(i % 1000).append('\n');
        }
        Path big = file(csv.toString());
        LabelledData data = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> CsvDataset.readLabelled(big, LabelColumn.LAST));
        names.sort(CsvTable::compareCodePoints);
        assertEquals(names, data.classNames());
        assertEquals(200_000, data.data().size());
        assertEquals("class 7", data.classNames().get(data.data().labels()[7]));
    }
}
