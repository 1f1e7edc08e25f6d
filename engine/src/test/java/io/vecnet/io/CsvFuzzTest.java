package io.vecnet.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vecnet.Matrix;
import io.vecnet.data.Dataset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

/**
 * The CSV reader against generated input (see {@link Fuzz} for the iteration count and the
 * seed). Cells are checked against the documented grammar (the regular expressions the reader
 * used to run, safe on short cells) and {@link Float#parseFloat}; labels against
 * {@link Double#parseDouble}; whole files of random bytes, tokens, mutated tables, huge cells
 * and wide lines must give a data set or one {@link CsvException} whose one-line message names
 * the file and a line of it, quickly, and nothing else.
 */
class CsvFuzzTest {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINE = Pattern.compile(" line (\\d+): ");
    private static final long SLOW_NANOS = 2_000_000_000L;

    @TempDir
    Path dir;

    /** What the loop is at, for a failure or a hang. */
    private volatile String at = "starting";

    private void loop(int iterations, Iteration body) {
        Executable all = () -> {
            for (int i = 0; i < iterations; i++) {
                at = "iteration " + i + " of seed " + Fuzz.SEED;
                try {
                    body.run(i, Fuzz.random(i));
                } catch (Throwable e) {
                    throw new AssertionError(at + ": " + e.getMessage(), e);
                }
            }
        };
        assertTimeoutPreemptively(Fuzz.budget(iterations), all, () -> "stuck at " + at);
    }

    @FunctionalInterface
    private interface Iteration {
        void run(int iteration, Random random) throws Exception;
    }

    private Path write(String content) throws IOException {
        return Files.write(dir.resolve("fuzz.csv"), content.getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String number) {
        return number.length() > CsvTable.QUOTE_CHARS ? number.substring(0, CsvTable.QUOTE_CHARS) + "\u2026" : number;
    }

    @Test
    void everyCellIsReadAsTheGrammarAndParseFloatSay() {
        loop(Fuzz.iterations(800), (i, random) -> {
            String cell = Fuzz.cell(random);
            if (cell.indexOf('"') >= 0) {
                // A double quote opens an RFC 4180 quoted cell: CsvSyntaxTest and the random files below cover those.
                return;
            }
            at += ", cell " + Fuzz.show(cell);
            Path file = write("1,0\n" + cell + ",1\n");
            String where = file + " line 2: column 1 ";
            String number = cell.strip();
            if (number.isEmpty()) {
                assertFails(file, where + "is empty", () -> CsvDataset.read(file));
            } else if (NOT_FINITE.matcher(number).matches()) {
                assertFails(file, where + "is " + number + "; values must be finite numbers", () -> CsvDataset.read(file));
            } else if (NUMBER.matcher(number).matches()) {
                float expected = Float.parseFloat(number);
                if (Float.isInfinite(expected)) {
                    assertFails(file, where + quote(number) + " is too large for a float32", () -> CsvDataset.read(file));
                } else {
                    Matrix features = CsvDataset.read(file).features();
                    assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(features.get(1, 0)),
                            number + " read as " + features.get(1, 0) + ", not " + expected);
                }
            } else {
                String message = assertFails(file, null, () -> CsvDataset.read(file));
                assertTrue(message.startsWith(where + "'") && message.endsWith("' is not a number"), message);
            }
        });
    }

    private static final String[] LABELS = {"0", "1", "2", "4", "5", "-1", "-0", "+3", "2.0", "2.5", "1e0", "4e0", "0.4e1",
        "4.0000000000000001", "3.9999999999999999", "0.99999999999", "1e20", "-1e20", "1e400", "2147483648",
        "-2147483649", "9223372036854775808", "1e-400", "00002", "2.", ".0e5"};

    @Test
    void everyLabelIsReadAsParseDoubleSays() {
        loop(Fuzz.iterations(500), (i, random) -> {
            String cell = random.nextBoolean() ? LABELS[random.nextInt(LABELS.length)] : Fuzz.cell(random);
            if (cell.indexOf('"') >= 0 || cell.indexOf('\t') >= 0 || cell.indexOf(';') >= 0) {
                // Quotes open RFC 4180 cells and tabs or semicolons may choose the separator of a one-line
                // file: CsvSyntaxTest covers those; this loop is about the numbers.
                return;
            }
            at += ", label " + Fuzz.show(cell);
            Path file = write("1," + cell + "\n");
            String number = cell.strip();
            if (!NUMBER.matcher(number).matches()) {
                String message = assertFails(file, null, () -> CsvDataset.read(file, 5));
                assertTrue(message.startsWith(file + " line 1: column 2 "), message);
                return;
            }
            double label = Double.parseDouble(number);
            String where = file + " line 1: label " + quote(number) + " (column 2) ";
            if (label != Math.rint(label)) {
                assertFails(file, where + "is not an integer class", () -> CsvDataset.read(file, 5));
            } else if (label < 0 || label >= 5) {
                assertFails(file, where + "is outside 0..4 for 5 classes", () -> CsvDataset.read(file, 5));
            } else {
                assertArrayEquals(new int[] {(int) label}, CsvDataset.read(file, 5).labels());
            }
        });
    }

    @Test
    void anyFileGivesADataSetOrOneLineNamingTheFileAndALine() {
        loop(Fuzz.iterations(400), (i, random) -> {
            byte[] content = randomFile(random);
            at += ", file " + Fuzz.show(new String(content, StandardCharsets.ISO_8859_1));
            Path file = Files.write(dir.resolve("random.csv"), content);
            int variant = random.nextInt(3);
            int classes = 2 + random.nextInt(5);
            int inputs = 1 + random.nextInt(4);
            long start = System.nanoTime();
            try {
                switch (variant) {
                    case 0 -> check(CsvDataset.read(file));
                    case 1 -> check(CsvDataset.read(file, classes));
                    default -> {
                        CsvDataset.Examples examples = CsvDataset.readExamples(file, inputs, classes);
                        assertEquals(inputs, examples.features().cols());
                        check(new Dataset(examples.features(), examples.labelled() ? examples.labels()
                                : new int[examples.features().rows()], classes));
                    }
                }
            } catch (CsvException e) {
                checkMessage(e, file, lines(content));
            }
            long elapsed = System.nanoTime() - start;
            assertTrue(elapsed < SLOW_NANOS, "took " + elapsed / 1_000_000 + " ms");
        });
    }

    @Test
    void writtenDataReadsBackBitForBit() {
        loop(Fuzz.iterations(60), (i, random) -> {
            int rows = 1 + random.nextInt(40);
            int columns = 1 + random.nextInt(4);
            int classes = 2 + random.nextInt(6);
            float[] values = new float[rows * columns];
            for (int j = 0; j < values.length; j++) {
                values[j] = edgeFloat(random);
            }
            int[] labels = random.ints(rows, 0, classes).toArray();
            Dataset data = new Dataset(new Matrix(rows, columns, values), labels, classes);
            Path file = dir.resolve("written.csv");
            CsvDataset.write(data, file);
            Dataset back = CsvDataset.read(file, classes);
            float[] read = back.features().data();
            for (int j = 0; j < values.length; j++) {
                assertEquals(Float.floatToRawIntBits(values[j]), Float.floatToRawIntBits(read[j]),
                        values[j] + " came back as " + read[j]);
            }
            assertArrayEquals(labels, back.labels());
        });
    }

    private static float edgeFloat(Random random) {
        float[] edges = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Math.nextDown(Float.MIN_NORMAL),
            Float.MAX_VALUE, -Float.MAX_VALUE, Math.nextDown(Float.MAX_VALUE), 1f, -1f, 0.1f, 16777217f};
        float value = switch (random.nextInt(4)) {
            case 0 -> edges[random.nextInt(edges.length)];
            case 1 -> Float.intBitsToFloat(random.nextInt() & 0x807fffff);  // a subnormal or zero
            default -> Float.intBitsToFloat(random.nextInt());
        };
        return Float.isFinite(value) ? value : 1.5f;
    }

    private static void check(Dataset data) {
        assertTrue(data.size() > 0);
        for (float v : data.features().data()) {
            assertTrue(Float.isFinite(v));
        }
    }

    /** Asserts that reading fails with a {@link CsvException} of one line, {@code expected} unless that is null. */
    private static String assertFails(Path file, String expected, Executable read) {
        CsvException e = assertThrows(CsvException.class, read);
        if (expected != null) {
            assertEquals(expected, e.getMessage());
        }
        checkMessage(e, file, Integer.MAX_VALUE);
        return e.getMessage();
    }

    private static void checkMessage(CsvException e, Path file, int lines) {
        String message = e.getMessage();
        assertEquals(file, e.file());
        for (char c : message.toCharArray()) {
            if (Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029') {
                fail("the message is not one clean line: " + Fuzz.show(message));
            }
        }
        assertTrue(message.length() < file.toString().length() + 400, "too long: " + Fuzz.show(message));
        if (message.startsWith(file + ": ")) {
            assertEquals(0, e.line(), message);
            return;
        }
        Matcher line = LINE.matcher(message);
        assertTrue(message.startsWith(file.toString()) && line.find() && line.start() == file.toString().length(),
                "names neither the file nor a line: " + Fuzz.show(message));
        int number = Integer.parseInt(line.group(1));
        assertEquals(number, e.line());
        assertTrue(number >= 1 && number <= lines, "line " + number + " of " + lines);
    }

    private static int lines(byte[] content) {
        int lines = 1;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n' || content[i] == '\r' && (i + 1 == content.length || content[i + 1] != '\n')) {
                lines++;
            }
        }
        return lines;
    }

    private static final String[] TOKENS = {"0", "1", "2", "-1", "1.5", "1e39", "nan", "x", "label", ",", ",", ",", "\n",
        "\n", "\r\n", "\r", " ", "\t", "", ",,", "\u00e9", "\ufeff", "0x1p3", "3.4028235E38", "\u0000", "\u2028"};

    private static byte[] randomFile(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (random.nextInt(7)) {
            case 0 -> {
                byte[] bytes = new byte[random.nextInt(300)];
                random.nextBytes(bytes);
                out.writeBytes(bytes);
            }
            case 1 -> {
                StringBuilder text = new StringBuilder();
                for (int t = random.nextInt(80); t > 0; t--) {
                    text.append(TOKENS[random.nextInt(TOKENS.length)]);
                }
                out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
            }
            case 2, 3 -> out.writeBytes(mutate(random, table(random).getBytes(StandardCharsets.UTF_8)));
            case 4 -> out.writeBytes(hugeCell(random).getBytes(StandardCharsets.UTF_8));
            case 5 -> {
                int cells = 1 + random.nextInt(50_000);
                String row = "1,".repeat(cells) + "0";
                String next = random.nextBoolean() ? row : "1,".repeat(random.nextInt(cells + 2)) + "0";
                out.writeBytes((row + "\n" + next + "\n").getBytes(StandardCharsets.UTF_8));
            }
            default -> out.writeBytes(("\n".repeat(random.nextInt(20_000)) + table(random))
                    .getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** A table that is mostly right: a header sometimes, numbers and labels, odd cells and line ends now and then. */
    private static String table(Random random) {
        StringBuilder table = new StringBuilder();
        if (random.nextInt(8) == 0) {
            table.append('\ufeff');
        }
        int columns = 1 + random.nextInt(5);
        String[] ends = {"\n", "\r\n", "\r"};
        String end = ends[random.nextInt(ends.length)];
        if (random.nextBoolean()) {
            for (int c = 0; c < columns; c++) {
                table.append(c == 0 ? "" : ",").append(random.nextInt(5) == 0 ? Fuzz.cell(random) : "x" + c);
            }
            table.append(end);
        }
        for (int r = random.nextInt(20); r > 0; r--) {
            for (int c = 0; c < columns; c++) {
                String cell = c == columns - 1 ? Integer.toString(random.nextInt(4))
                        : Float.toString((float) random.nextGaussian());
                table.append(c == 0 ? "" : ",").append(random.nextInt(15) == 0 ? Fuzz.cell(random) : cell);
            }
            table.append(random.nextInt(30) == 0 ? ends[random.nextInt(ends.length)] : end);
            if (random.nextInt(20) == 0) {
                table.append(random.nextBoolean() ? end : " \t" + end);
            }
        }
        return table.toString();
    }

    private static byte[] mutate(Random random, byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int mutations = random.nextInt(4);
        for (int i = 0; i < bytes.length; i++) {
            if (mutations > 0 && random.nextInt(bytes.length) < 2) {
                mutations--;
                switch (random.nextInt(3)) {
                    case 0 -> out.write(random.nextInt(256));
                    case 1 -> {
                        out.write(bytes[i]);
                        out.write(random.nextInt(256));
                    }
                    default -> {
                        // the byte is dropped
                    }
                }
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toByteArray();
    }

    /** One cell of 1,000 to 100,000 characters, a number or nearly one, in the header or a data row. */
    private static String hugeCell(Random random) {
        int length = 1000 + random.nextInt(99_000);
        String body = switch (random.nextInt(5)) {
            case 0 -> "7".repeat(length);
            case 1 -> "7".repeat(length) + "x";
            case 2 -> "0." + "0".repeat(length) + "1";
            case 3 -> "1" + "0".repeat(length) + "e-" + length;
            default -> "a".repeat(length);
        };
        return switch (random.nextInt(3)) {
            case 0 -> body + ",label\n1,0\n";
            case 1 -> "1,0\n" + body + ",1\n";
            default -> "1,0\n2," + body + "\n";
        };
    }
}
