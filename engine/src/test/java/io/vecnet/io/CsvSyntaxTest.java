package io.vecnet.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.vecnet.Matrix;
import io.vecnet.data.Dataset;
import io.vecnet.io.CsvDataset.LabelColumn;
import io.vecnet.io.CsvDataset.LabelledData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The separator chosen from the first line, RFC 4180 quoting, and empty cells. */
class CsvSyntaxTest {
    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("data.csv"), content, StandardCharsets.UTF_8);
    }

    private String problem5(String content) throws IOException {
        Path bad = file(content);
        return assertThrows(CsvException.class, () -> CsvDataset.read(bad, 5)).getMessage()
                .substring(bad.toString().length());
    }

    private String problem(String content) throws IOException {
        Path bad = file(content);
        return assertThrows(CsvException.class, () -> CsvDataset.readLabelled(bad, LabelColumn.LAST)).getMessage()
                .substring(bad.toString().length());
    }

    @Test
    void semicolonsAndTabsSeparateCellsToo() throws IOException {
        Matrix expected = Matrix.of(new float[][] {{1.5f, 2}, {3, 4}});
        Dataset semicolons = CsvDataset.read(file("x;y;label\n1.5; 2 ;0\n3;4;1\n"));
        assertEquals(expected, semicolons.features());
        assertArrayEquals(new int[] {0, 1}, semicolons.labels());
        Dataset tabs = CsvDataset.read(file("\uFEFFx\ty\tlabel\r\n1.5\t2\t0\r\n3\t4\t1\r\n"));
        assertEquals(expected, tabs.features());
    }

    @Test
    void theSeparatorIsTheMostCommonOneOnTheFirstNonBlankLine() throws IOException {
        assertEquals(2, CsvDataset.read(file("\n   \n1;2;0\n3;4;1\n")).size());
        assertEquals(" line 1: column 1 '1,5' is not a number", problem("1,5;2;0\n"));
        assertEquals(" line 2: column 1 '1;2' is not a number", problem("a;b,label\n1;2,0\n"), "a tie is a comma");
        assertEquals(" line 3: 1 value, but line 2 has 3", problem("x;y;label\n1;2;0\n1,2,0\n"),
                "a row of the wrong width says so before what its cells hold");
    }

    @Test
    void separatorsThatOnlyMakeEmptyCellsDoNotCount() throws IOException {
        // Tabs padding a comma-separated line, or ending it: three cells by commas, three at best by tabs.
        Dataset padded = CsvDataset.read(file("1,\t2,\t0\t\t\n3,\t4,\t1\n"));
        assertEquals(Matrix.of(new float[][] {{1, 2}, {3, 4}}), padded.features());
        assertEquals(" line 1: column 2 ';;' is not a class number 0..4", problem5("1,;;\n"));
    }

    @Test
    void separatorsInsideQuotesDoNotCount() throws IOException {
        Dataset data = CsvDataset.read(file("\"a,b,c\";\"d,e\";label\n1;2;0\n"));
        assertEquals(Matrix.of(new float[][] {{1, 2}}), data.features());
    }

    @Test
    void quotedNumbersAreNumbers() throws IOException {
        Dataset data = CsvDataset.read(file("\"x\",\"y\",\"label\"\n\"1.5\", \"-2e1\" ,\"1\"\n\"3\",4,0\n"));
        assertEquals(Matrix.of(new float[][] {{1.5f, -20}, {3, 4}}), data.features());
        assertArrayEquals(new int[] {1, 0}, data.labels());
    }

    @Test
    void quotedCellsHoldQuotesSeparatorsAndLineBreaks() throws IOException {
        LabelledData data = CsvDataset.readLabelled(file("1,2,\"a \"\"big\"\" one, really\"\n3,4,\"two\r\nlines\"\n"
                + "5,6,ab\"c\n"), LabelColumn.LAST);
        assertEquals(List.of("a \"big\" one, really", "ab\"c", "two\r\nlines"), data.classNames());
        assertArrayEquals(new int[] {0, 2, 1}, data.data().labels());
    }

    @Test
    void linesAreCountedInsideQuotedCells() throws IOException {
        assertEquals(" line 4: column 1 'x' is not a number", problem("1,\"2\n\n\",a\nx,2,b\n"));
        assertEquals(" line 1: column 2 '2\\u000ax' is not a number", problem("1,\" \n2\nx\",a\n3,4,b\n"));
    }

    @Test
    void anUnclosedQuoteNamesTheLineWhereItOpened() throws IOException {
        assertEquals(" line 2: column 2 opens a quote that is never closed", problem("1,2,0\n1,\"2,0\n3,4,1\n5,6,0\n"));
        String huge = "1,2,0\n\"" + "9,".repeat(2_000_000);
        Path bad = file(huge);
        CsvException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(CsvException.class, () -> CsvDataset.read(bad)));
        assertEquals(bad + " line 2: column 1 opens a quote that is never closed", e.getMessage());
    }

    @Test
    void onlyWhitespaceMayFollowAClosingQuote() throws IOException {
        assertEquals(" line 1: column 2 has text after its closing quote", problem("1,\"2\"x,0\n"));
        assertEquals(" line 1: column 2 has a quote after its closing quote", problem("1,\"2\" \",0\n"));
        assertEquals(2, CsvDataset.read(file("1,\"2\"  ,0\n3,4,1\n")).size());
    }

    @Test
    void emptyCellsAreRefusedNamingLineAndColumn() throws IOException {
        assertEquals(" line 2: column 2 is empty", problem("1,2,0\n1,,0\n"));
        assertEquals(" line 2: column 2 is empty", problem("1,2,0\n1, \"\" ,0\n"));
        assertEquals(" line 2: column 1 is empty", problem("1;2;0\n ;2;0\n"));
        assertEquals(" line 1: column 3 is empty", problem("1\t2\t\n"));
    }

    @Test
    void aNulInsideQuotesIsStillABinaryFile() throws IOException {
        assertEquals(" line 1: holds a NUL character; this is a binary file, not CSV text", problem("1,\"\0\",0\n"));
    }

    @Test
    void aHugeQuotedCellIsReadInLinearTime() throws IOException {
        Path csv = file("1,\"" + "a\"\"".repeat(300_000) + "\",0\n");
        CsvException e = assertTimeoutPreemptively(Duration.ofSeconds(3),
                () -> assertThrows(CsvException.class, () -> CsvDataset.read(csv)));
        assertEquals(csv + " line 1: column 2 '" + "a\"".repeat(20) + "\u2026' is not a number", e.getMessage());
    }

    @Test
    void theSeparatorIsChosenFromTheStartOfAHugeFirstLine() throws IOException {
        // Semicolons lead the first megabyte, commas the whole first line: semicolons it is.
        Path csv = file("1;".repeat(400_000) + "1,".repeat(1_500_000) + "0\n" + "1;".repeat(400_000) + "0\n");
        Dataset data = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> CsvDataset.read(csv));
        assertEquals(400_000, data.dimensions());
        assertEquals(1, data.size());
    }
}
