package io.vecnet.io;

import io.vecnet.Matrix;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads a CSV file of finite numbers straight into float32 storage, in one pass that does a
 * bounded amount of work per character: no regular expressions, no lines or cells kept beyond the
 * one being read (a cell's text is kept up to {@value #MAX_NUMBER_CHARS} characters). Cells are
 * separated by commas and may be padded with whitespace; lines end with LF, CRLF or CR; blank lines
 * are skipped. The first line is a header when none of its cells is a number. The class labels
 * (integers {@code 0..classes-1}) are checked as they are read, so every problem names the first
 * line that has one.
 */
final class CsvTable {
    /** The longest number a cell may hold; no float needs more than a few hundred digits. */
    static final int MAX_NUMBER_CHARS = 4096;
    /** How much of a cell an error message quotes. */
    static final int QUOTE_CHARS = 40;
    /** The most numbers a data set may hold: one Java array, as {@link Matrix} allows. */
    static final long MAX_VALUES = Integer.MAX_VALUE - 8;
    /** The start of the file that the memory estimate counts the separators of. */
    private static final int SAMPLE_BYTES = 1 << 20;

    /**
     * What the columns are: {@code inputs} features and optionally a label, or, when {@code inputs}
     * is negative, any number of features and a label; labels lie in {@code 0..classes-1}, where
     * {@code inferred} says that {@code classes} is vecnet's limit rather than a number given.
     */
    record Shape(int inputs, int classes, boolean inferred) {
        static Shape labelled(int classes, boolean inferred) {
            return new Shape(-1, classes, inferred);
        }

        static Shape examples(int inputs, int classes) {
            return new Shape(inputs, classes, false);
        }

        /** Whether rows of {@code columns} cells end with a label; a problem when the count does not fit. */
        boolean labelled(Path file, int line, int columns) throws CsvException {
            if (inputs < 0) {
                if (columns < 2) {
                    throw new CsvException(file, line, "1 column; a row needs at least one feature and a class label last");
                }
                return true;
            }
            if (columns == inputs || columns == inputs + 1) {
                return columns == inputs + 1;
            }
            throw new CsvException(file, line, columns + " columns, but the model takes " + inputs + " features ("
                    + inputs + " columns, or " + (inputs + 1) + " with a label)");
        }

        String outside() {
            return "is outside 0.." + (classes - 1) + (inferred ? ", the most classes vecnet supports"
                    : " for " + classes + " classes");
        }
    }

    final int rows;
    /** The features, one row per example. */
    final Matrix features;
    /** The labels, or {@code null} when the file has none. */
    final int[] labels;
    /** The largest label, 0 without labels. */
    final int largestLabel;

    private CsvTable(int rows, Matrix features, int[] labels, int largestLabel) {
        this.rows = rows;
        this.features = features;
        this.labels = labels;
        this.largestLabel = largestLabel;
    }

    static CsvTable read(Path file, Shape shape) throws IOException {
        if (Files.isDirectory(file)) {
            throw new CsvException(file, "is a directory, not a CSV file");
        }
        if (!Files.exists(file)) {
            throw new CsvException(file, "no such file");
        }
        requireMemory(file);
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), utf8)) {
            return new Parser(file, shape).parse(reader);
        } catch (NoSuchFileException e) {
            throw new CsvException(file, "no such file");
        } catch (CharacterCodingException e) {
            throw new CsvException(file, "is not a UTF-8 text file");
        } catch (OutOfMemoryError e) {
            throw CsvException.tooLargeForMemory(file, "does not fit in memory: reading it used up the "
                    + bytes(Runtime.getRuntime().maxMemory()) + " this JVM may use");
        }
    }

    /**
     * Refuses, before reading, a file whose numbers would not fit: reading needs about 8 bytes per
     * number (the float32 blocks being filled, then the arrays they are copied into), and the count
     * is estimated from the separators in the first megabyte.
     */
    private static void requireMemory(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        long size = Files.size(file);
        long values = estimateValues(file, size);
        long needed = 8 * values;
        Runtime runtime = Runtime.getRuntime();
        long available = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        if (needed > available) {
            throw CsvException.tooLargeForMemory(file, "holds about " + values + " numbers; reading them needs about "
                    + bytes(needed) + " of memory, more than the " + bytes(available) + " this JVM has free");
        }
    }

    private static long estimateValues(Path file, long size) throws IOException {
        byte[] sample;
        try (InputStream in = Files.newInputStream(file)) {
            sample = in.readNBytes((int) Math.min(size, SAMPLE_BYTES));
        }
        long separators = 0;
        for (int i = 0; i < sample.length; i++) {
            byte b = sample[i];
            if (b == ',' || b == '\n' || b == '\r' && (i + 1 == sample.length || sample[i + 1] != '\n')) {
                separators++;
            }
        }
        return sample.length == 0 ? 0 : (long) Math.ceil((double) (separators + 1) * size / sample.length);
    }

    private static String bytes(long bytes) {
        return bytes < 1 << 20 ? (bytes >> 10) + " KB" : String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1 << 20));
    }

    /**
     * At most {@value #QUOTE_CHARS} characters of {@code cell}, whose whole length is {@code length},
     * with an ellipsis when it is longer; control and invisible formatting characters are written as
     * {@code \}{@code uXXXX} so that the message stays one visible line.
     */
    static String quote(CharSequence cell, long length) {
        int n = Math.min(cell.length(), QUOTE_CHARS);
        if (n < length && n > 0 && Character.isHighSurrogate(cell.charAt(n - 1))) {
            n--;
        }
        StringBuilder quoted = new StringBuilder(n + 1);
        for (int i = 0; i < n; i++) {
            char c = cell.charAt(i);
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return n < length ? quoted.append('\u2026').toString() : quoted.toString();
    }

    // The states of the number syntax [+-]?(digits[.digits?]|.digits)([eE][+-]?digits)?, one char at a time.
    private static final int START = 0;
    private static final int SIGN = 1;
    private static final int INTEGER = 2;
    private static final int INTEGER_POINT = 3;
    private static final int POINT = 4;
    private static final int FRACTION = 5;
    private static final int EXPONENT_MARK = 6;
    private static final int EXPONENT_SIGN = 7;
    private static final int EXPONENT = 8;
    private static final int INVALID = 9;

    private static int next(int state, char c) {
        boolean digit = c >= '0' && c <= '9';
        boolean sign = c == '+' || c == '-';
        boolean exponent = c == 'e' || c == 'E';
        return switch (state) {
            case START -> digit ? INTEGER : sign ? SIGN : c == '.' ? POINT : INVALID;
            case SIGN -> digit ? INTEGER : c == '.' ? POINT : INVALID;
            case INTEGER -> digit ? INTEGER : c == '.' ? INTEGER_POINT : exponent ? EXPONENT_MARK : INVALID;
            case INTEGER_POINT, FRACTION -> digit ? state : exponent ? EXPONENT_MARK : INVALID;
            case POINT -> digit ? FRACTION : INVALID;
            case EXPONENT_MARK -> digit ? EXPONENT : sign ? EXPONENT_SIGN : INVALID;
            case EXPONENT_SIGN, EXPONENT -> digit ? EXPONENT : INVALID;
            default -> INVALID;
        };
    }

    private static boolean complete(int state) {
        return state == INTEGER || state == INTEGER_POINT || state == FRACTION || state == EXPONENT;
    }

    /** {@code [+-]?(nan|inf|infinity)} in any ASCII case. */
    private static boolean notFinite(CharSequence cell) {
        int from = cell.length() > 0 && (cell.charAt(0) == '+' || cell.charAt(0) == '-') ? 1 : 0;
        StringBuilder word = new StringBuilder(cell.length());
        for (int i = from; i < cell.length(); i++) {
            char c = cell.charAt(i);
            word.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        String w = word.toString();
        return w.equals("nan") || w.equals("inf") || w.equals("infinity");
    }

    // What a cell holds.
    private static final int EMPTY = 0;
    private static final int NUMBER = 1;
    private static final int LONG_NUMBER = 2;
    private static final int NOT_FINITE = 3;
    private static final int OTHER = 4;

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    /** The 29 bits a double has beyond a float's 24, and their pattern halfway between two floats. */
    private static final long FLOAT_HALFWAY_MASK = (1L << 29) - 1;
    private static final long FLOAT_HALFWAY = 1L << 28;

    /** One read of one file: the state of the line and the cell being read, and the numbers so far. */
    private static final class Parser {
        private final Path file;
        private final Shape shape;
        private final FloatBlocks values = new FloatBlocks();
        private final IntBlocks labels = new IntBlocks();

        private long line = 1;
        private boolean afterCarriageReturn;
        /** The line so far holds nothing but whitespace. */
        private boolean blank = true;
        /** Cells of this line ended so far. */
        private int cells;
        /** No line but blank ones yet: the next one may be a header. */
        private boolean headerAllowed = true;
        private boolean header;

        /** Cells per row, set by the first data row; until then problems wait for the row's end. */
        private int columns = -1;
        private int featureColumns;
        private boolean labelled;
        private int firstRowLine;
        private boolean numberSeen;
        private CsvException firstProblem;

        private float[] row = new float[16];
        private int label;
        private int largestLabel;
        private int rows;

        /** The cell's first characters: all of it while it may be a number, a quotable start otherwise. */
        private final StringBuilder text = new StringBuilder();
        private int state = START;
        /** Characters from the cell's first non-whitespace one, and how many whitespace ones end it. */
        private long length;
        private long trailing;

        Parser(Path file, Shape shape) {
            this.file = file;
            this.shape = shape;
        }

        CsvTable parse(Reader reader) throws IOException {
            char[] buffer = new char[1 << 16];
            boolean start = true;
            for (int n; (n = reader.read(buffer)) >= 0; ) {
                int i = 0;
                if (start && n > 0) {
                    start = false;
                    i = buffer[0] == '\uFEFF' ? 1 : 0;
                }
                for (; i < n; i++) {
                    accept(buffer[i]);
                }
            }
            if (!blank) {
                endLine();
            }
            if (headerAllowed) {
                throw new CsvException(file, "is empty");
            }
            if (rows == 0) {
                throw new CsvException(file, header ? "has a header but no data rows" : "has no data rows");
            }
            Matrix features = new Matrix(rows, featureColumns, values.toArray());
            return new CsvTable(rows, features, labelled ? labels.toArray() : null, largestLabel);
        }

        private void accept(char c) throws CsvException {
            if (afterCarriageReturn) {
                afterCarriageReturn = false;
                if (c == '\n') {
                    return;
                }
            }
            switch (c) {
                case '\n' -> endLine();
                case '\r' -> {
                    endLine();
                    afterCarriageReturn = true;
                }
                case ',' -> {
                    blank = false;
                    endCell(false);
                }
                case '\0' -> throw new CsvException(file, lineNumber(),
                        "holds a NUL character; this is a binary file, not CSV text");
                default -> cellCharacter(c);
            }
        }

        private void cellCharacter(char c) {
            if (Character.isWhitespace(c)) {
                if (length > 0) {
                    length++;
                    trailing++;
                    keep(c);
                }
                return;
            }
            blank = false;
            state = trailing > 0 ? INVALID : next(state, c);
            trailing = 0;
            length++;
            keep(c);
        }

        private void keep(char c) {
            if (text.length() <= (state == INVALID ? QUOTE_CHARS : MAX_NUMBER_CHARS)) {
                text.append(c);
            }
        }

        private int lineNumber() throws CsvException {
            if (line > Integer.MAX_VALUE) {
                throw new CsvException(file, "has more than " + Integer.MAX_VALUE + " lines");
            }
            return (int) line;
        }

        private void endLine() throws CsvException {
            if (!blank) {
                endCell(true);
            }
            blank = true;
            cells = 0;
            line++;
        }

        private void endCell(boolean last) throws CsvException {
            long contentLength = length - trailing;
            if (text.length() > contentLength) {
                text.setLength((int) contentLength);
            }
            int kind = contentLength == 0 ? EMPTY
                    : complete(state) ? (contentLength > MAX_NUMBER_CHARS ? LONG_NUMBER : NUMBER)
                    : contentLength <= 9 && notFinite(text) ? NOT_FINITE : OTHER;
            int column = cells;
            if (cells == MAX_VALUES) {
                throw new CsvException(file, lineNumber(), "more than " + MAX_VALUES + " values in one line");
            }
            cells++;
            if (columns < 0) {
                firstRowCell(kind, column, last, contentLength);
            } else {
                rowCell(kind, column, last, contentLength);
            }
            text.setLength(0);
            state = START;
            length = 0;
            trailing = 0;
        }

        private void rowCell(int kind, int column, boolean last, long cellLength) throws CsvException {
            if (column < columns) {
                if (labelled && column == columns - 1) {
                    if (last) {
                        label = label(kind, column, cellLength);
                    }
                } else {
                    row[column] = feature(kind, column, cellLength);
                }
            }
            if (last) {
                if (cells != columns) {
                    throw new CsvException(file, lineNumber(), cells + " " + (cells == 1 ? "value" : "values")
                            + ", but line " + firstRowLine + " has " + columns);
                }
                commit();
            }
        }

        /** A cell of the first row: a header's, if no cell of the line turns out to be a number. */
        private void firstRowCell(int kind, int column, boolean last, long cellLength) throws CsvException {
            numberSeen |= kind == NUMBER || kind == LONG_NUMBER || kind == NOT_FINITE;
            if (!last) {
                if (firstProblem == null) {
                    try {
                        set(column, feature(kind, column, cellLength));
                    } catch (CsvException e) {
                        firstProblem = e;
                    }
                }
                return;
            }
            if (headerAllowed && !numberSeen) {
                headerAllowed = false;
                header = true;
                firstProblem = null;
                return;
            }
            headerAllowed = false;
            columns = cells;
            firstRowLine = lineNumber();
            labelled = shape.labelled(file, firstRowLine, columns);
            featureColumns = labelled ? columns - 1 : columns;
            if (firstProblem != null) {
                throw firstProblem;
            }
            if (labelled) {
                label = label(kind, column, cellLength);
            } else {
                set(column, feature(kind, column, cellLength));
            }
            commit();
        }

        private void set(int column, float value) {
            if (column >= row.length) {
                row = Arrays.copyOf(row, (int) Math.min(MAX_VALUES, Math.max(2L * row.length, column + 1L)));
            }
            row[column] = value;
        }

        private void commit() throws CsvException {
            if ((rows + 1L) * Math.max(1, featureColumns) > MAX_VALUES) {
                throw new CsvException(file, lineNumber(), "more than " + MAX_VALUES
                        + " numbers; vecnet keeps a data set in one array of at most that many");
            }
            for (int j = 0; j < featureColumns; j++) {
                values.add(row[j]);
            }
            if (labelled) {
                labels.add(label);
                largestLabel = Math.max(largestLabel, label);
            }
            rows++;
        }

        private float feature(int kind, int column, long cellLength) throws CsvException {
            if (kind != NUMBER) {
                throw cellProblem(kind, column, cellLength);
            }
            float value = toFloat(exactDouble());
            if (Float.isInfinite(value)) {
                throw new CsvException(file, lineNumber(), "column " + (column + 1) + " " + quote(text, cellLength)
                        + " is too large for a float32");
            }
            return value;
        }

        private int label(int kind, int column, long cellLength) throws CsvException {
            if (kind != NUMBER) {
                throw cellProblem(kind, column, cellLength);
            }
            double value = exactDouble();
            if (Double.isNaN(value)) {
                value = Double.parseDouble(text.toString());
            }
            boolean integer = value == Math.rint(value);
            if (integer && value >= 0 && value < shape.classes()) {
                return (int) value;
            }
            throw new CsvException(file, lineNumber(), "label " + quote(text, cellLength) + " (column " + (column + 1)
                    + ") " + (integer ? shape.outside() : "is not an integer class"));
        }

        /**
         * The cell's number rounded once to the nearest float: from {@code exact}, the number as a
         * correctly rounded double, when rounding that to float gives the same result, else by
         * {@link Float#parseFloat}. Rounding twice differs from rounding once only when the double
         * lies exactly halfway between two floats, or among the subnormals, whose halfway points lie
         * elsewhere; both are left to {@code parseFloat}.
         */
        private float toFloat(double exact) {
            if (!Double.isNaN(exact)) {
                float value = (float) exact;
                double magnitude = Math.abs(exact);
                boolean halfway = (Double.doubleToRawLongBits(exact) & FLOAT_HALFWAY_MASK) == FLOAT_HALFWAY;
                if (magnitude == 0 || magnitude >= Float.MIN_NORMAL && Float.isFinite(value) && !halfway) {
                    return value;
                }
            }
            return Float.parseFloat(text.toString());
        }

        /**
         * The cell's number (already known to be well formed) as the correctly rounded double,
         * computed without allocating when the digits fit in a double exactly and the power of ten
         * is at most 10^22 (Clinger's fast path: one correctly rounded multiplication or division
         * of two exact operands); NaN otherwise.
         */
        private double exactDouble() {
            int n = text.length();
            int i = 0;
            boolean negative = false;
            if (text.charAt(0) == '+' || text.charAt(0) == '-') {
                negative = text.charAt(0) == '-';
                i++;
            }
            long digits = 0;
            int significant = 0;
            int scale = 0;
            boolean point = false;
            for (; i < n; i++) {
                char c = text.charAt(i);
                if (c == '.') {
                    point = true;
                } else if (c == 'e' || c == 'E') {
                    break;
                } else {
                    if (significant > 0 || c != '0') {
                        if (++significant > 18) {
                            return Double.NaN;
                        }
                        digits = 10 * digits + (c - '0');
                    }
                    if (point) {
                        scale--;
                    }
                }
            }
            if (i < n) {
                i++;
                boolean negativeExponent = text.charAt(i) == '-';
                if (text.charAt(i) == '+' || negativeExponent) {
                    i++;
                }
                int exponent = 0;
                for (; i < n; i++) {
                    exponent = 10 * exponent + (text.charAt(i) - '0');
                    if (exponent > 1000) {
                        return Double.NaN;
                    }
                }
                scale += negativeExponent ? -exponent : exponent;
            }
            if (digits > 1L << 53 || Math.abs(scale) > 22) {
                return digits == 0 ? (negative ? -0.0 : 0.0) : Double.NaN;
            }
            double value = scale >= 0 ? digits * POWERS_OF_TEN[scale] : digits / POWERS_OF_TEN[-scale];
            return negative ? -value : value;
        }

        private CsvException cellProblem(int kind, int column, long cellLength) throws CsvException {
            String where = "column " + (column + 1);
            return new CsvException(file, lineNumber(), switch (kind) {
                case EMPTY -> where + " is empty";
                case NOT_FINITE -> where + " is " + text + "; values must be finite numbers";
                case LONG_NUMBER -> where + " is a number of " + cellLength + " characters; vecnet reads numbers of at most "
                        + MAX_NUMBER_CHARS;
                default -> where + " '" + quote(text, cellLength) + "' is not a number";
            });
        }
    }
}
