package io.vecnet.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.Matrix;
import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.data.Spiral;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvDatasetTest {
    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("data.csv"), content, StandardCharsets.UTF_8);
    }

    /** Names mapped and dropped would number another file's classes differently: read(Path) takes class numbers only. */
    @Test
    void readRefusesClassNamesWhichReadLabelledKeeps() throws IOException {
        Path named = file("5.1,3.5,setosa\n7.0,3.2,versicolor\n");
        CsvException e = assertThrows(CsvException.class, () -> CsvDataset.read(named));
        assertEquals(named + ": its labels are not class numbers 0..1 but names, such as 'setosa'; read it with "
                + "readLabelled, which keeps them", e.getMessage());
        assertEquals(List.of("setosa", "versicolor"),
                CsvDataset.readLabelled(named, CsvDataset.LabelColumn.LAST).classNames());
        Path fromOne = file("1,2,1\n3,4,2\n");
        assertThrows(CsvException.class, () -> CsvDataset.read(fromOne));
    }

    @Test
    void readsFeaturesAndLabelsAndInfersTheClasses() throws IOException {
        Dataset data = CsvDataset.read(file("0.5,-1,0\n 2 , 3.25e1 ,2\n\n-.5,1E-3,1\n"));
        assertEquals(3, data.size());
        assertEquals(2, data.dimensions());
        assertEquals(3, data.classes());
        assertArrayEquals(new int[] {0, 2, 1}, data.labels());
        assertEquals(Matrix.of(new float[][] {{0.5f, -1f}, {2f, 32.5f}, {-0.5f, 1e-3f}}), data.features());
    }

    @Test
    void skipsAHeaderRowAndAByteOrderMark() throws IOException {
        Dataset data = CsvDataset.read(file("\uFEFFx,y,label\n1,2,1\n3,4,0\n"));
        assertEquals(2, data.size());
        assertEquals(2, data.classes());
    }

    @Test
    void acceptsIntegralLabelsWrittenAsFloats() throws IOException {
        assertArrayEquals(new int[] {2, 0}, CsvDataset.read(file("1,2.000000e+00\n1,0.0\n")).labels());
    }

    @Test
    void givenClassesMayExceedTheLargestLabel() throws IOException {
        assertEquals(5, CsvDataset.read(file("1,0\n2,1\n"), 5).classes());
    }

    @Test
    void writesTheSpiralSoThatItReadsBackBitForBit() throws IOException {
        Dataset spiral = Spiral.generate(50, 4, Spiral.NOISE, new Rng(7));
        Path out = dir.resolve("spiral.csv");
        CsvDataset.write(spiral, out);
        Dataset back = CsvDataset.read(out);
        assertEquals(spiral.features(), back.features());
        assertArrayEquals(spiral.labels(), back.labels());
        assertEquals(4, back.classes());
        assertTrue(Files.readString(out).startsWith("x1,x2,label\n"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void readsExamplesWithOrWithoutLabels() throws IOException {
        CsvDataset.Examples labelled = CsvDataset.readExamples(file("1,2,1\n3,4,0\n"), 2, 2);
        assertTrue(labelled.labelled());
        assertArrayEquals(new int[] {1, 0}, labelled.labels());
        CsvDataset.Examples unlabelled = CsvDataset.readExamples(file("1,2\n3,4\n"), 2, 2);
        assertFalse(unlabelled.labelled());
        assertEquals(2, unlabelled.features().rows());
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("1,2,0\n1,abc,1\n", "data.csv line 2: column 2 'abc' is not a number"),
                Arguments.of("x,y,label\n1,2,0\n1,2\n", "data.csv line 3: 2 values, but line 2 has 3"),
                Arguments.of("1,2,0\n1,2,3\n", "data.csv line 2: label 3 (column 3) is outside 0..2 for 3 classes"),
                Arguments.of("1,2,-1\n", "data.csv line 1: label -1 (column 3) is outside 0..2 for 3 classes"),
                Arguments.of("1,2,0\n\n1,2,1.5\n", "data.csv line 3: label 1.5 (column 3) is not an integer class"),
                Arguments.of("1,NaN,0\n", "data.csv line 1: column 2 is NaN; values must be finite numbers"),
                Arguments.of("-inf,1,0\n", "data.csv line 1: column 1 is -inf; values must be finite numbers"),
                Arguments.of("1e39,1,0\n", "data.csv line 1: column 1 1e39 is too large for a float32"),
                Arguments.of("1,,0\n", "data.csv line 1: column 2 is empty"),
                Arguments.of("1\n2\n", "data.csv line 1: 1 column; a row needs at least one feature and a class label last"),
                Arguments.of("", "data.csv: is empty"),
                Arguments.of("\n  \n", "data.csv: is empty"),
                Arguments.of("x,y,label\n", "data.csv: has a header but no data rows"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void reportsTheFileTheLineAndTheProblem(String content, String message) throws IOException {
        Path bad = file(content);
        CsvException e = assertThrows(CsvException.class, () -> CsvDataset.read(bad, 3));
        assertEquals(dir.resolve(message).toString(), e.getMessage());
        assertEquals(bad, e.file());
        assertEquals(message.contains(" line ") ? Integer.parseInt(message.replaceAll("^data.csv line (\\d+):.*", "$1")) : 0,
                e.line());
    }

    @Test
    void reportsAMissingFileAndADirectory() {
        Path missing = dir.resolve("missing.csv");
        assertEquals(missing + ": no such file",
                assertThrows(CsvException.class, () -> CsvDataset.read(missing)).getMessage());
        assertEquals(dir + ": is a directory, not a CSV file",
                assertThrows(CsvException.class, () -> CsvDataset.read(dir)).getMessage());
    }

    @Test
    void inferredClassesHaveALimit() throws IOException {
        Path bad = file("1,0\n1,70000\n");
        assertTrue(assertThrows(CsvException.class, () -> CsvDataset.read(bad)).getMessage()
                .endsWith("label 70000 (column 2) is outside 0..65535, the most classes vecnet supports"));
    }

    @Test
    void examplesMustMatchTheModelsFeatureCount() throws IOException {
        Path three = file("1,2,3,0\n");
        CsvException e = assertThrows(CsvException.class, () -> CsvDataset.readExamples(three, 2, 3));
        assertTrue(e.getMessage().endsWith("line 1: 4 columns, but the model takes 2 features (2 columns, or 3 with a label)"),
                e.getMessage());
    }

    @Test
    void aByteThatIsNotUtf8IsNamedWithItsLineColumnAndOffset() throws IOException {
        Path binary = Files.write(dir.resolve("binary.csv"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertEquals(binary + " line 1: column 1 holds the byte 0xFF (file offset 0), which is not UTF-8; vecnet "
                + "reads UTF-8 text", assertThrows(CsvException.class, () -> CsvDataset.read(binary)).getMessage());
        Path latin1 = Files.write(dir.resolve("latin1.csv"), "a,b,label\n1,2,0\n3,caf\u00e9,1\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(latin1 + " line 3: column 2 holds the byte 0xE9 (file offset 21), which is not UTF-8; vecnet "
                + "reads UTF-8 text", assertThrows(CsvException.class, () -> CsvDataset.read(latin1)).getMessage());
        Path truncated = Files.write(dir.resolve("truncated.csv"), new byte[] {'1', ',', '0', '\n', '2', ',', (byte) 0xc3});
        assertEquals(truncated + " line 2: column 2 holds the byte 0xC3 (file offset 6), which is not UTF-8; vecnet "
                + "reads UTF-8 text", assertThrows(CsvException.class, () -> CsvDataset.read(truncated)).getMessage());
    }

    @Test
    void aByteThatIsNotUtf8FarIntoTheFileIsFoundWhereItIs() throws IOException {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            rows.append("1.5,\u00e9\u00e9\n");
        }
        byte[] good = rows.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = Arrays.copyOf(good, good.length + 4);
        System.arraycopy(new byte[] {'7', ',', (byte) 0x80, '\n'}, 0, bad, good.length, 4);
        Path file = Files.write(dir.resolve("long.csv"), bad);
        assertEquals(file + " line 20001: column 2 holds the byte 0x80 (file offset " + (good.length + 2) + "), which "
                + "is not UTF-8; vecnet reads UTF-8 text", assertThrows(CsvException.class,
                () -> CsvDataset.read(file)).getMessage());
    }

    @Test
    void aByteThatIsNotUtf8InTheFirstLineIsFoundBeforeTheSeparatorIsChosen() throws IOException {
        Path file = Files.write(dir.resolve("first.csv"), new byte[] {'\n', 'a', ';', 'b', (byte) 0xfe, ';', 'c'});
        assertEquals(file + " line 2: column 2 holds the byte 0xFE (file offset 4), which is not UTF-8; vecnet "
                + "reads UTF-8 text", assertThrows(CsvException.class, () -> CsvDataset.read(file)).getMessage());
    }
    @Test
    void aHugeCellIsRefusedInLinearTimeQuotingOnlyItsStart() throws IOException {
        String digits = "1".repeat(50_000);
        Path bad = file("1,2,0\n" + digits + "x,2,0\n");
        CsvException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(CsvException.class, () -> CsvDataset.read(bad)));
        assertEquals(bad + " line 2: column 1 '" + "1".repeat(40) + "\u2026' is not a number", e.getMessage());
    }

    @Test
    void aHugeHeaderCellIsRefusedInLinearTime() throws IOException {
        Path csv = file("7".repeat(200_000) + "x,y,label\n1,2,0\n");
        CsvException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(CsvException.class, () -> CsvDataset.read(csv)));
        assertEquals(csv + " line 1: column 1's name is longer than 1024 bytes", e.getMessage());
        Path label = file("x,y," + "7".repeat(200_000) + "label\n1,2,0\n");
        assertEquals(1, assertTimeoutPreemptively(Duration.ofSeconds(2), () -> CsvDataset.read(label)).size(),
                "the label column's name is not kept, so it may be long");
    }

    @Test
    void aMillionCellsOfOneHugeLineAreReadInLinearTime() throws IOException {
        Path csv = file("1,".repeat(1_000_000) + "0\n");
        Dataset data = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> CsvDataset.read(csv));
        assertEquals(1_000_000, data.dimensions());
    }

    @Test
    void theLargestFloatsAreWrittenAndReadBack() throws IOException {
        Dataset extremes = new Dataset(Matrix.of(new float[][] {{Float.MAX_VALUE, -Float.MAX_VALUE},
            {Float.MIN_VALUE, -Float.MIN_NORMAL}, {-0.0f, 1.17549421E-38f}}), new int[] {0, 1, 0}, 2);
        Path out = dir.resolve("extremes.csv");
        CsvDataset.write(extremes, out);
        Dataset back = CsvDataset.read(out);
        float[] expected = extremes.features().data();
        float[] actual = back.features().data();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]), "value " + i);
        }
    }

    @Test
    void onlyNumbersThatRoundToInfinityAreTooLargeForAFloat32() throws IOException {
        // 3.4028235677973366E38 lies just below the midpoint between MAX_VALUE and 2^128; as a double it
        // rounds up onto that midpoint, and from there to infinity, so it must be rounded to float directly.
        Dataset data = CsvDataset.read(file("3.4028235E38,0\n3.40282356E38,1\n-3.4028235677973366E38,0\n"));
        assertArrayEquals(new float[] {Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE}, data.features().data());
        for (String big : new String[] {"3.5E38", "3.4028235677973367E38", "-1e39", "1e400"}) {
            Path bad = file(big + ",0\n");
            assertEquals(bad + " line 1: column 1 " + big + " is too large for a float32",
                    assertThrows(CsvException.class, () -> CsvDataset.read(bad)).getMessage());
        }
    }

    @Test
    void numbersAreRoundedToFloatOnceNotThroughADouble() throws IOException {
        // Each lies within half a double ulp of a point halfway between two floats: as a double it
        // is that point, which then rounds to the even float, one off the nearest.
        String[] numbers = {"0.1381024345755577", "0.8299037516117096", "1.828376591205597", "-0.06234443373978138"};
        Dataset data = CsvDataset.read(file(String.join(",0\n", numbers) + ",0\n"));
        for (int i = 0; i < numbers.length; i++) {
            assertEquals(Float.parseFloat(numbers[i]), data.features().get(i, 0), numbers[i]);
            assertTrue(Float.parseFloat(numbers[i]) != (float) Double.parseDouble(numbers[i]));
        }
    }

    @Test
    void aLabelIsReportedAsWritten() throws IOException {
        for (String label : new String[] {"1e20", "1e400", "-2147483649", "9223372036854775808", "7.0"}) {
            Path bad = file("1,2,0\n1,2," + label + "\n");
            assertEquals(bad + " line 2: label " + label + " (column 3) is outside 0..2 for 3 classes",
                    assertThrows(CsvException.class, () -> CsvDataset.read(bad, 3)).getMessage());
        }
        Path fraction = file("1,0.999999999999\n");
        assertEquals(fraction + " line 1: label 0.999999999999 (column 2) is not an integer class",
                assertThrows(CsvException.class, () -> CsvDataset.read(fraction)).getMessage());
    }
}
