package io.vecnet.io;

import io.vecnet.Matrix;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a CSV file of finite numbers and class labels straight into float32 storage, in one pass
 * that does a bounded amount of work per character: no regular expressions, no lines or cells kept
 * beyond the one being read (a cell's text is kept up to {@value #MAX_NUMBER_CHARS} characters),
 * except that the first line is kept until the second has shown whether it is a header.
 *
 * <p>The syntax: cells are separated by commas, semicolons or tabs, whichever occurs most often
 * outside quotes in the first non-blank line (more exactly, whichever splits it into the most
 * cells holding something, so that tabs padding cells do not count), commas on a tie; lines end
 * with LF, CRLF or CR;
 * blank lines are skipped; cells may be padded with whitespace. A cell may be enclosed in double
 * quotes (RFC 4180), with {@code ""} for a quote and separators and line breaks taken as they
 * are; a quoted number is a number. Empty cells are refused.
 *
 * <p>The label column (the last by default) holds class numbers or class names; see
 * {@link CsvDataset} for how they become classes. With {@link CsvDataset.Header#AUTO}, the first
 * line is a header when none of its feature cells is a number, or when its label is not a number
 * while the second line's is, or, for a model with class names, when its label is not one of them
 * while the second line's is; with a label column given by name it is always the header.
 * {@link CsvDataset.Header#YES} and {@link CsvDataset.Header#NO} decide without looking. Labels are
 * checked as they are read, so nearly every problem names the first line that has one; a byte that
 * is not UTF-8 is reported with its line, column and offset.
 */
final class CsvTable {
    /** The longest number a cell may hold; no float needs more than a few hundred digits. */
    static final int MAX_NUMBER_CHARS = 4096;
    /** How many of a model's feature names an error message lists. */
    static final int NAMES_SHOWN = 8;
    /** How much of a cell an error message quotes. */
    static final int QUOTE_CHARS = 40;
    /** The most numbers a data set may hold: one Java array, as {@link Matrix} allows. */
    static final long MAX_VALUES = Integer.MAX_VALUE - 8;
    /** The longest class name, in UTF-8 bytes: what a model file keeps. */
    static final int MAX_NAME_BYTES = ModelFile.MAX_CLASS_NAME_BYTES;
    /** The start of the file that the memory estimate counts the separators of. */
    private static final int SAMPLE_BYTES = 1 << 20;
    /** The most characters of the first non-blank line that the choice of separator looks at. */
    static final int DETECT_CHARS = 1 << 20;
    /** The separators a file may use, in the order that breaks ties. */
    private static final char[] SEPARATORS = {',', ';', '\t'};

    /**
     * What the columns are: {@code inputs} features and optionally a label, or, when {@code inputs}
     * is negative, any number of features and a label, in {@code column}. The labels are the model's
     * class {@code names} when there are some; with {@code inferred}, whatever the file holds,
     * numbers or names; otherwise class numbers {@code 0..classes-1}. {@code header} says whether
     * the first line is a header; a column given by name makes it one. A header must name the
     * features {@code featureNames} in that order when there are some (the names of a model's
     * training columns).
     */
    record Shape(int inputs, int classes, boolean inferred, List<String> names, List<String> featureNames,
                 CsvDataset.LabelColumn column, CsvDataset.Header header) {
        Shape {
            if (column.name() != null && header == CsvDataset.Header.NO) {
                throw new IllegalArgumentException("a label column found by its name " + column
                        + " needs a header line");
            }
        }

        /** Training data whose classes are inferred from its labels. */
        static Shape labelled(CsvDataset.LabelColumn column, CsvDataset.Header header) {
            return new Shape(-1, CsvDataset.MAX_CLASSES, true, List.of(), List.of(), column, header);
        }

        /** Training data with class numbers {@code 0..classes-1}. */
        static Shape labelled(int classes, CsvDataset.LabelColumn column, CsvDataset.Header header) {
            return new Shape(-1, classes, false, List.of(), List.of(), column, header);
        }

        /**
         * Rows for a model of {@code inputs} features and {@code classes} classes, named by {@code names}
         * if any, whose header, if the file has one, must name its features {@code featureNames} if any.
         */
        static Shape examples(int inputs, int classes, List<String> names, List<String> featureNames,
                              CsvDataset.LabelColumn column, CsvDataset.Header header) {
            return new Shape(inputs, classes, false, List.copyOf(names), List.copyOf(featureNames), column, header);
        }

        boolean training() {
            return inputs < 0;
        }

        /** Whether every row has a label: training data, or rows for a model with the label column given. */
        boolean labelRequired() {
            return training() || !column.last();
        }

        /**
         * Where the label is in rows of {@code columns} cells (0-based), or -1 when they have none;
         * {@code headerIndex} is where the header named it.
         */
        int labelIndex(Path file, int line, int columns, boolean named, int headerIndex) throws CsvException {
            if (training() && columns < 2) {
                throw new CsvException(file, line, columns + " column; a row needs at least one feature and a "
                        + (column.last() ? "class label last" : "class label"));
            }
            boolean labelled = labelRequired() || columns == inputs + 1;
            if (!labelled && columns != inputs) {
                throw new CsvException(file, line, columns + " columns, but the model takes " + inputs + " features ("
                        + inputs + " columns, or " + (inputs + 1) + " with a label)");
            }
            if (!labelled) {
                return -1;
            }
            int index = named ? headerIndex : column.last() ? columns - 1 : column.position() - 1;
            if (index >= columns) {
                throw new CsvException(file, line, columns + " columns, so no column " + (index + 1)
                        + " holds the labels");
            }
            if (!training() && columns != inputs + 1) {
                throw new CsvException(file, line, columns + " columns: the label column " + column + " and "
                        + (columns - 1) + (columns == 2 ? " feature" : " features") + ", but the model takes "
                        + inputs);
            }
            return index;
        }
    }

    final int rows;
    /** The features, one row per example. */
    final Matrix features;
    /** The labels as class numbers, or {@code null} when the file has none. */
    final int[] labels;
    /** How many classes the labels imply (or were given). */
    final int classes;
    /** The classes' names when the labels named them, in class order; empty when they are numbered. */
    final List<String> classNames;
    /** The line of a first row that may well be a header, or 0 (see {@link CsvDataset.LabelledData}). */
    final int suspectedHeaderLine;
    /** The header's names of the feature columns, in order (empty names included); empty when there is no header. */
    final List<String> featureNames;
    /**
     * The line of a header of numbers that only the next line showed to be one (its label is none
     * of a model's classes, or not a number, while the next line's is), 0 when there is none: a row
     * with a misspelt label would be taken the same way.
     */
    final int headerOfNumbersLine;

    private CsvTable(int rows, Matrix features, int[] labels, int classes, List<String> classNames,
                     int suspectedHeaderLine, List<String> featureNames, int headerOfNumbersLine) {
        this.rows = rows;
        this.features = features;
        this.labels = labels;
        this.classes = classes;
        this.classNames = classNames;
        this.suspectedHeaderLine = suspectedHeaderLine;
        this.featureNames = featureNames;
        this.headerOfNumbersLine = headerOfNumbersLine;
    }

    static CsvTable read(Path file, Shape shape) throws IOException {
        AtomicFile.requireNamed(file);
        if (Files.isDirectory(file)) {
            throw new CsvException(file, "is a directory, not a CSV file");
        }
        if (Files.notExists(file)) {
            throw new CsvException(file, "no such file");
        }
        requireMemory(file);
        try (Reader reader = new Utf8Input(Files.newInputStream(file))) {
            return new Parser(file, shape).parse(reader);
        } catch (NoSuchFileException e) {
            throw new CsvException(file, "no such file");
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

    /** Line breaks plus the most common separator in the sample, scaled to the whole file. */
    private static long estimateValues(Path file, long size) throws IOException {
        byte[] sample;
        try (InputStream in = Files.newInputStream(file)) {
            sample = in.readNBytes((int) Math.min(size, SAMPLE_BYTES));
        }
        long lines = 0;
        long commas = 0;
        long semicolons = 0;
        long tabs = 0;
        for (int i = 0; i < sample.length; i++) {
            byte b = sample[i];
            if (b == ',') {
                commas++;
            } else if (b == ';') {
                semicolons++;
            } else if (b == '\t') {
                tabs++;
            } else if (b == '\n' || b == '\r' && (i + 1 == sample.length || sample[i + 1] != '\n')) {
                lines++;
            }
        }
        long separators = lines + Math.max(commas, Math.max(semicolons, tabs));
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

    /** Orders strings by Unicode code point, as NumPy (and so scikit-learn's LabelEncoder) sorts them. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /**
     * Chooses the separator from the first non-blank line, or its first {@value #DETECT_CHARS}
     * characters: the one of comma, semicolon and tab that splits it, outside quotes, into the
     * most cells holding something, the earliest of them on a tie. On a well-formed line that is
     * the most frequent of the three; separators that would only make empty cells, such as tabs
     * padding comma-separated cells or ending a line, do not count.
     */
    private static final class SeparatorChoice {
        /** Per separator: the cells holding something that it split off, and whether the current one holds something. */
        private final int[] cells = new int[SEPARATORS.length];
        private final boolean[] filled = new boolean[SEPARATORS.length];
        private boolean quoted;
        private boolean blank = true;
        private int seen;
        private boolean done;

        boolean done() {
            return done;
        }

        void accept(char c) {
            seen++;
            if (c == '"') {
                quoted = !quoted;
                blank = false;
                Arrays.fill(filled, true);
            } else if (quoted) {
                Arrays.fill(filled, true);
            } else if (c == '\n' || c == '\r') {
                if (!blank) {
                    endLine();
                }
                Arrays.fill(filled, false);
            } else if (!Character.isWhitespace(c) || c == '\t') {
                blank &= Character.isWhitespace(c);
                for (int s = 0; s < SEPARATORS.length; s++) {
                    if (c == SEPARATORS[s]) {
                        cells[s] += filled[s] ? 1 : 0;
                        filled[s] = false;
                    } else if (c != '\t') {
                        filled[s] = true;
                    }
                }
            }
            if (seen >= DETECT_CHARS && !done) {
                endLine();
            }
        }

        private void endLine() {
            for (int s = 0; s < SEPARATORS.length; s++) {
                cells[s] += filled[s] ? 1 : 0;
            }
            done = true;
        }

        /** The separator, once {@link #done()} or at the end of the file. */
        char separator() {
            if (!done) {
                endLine();
            }
            int best = 0;
            for (int s = 1; s < SEPARATORS.length; s++) {
                if (cells[s] > cells[best]) {
                    best = s;
                }
            }
            return SEPARATORS[best];
        }
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

    /** Whether a cell of this kind is written as a number, usable or not: what tells a header from a row. */
    private static boolean numeric(int kind) {
        return kind == NUMBER || kind == LONG_NUMBER || kind == NOT_FINITE;
    }

    // Where the reader is in a quoted cell.
    private static final int UNQUOTED = 0;
    private static final int QUOTED = 1;
    /** A quote inside a quoted cell: the end of the cell, or the first of two that stand for one. */
    private static final int QUOTE_IN_QUOTED = 2;
    /** After the closing quote: only whitespace may follow before the separator. */
    private static final int CLOSED = 3;

    // The lines before the rows' shape is known.
    /** The first non-blank line: a header or the first row. */
    private static final int FIRST_LINE = 0;
    /** The second line, which decides whether the first (kept) was a header. */
    private static final int SECOND_LINE = 1;
    /** The first row after a header. */
    private static final int FIRST_ROW = 2;
    /** Every row after the first: the shape is known. */
    private static final int ROWS = 3;

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    /** The 29 bits a double has beyond a float's 24, and their pattern halfway between two floats. */
    private static final long FLOAT_HALFWAY_MASK = (1L << 29) - 1;
    private static final long FLOAT_HALFWAY = 1L << 28;

    /**
     * A line read before the rows' shape is known: every cell's value, the first problem of its
     * cells as features (reported only if it turns out to be a row), and its label cell, which is
     * the cell at the label column given, else the last.
     */
    private static final class Line {
        float[] values = new float[16];
        int cells;
        int number;
        /** The first problem of a cell other than the label cell, and its 0-based column. */
        CsvException problem;
        int problemColumn;
        /** The label cell's problem as a feature, for files where it is one. */
        CsvException labelCellProblem;
        /** Whether a cell other than the label cell is written as a number. */
        boolean featureNumber;
        int labelColumn = -1;
        int labelKind;
        String labelText;
        long labelLength;
        /** Every cell's text (its start, for one longer than {@link #MAX_NUMBER_CHARS}): the names, if it is a header. */
        final List<String> texts = new ArrayList<>();

        void reset(int line) {
            texts.clear();
            cells = 0;
            number = line;
            problem = null;
            labelCellProblem = null;
            featureNumber = false;
            labelColumn = -1;
            labelKind = EMPTY;
            labelText = null;
            labelLength = 0;
        }

        void set(int column, float value) {
            if (column >= values.length) {
                values = Arrays.copyOf(values, (int) Math.min(MAX_VALUES, Math.max(2L * values.length, column + 1L)));
            }
            values[column] = value;
        }

        /** The first problem of the cells that are features, when the label is at {@code labelIndex} (-1: none). */
        CsvException featureProblem(int labelIndex) {
            if (labelIndex >= 0 || labelCellProblem == null) {
                return problem;
            }
            return problem != null && problemColumn < labelColumn ? problem : labelCellProblem;
        }
    }

    /** One read of one file: the state of the line and the cell being read, and the numbers so far. */
    private static final class Parser {
        private final Path file;
        private final Shape shape;
        private final boolean named;
        private final FloatBlocks values = new FloatBlocks();
        private final IntBlocks labels = new IntBlocks();
        private char separator = ',';

        private long line = 1;
        /** The line where the current row began: a quoted cell may hold line breaks. */
        private long rowStart = 1;
        private boolean afterCarriageReturn;
        /** The line so far holds nothing but whitespace. */
        private boolean blank = true;
        /** Cells of this line ended so far. */
        private int cells;
        private int phase = FIRST_LINE;
        private boolean header;
        /** The header's line and its cells' texts (see {@link Line#texts}), once a line turned out a header. */
        private int headerLine;
        /** The header's line when only the line after it showed a line of numbers to be one, else 0. */
        private int headerOfNumbersLine;
        private List<String> headerTexts = List.of();
        /** The column the header names the labels' (0-based), -1 before the header or when it has none. */
        private int headerIndex = -1;
        /** Whether any line but blank ones was seen. */
        private boolean content;

        private int quoting = UNQUOTED;
        /** The line where the open quote began. */
        private long quoteLine;

        /** Cells per row, set by the first row. */
        private int columns = -1;
        /** The label's column (0-based), or -1 when the rows have none. */
        private int labelIndex = -1;
        private int featureColumns;
        private int rowLine;
        private int firstRowLine;

        /** What kind of cell the first row's label was. */
        private int firstRowLabelKind;

        /** The separator is being chosen from the first non-blank line, whose characters are kept meanwhile. */
        private boolean choosing = true;
        private final SeparatorChoice choice = new SeparatorChoice();
        private char[] start = new char[0];
        private int started;

        /** The line being read before the shape is known, and the first line while the second decides about it. */
        private Line reading = new Line();
        private Line kept = new Line();

        private float[] row = new float[16];
        private int label;
        private int rows;
        /** The first problem of the row being read, reported at its end (see {@link #rowCell}). */
        private CsvException rowProblem;

        private final Labels labelling;

        /** The cell's first characters: all of it while it may be a number, a quotable start otherwise. */
        private final StringBuilder text = new StringBuilder();
        private int state = START;
        /** Characters from the cell's first non-whitespace one, and how many whitespace ones end it. */
        private long length;
        private long trailing;

        Parser(Path file, Shape shape) {
            this.file = file;
            this.shape = shape;
            this.named = shape.column().name() != null;
            this.labelling = new Labels(file, shape);
        }

        CsvTable parse(Reader reader) throws IOException {
            char[] buffer = new char[1 << 16];
            boolean first = true;
            try {
                for (int n; (n = reader.read(buffer)) >= 0; ) {
                    int i = 0;
                    if (first && n > 0) {
                        first = false;
                        i = buffer[0] == '\uFEFF' ? 1 : 0;
                    }
                    if (choosing) {
                        i = choose(buffer, i, n);
                    }
                    for (; i < n; i++) {
                        accept(buffer[i]);
                    }
                }
            } catch (Utf8Input.InvalidByteException e) {
                throw notUtf8(e);
            }
            if (choosing) {
                endChoice();
            }
            if (quoting == QUOTED) {
                throw new CsvException(file, lineNumber(quoteLine), "column " + (cells + 1)
                        + " opens a quote that is never closed");
            }
            if (!blank) {
                endLine();
            }
            if (phase == SECOND_LINE) {
                firstRow(kept);
            }
            if (!content) {
                throw new CsvException(file, "is empty");
            }
            if (rows == 0) {
                throw new CsvException(file, header ? "has a header but no data rows" : "has no data rows");
            }
            Matrix features = new Matrix(rows, featureColumns, values.toArray());
            if (labelIndex < 0) {
                return new CsvTable(rows, features, null, shape.classes(), List.of(), 0, featureNames(),
                        headerOfNumbersLine);
            }
            int[] classes = labels.toArray();
            List<String> names = labelling.finish(classes);
            return new CsvTable(rows, features, classes, labelling.classes(), names, suspectedHeaderLine(classes),
                    featureNames(), headerOfNumbersLine);
        }

        /**
         * Shows the separator choice {@code buffer[from..n)} until it is done, keeping what it saw;
         * returns where the choice stopped ({@code n} while it goes on).
         */
        private int choose(char[] buffer, int from, int n) throws CsvException {
            int i = from;
            while (i < n && !choice.done()) {
                choice.accept(buffer[i++]);
            }
            if (started + i - from > start.length) {
                start = Arrays.copyOf(start, Math.max(2 * start.length, started + i - from));
            }
            System.arraycopy(buffer, from, start, started, i - from);
            started += i - from;
            if (choice.done()) {
                endChoice();
            }
            return i;
        }

        /** Takes the separator chosen and reads the characters the choice looked at. */
        private void endChoice() throws CsvException {
            choosing = false;
            separator = choice.separator();
            for (int k = 0; k < started; k++) {
                accept(start[k]);
            }
            start = null;
        }

        /** The invalid byte's line and column, once the characters before it are read. */
        private CsvException notUtf8(Utf8Input.InvalidByteException e) throws CsvException {
            if (choosing) {
                endChoice();
            }
            return new CsvException(file, lineNumber(line), String.format(Locale.ROOT,
                    "column %d holds the byte 0x%02X (file offset %d), which is not UTF-8; vecnet reads UTF-8 text",
                    cells + 1, e.value(), e.offset()));
        }

        /**
         * The first row's line when it may well be a header, else 0: it was taken for a row as the
         * header was left to detection, and its label is a name (not a number) that no other row has.
         */
        private int suspectedHeaderLine(int[] classes) {
            if (shape.header() != CsvDataset.Header.AUTO || header || !shape.inferred() || firstRowLabelKind != OTHER
                    || rows < 2) {
                return 0;
            }
            for (int i = 1; i < classes.length; i++) {
                if (classes[i] == classes[0]) {
                    return 0;
                }
            }
            return firstRowLine;
        }

        private void accept(char c) throws CsvException {
            if (c > '"' && c < 0x80 && c != separator && quoting == UNQUOTED) {
                // The common case: a visible ASCII character of an unquoted cell (all the special ones are below '"').
                afterCarriageReturn = false;
                blank = false;
                state = trailing > 0 ? INVALID : next(state, c);
                trailing = 0;
                length++;
                keep(c);
                return;
            }
            if (afterCarriageReturn) {
                afterCarriageReturn = false;
                if (c == '\n') {
                    if (quoting == QUOTED) {
                        cellCharacter(c);
                    }
                    return;
                }
            }
            if (quoting != UNQUOTED) {
                if (quoting == QUOTED) {
                    quoted(c);
                    return;
                }
                if (quoting == QUOTE_IN_QUOTED) {
                    if (c == '"') {
                        quoting = QUOTED;
                        cellCharacter(c);
                        return;
                    }
                    quoting = CLOSED;
                }
                if (c != separator && c != '\n' && c != '\r' && !Character.isWhitespace(c)) {
                    throw new CsvException(file, lineNumber(line), "column " + (cells + 1) + " has "
                            + (c == '"' ? "a quote" : "text") + " after its closing quote");
                }
            }
            if (c == separator) {
                blank = false;
                endCell(false);
            } else if (c == '\n') {
                endLine();
            } else if (c == '\r') {
                endLine();
                afterCarriageReturn = true;
            } else if (c == '"' && length == 0 && quoting == UNQUOTED) {
                blank = false;
                quoting = QUOTED;
                quoteLine = line;
            } else if (c == '\0') {
                throw nul();
            } else if (quoting == UNQUOTED || !Character.isWhitespace(c)) {
                cellCharacter(c);
            }
        }

        /** A character inside quotes: a line break counts as a line and is part of the cell. */
        private void quoted(char c) throws CsvException {
            switch (c) {
                case '"' -> quoting = QUOTE_IN_QUOTED;
                case '\n' -> {
                    line++;
                    cellCharacter(c);
                }
                case '\r' -> {
                    line++;
                    afterCarriageReturn = true;
                    cellCharacter(c);
                }
                case '\0' -> throw nul();
                default -> cellCharacter(c);
            }
        }

        private CsvException nul() throws CsvException {
            return new CsvException(file, lineNumber(line), "holds a NUL character; this is a binary file, not CSV text");
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
            if (text.length() <= MAX_NUMBER_CHARS) {
                text.append(c);
            }
        }

        private int lineNumber(long number) throws CsvException {
            if (number > Integer.MAX_VALUE) {
                throw new CsvException(file, "has more than " + Integer.MAX_VALUE + " lines");
            }
            return (int) number;
        }

        private void endLine() throws CsvException {
            if (!blank) {
                endCell(true);
            }
            blank = true;
            cells = 0;
            line++;
            rowStart = line;
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
                throw new CsvException(file, lineNumber(line), "more than " + MAX_VALUES + " values in one line");
            }
            if (cells == 0) {
                rowLine = lineNumber(rowStart);
            }
            cells++;
            if (phase == ROWS) {
                rowCell(kind, column, last, contentLength);
            } else {
                lineCell(kind, column, last, contentLength);
            }
            text.setLength(0);
            state = START;
            length = 0;
            trailing = 0;
            quoting = UNQUOTED;
        }

        /**
         * A cell of a row. Its problem waits for the end of the line: a row of the wrong width is
         * reported as that, not as a label that landed among the features.
         */
        private void rowCell(int kind, int column, boolean last, long cellLength) throws CsvException {
            if (column < columns) {
                try {
                    if (column == labelIndex) {
                        if (last || column < columns - 1) {
                            if (emptyLastLabel(kind, column, last)) {
                                rowProblem = cellProblem(kind, column, cellLength);
                            }
                            label = labelling.label(kind, text, cellLength, column, rowLine);
                        }
                    } else {
                        row[column] = feature(kind, column, cellLength);
                    }
                } catch (CsvException e) {
                    rowProblem = rowProblem == null ? e : rowProblem;
                }
            }
            if (last) {
                requireColumns(cells, rowLine);
                if (rowProblem != null) {
                    throw rowProblem;
                }
                commit(row);
            }
        }

        /**
         * Whether the label is an empty last cell of several, which a separator at the end of every line
         * leaves: reported before the features, since the label it pushed among them is no number.
         */
        private static boolean emptyLastLabel(int kind, int column, boolean last) {
            return kind == EMPTY && last && column > 0;
        }

        /** A cell of a line read before the shape is known: its problems wait for the line to turn out a row. */
        private void lineCell(int kind, int column, boolean last, long cellLength) throws CsvException {
            Line line = reading;
            if (column == 0) {
                line.reset(rowLine);
            }
            line.cells = cells;
            line.texts.add(text.toString());
            if (phase == FIRST_LINE && named && text.length() == cellLength
                    && shape.column().name().contentEquals(text)) {
                if (headerIndex >= 0) {
                    throw new CsvException(file, line.number, "the header names columns " + (headerIndex + 1) + " and "
                            + (column + 1) + " '" + quote(text, cellLength) + "'; give the label column by its position");
                }
                headerIndex = column;
            }
            boolean labelCell = shape.column().last() || named ? last : column == shape.column().position() - 1;
            if (named && phase != FIRST_LINE) {
                labelCell = column == headerIndex;
            }
            float value = 0;
            CsvException problem = null;
            if (labelCell || line.problem == null) {
                // Once a line has a problem its values no longer matter: no exception is made per cell.
                try {
                    value = feature(kind, column, cellLength);
                } catch (CsvException e) {
                    problem = e;
                }
            }
            line.set(column, value);
            if (labelCell) {
                line.labelColumn = column;
                line.labelKind = kind;
                line.labelText = text.toString();
                line.labelLength = cellLength;
                line.labelCellProblem = problem;
            } else {
                line.featureNumber |= numeric(kind);
                if (line.problem == null && problem != null) {
                    line.problem = problem;
                    line.problemColumn = column;
                }
            }
            if (last) {
                content = true;
                endOfLine(line);
            }
        }

        /** Decides what a line read before the shape is known was: a header, a row, or the first line kept. */
        private void endOfLine(Line line) throws CsvException {
            switch (phase) {
                case FIRST_LINE -> {
                    CsvDataset.Header choice = shape.header();
                    if (named || choice == CsvDataset.Header.YES
                            || choice == CsvDataset.Header.AUTO && (looksLikeHeader(line) || namesTheFeatures(line))) {
                        header(line);
                        phase = FIRST_ROW;
                        if (named && headerIndex < 0) {
                            throw new CsvException(file, line.number, "no column is named '"
                                    + quote(shape.column().name(), shape.column().name().length()) + "' in this line, "
                                    + "which a label column given by name takes for the header; without a header, give "
                                    + "the column's position");
                        }
                    } else if (choice == CsvDataset.Header.AUTO && mayBeLabelled(line) && line.labelKind == OTHER) {
                        // "0,1,2,label" is a header if the next line shows it, else a row of a named class.
                        phase = SECOND_LINE;
                        reading = kept;
                        kept = line;
                    } else {
                        firstRow(line);
                    }
                }
                case SECOND_LINE -> {
                    if (showsHeader(line)) {
                        header(kept);
                        headerOfNumbersLine = kept.number;
                        firstRow(line);
                    } else {
                        firstRow(kept);
                        secondRow(line);
                    }
                }
                default -> firstRow(line);
            }
        }

        private void header(Line line) {
            header = true;
            headerLine = line.number;
            headerTexts = new ArrayList<>(line.texts);
        }

        /** Whether a first line is a header by its look alone: none of its feature cells is a number. */
        private boolean looksLikeHeader(Line line) {
            boolean labelled = mayBeLabelled(line);
            boolean featureNumber = line.featureNumber || !labelled && numeric(line.labelKind);
            boolean featureCells = line.cells > 1 || !labelled;
            return !featureNumber && (featureCells || !numeric(line.labelKind));
        }

        /**
         * Whether the line after a first line of numbers and a name ({@code kept}) shows that one to be
         * a header: its label is a number, or one of the model's class names while the first line's is not.
         */
        private boolean showsHeader(Line line) {
            if (!mayBeLabelled(line) || !shape.featureNames().isEmpty()) {
                // A model that knows its features' names took its header on the first line already.
                return false;
            }
            return numeric(line.labelKind) || labelling.isModelClass(line.labelKind, line.labelText)
                    && !labelling.isModelClass(kept.labelKind, kept.labelText);
        }

        /**
         * Whether the line names a model's features, label cell aside: a header, whatever its names look
         * like ({@code 0,1,2,3}, as a data frame's numbered columns are written).
         */
        private boolean namesTheFeatures(Line line) {
            List<String> names = shape.featureNames();
            if (names.isEmpty() || line.cells != names.size() && line.cells != names.size() + 1) {
                return false;
            }
            return withoutColumn(line.texts, line.cells == names.size() + 1 ? line.labelColumn : -1).equals(names);
        }

        /** {@code cells} without the one at {@code column}, all of them when it is -1. */
        private static List<String> withoutColumn(List<String> cells, int column) {
            List<String> kept = new ArrayList<>(cells);
            if (column >= 0) {
                kept.remove(column);
            }
            return List.copyOf(kept);
        }

        /** Whether the line's label cell would hold its label: it has one, and for a model the right columns. */
        private boolean mayBeLabelled(Line line) {
            return line.labelColumn >= 0 && (shape.labelRequired() || line.cells == shape.inputs() + 1);
        }

        /** The first row: it sets the shape, and its problems, if any, are reported. */
        private void firstRow(Line line) throws CsvException {
            phase = ROWS;
            columns = line.cells;
            firstRowLine = line.number;
            labelIndex = shape.labelIndex(file, line.number, columns, named, headerIndex);
            featureColumns = labelIndex >= 0 ? columns - 1 : columns;
            if (labelIndex >= 0 && labelIndex != line.labelColumn) {
                throw new IllegalStateException("the label cell was column " + line.labelColumn + ", not " + labelIndex);
            }
            firstRowLabelKind = line.labelKind;
            requireHeaderNamesEachColumn();
            requireFeatureNames();
            commitHeld(line);
            row = Arrays.copyOf(row, Math.max(row.length, columns));
        }

        /**
         * A header names each column once, and in training data a feature's in at most
         * {@value #MAX_NAME_BYTES} bytes (the model keeps them): a header of another width would name
         * the columns wrongly.
         */
        private void requireHeaderNamesEachColumn() throws CsvException {
            if (!header) {
                return;
            }
            if (headerTexts.size() != columns) {
                throw new CsvException(file, headerLine, "the header has " + headerTexts.size() + " "
                        + (headerTexts.size() == 1 ? "cell" : "cells") + ", but line " + firstRowLine + " has "
                        + columns + " " + (columns == 1 ? "value" : "values"));
            }
            for (int j = 0; j < columns; j++) {
                String name = headerTexts.get(j);
                boolean tooLong = name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES;
                // Only a model trained here keeps the names; a long one elsewhere harms nothing.
                if (shape.training() && j != labelIndex && tooLong) {
                    throw new CsvException(file, headerLine, "column " + (j + 1) + "'s name is longer than "
                            + MAX_NAME_BYTES + " bytes");
                }
            }
        }

        /** The header's names of the feature columns, in order, or an empty list (see {@link CsvTable#featureNames}). */
        private List<String> featureNames() {
            if (!header) {
                return List.of();
            }
            return withoutColumn(headerTexts, labelIndex);
        }

        /**
         * For a model that knows its features' names: a header must name the same features in the same
         * order, so that a file whose columns differ from the training file's (one feature left out,
         * so that the label column passes for the last feature) is refused rather than misread.
         */
        private void requireFeatureNames() throws CsvException {
            List<String> expected = shape.featureNames();
            if (!header || expected.isEmpty()) {
                return;
            }
            String trained = " (it was trained on " + describe(expected) + ")";
            List<String> found = featureNames();
            for (int j = 0; j < expected.size(); j++) {
                if (!expected.get(j).equals(found.get(j))) {
                    int column = labelIndex >= 0 && j >= labelIndex ? j + 2 : j + 1;
                    throw new CsvException(file, headerLine, "column " + column + " is named '"
                            + quote(found.get(j), found.get(j).length()) + "', but the model's feature " + (j + 1)
                            + " is '" + quote(expected.get(j), expected.get(j).length()) + "'" + trained);
                }
            }
        }

        /** The first names, each quoted as a cell is, and how many more there are. */
        private static String describe(List<String> names) {
            int shown = Math.min(names.size(), NAMES_SHOWN);
            StringBuilder text = new StringBuilder();
            for (int j = 0; j < shown; j++) {
                text.append(j == 0 ? "'" : ", '").append(quote(names.get(j), names.get(j).length())).append('\'');
            }
            return names.size() > shown ? text.append(" and ").append(names.size() - shown).append(" more").toString()
                    : text.toString();
        }

        /** The line after a first line that turned out a row: a row like any other. */
        private void secondRow(Line line) throws CsvException {
            requireColumns(line.cells, line.number);
            commitHeld(line);
        }

        /** A line held while the header was undecided: its first problem, if any, else its label and features. */
        private void commitHeld(Line line) throws CsvException {
            if (labelIndex >= 0 && emptyLastLabel(line.labelKind, labelIndex, labelIndex == columns - 1)) {
                throw Labels.cellProblem(file, line.number, EMPTY, "", labelIndex, 0);
            }
            CsvException problem = line.featureProblem(labelIndex);
            if (problem != null) {
                throw problem;
            }
            if (labelIndex >= 0) {
                try {
                    label = labelling.label(line.labelKind, line.labelText, line.labelLength, labelIndex, line.number);
                } catch (CsvException e) {
                    throw perhapsAHeader(e, line);
                }
            }
            commit(line.values);
        }

        /**
         * A first line whose label is a word, refused as a row, may have been meant for a header of
         * numbers that names other features than the model's (0,1,3,2,label): the message says so.
         */
        private CsvException perhapsAHeader(CsvException problem, Line line) {
            List<String> names = shape.featureNames();
            if (names.isEmpty() || header || line.number != firstRowLine || line.labelKind != OTHER) {
                return problem;
            }
            return new CsvException(file, line.number, problem.problem() + "; if this line is a header, it does not name the "
                    + "model's features (" + describe(names) + ")");
        }

        private void requireColumns(int count, int lineNumber) throws CsvException {
            if (count != columns) {
                throw new CsvException(file, lineNumber, count + " " + (count == 1 ? "value" : "values")
                        + ", but line " + firstRowLine + " has " + columns);
            }
        }

        private void commit(float[] cells) throws CsvException {
            if ((rows + 1L) * Math.max(1, featureColumns) > MAX_VALUES) {
                throw new CsvException(file, rowLine, "more than " + MAX_VALUES
                        + " numbers; vecnet keeps a data set in one array of at most that many");
            }
            if (labelIndex < 0) {
                for (int j = 0; j < columns; j++) {
                    values.add(cells[j]);
                }
            } else {
                for (int j = 0; j < labelIndex; j++) {
                    values.add(cells[j]);
                }
                for (int j = labelIndex + 1; j < columns; j++) {
                    values.add(cells[j]);
                }
                labels.add(label);
            }
            rows++;
        }

        private float feature(int kind, int column, long cellLength) throws CsvException {
            if (kind != NUMBER) {
                throw cellProblem(kind, column, cellLength);
            }
            float value = toFloat(exactDouble(text), text);
            if (Float.isInfinite(value)) {
                throw new CsvException(file, rowLine, "column " + (column + 1) + " " + quote(text, cellLength)
                        + " is too large for a float32");
            }
            return value;
        }

        private CsvException cellProblem(int kind, int column, long cellLength) {
            return Labels.cellProblem(file, rowLine, kind, text, column, cellLength);
        }
    }

    /**
     * Turns label cells into class numbers. Given a number of classes, labels are class numbers
     * {@code 0..classes-1}; given a model's class names, labels are those names. Otherwise they are
     * inferred: integers whose smallest is 0 are class numbers up to the largest; other integers
     * (1-based ones, -1 and 1) are names, their values in numerical order; a column with any label
     * that is not a number names its classes, in code point order. Names are at most
     * {@value #MAX_NAME_BYTES} UTF-8 bytes, classes at most {@link CsvDataset#MAX_CLASSES}.
     */
    private static final class Labels {
        private final Path file;
        private final Shape shape;
        private final Map<String, Integer> modelNames;
        private static final long NOT_AN_INTEGER = Long.MIN_VALUE;

        // Inferred labels while every one is an integer: the values as read.
        private long smallest = Long.MAX_VALUE;
        private long largest = Long.MIN_VALUE;
        private CsvException firstTooLarge;
        private int count;

        // Inferred labels once one is not an integer: names, numbered as met.
        private Map<String, Integer> names;
        private List<String> nameList;
        /** How many labels came before the first name, as integer values. */
        private int valuesBeforeNames;
        /** A label neither a number nor numeric text met (only numbers make the column numeric after all). */
        private boolean sawText;
        private CsvException firstNonInteger;
        private int classes;

        Labels(Path file, Shape shape) {
            this.file = file;
            this.shape = shape;
            if (shape.names().isEmpty()) {
                modelNames = null;
            } else {
                modelNames = new HashMap<>();
                for (int k = 0; k < shape.names().size(); k++) {
                    modelNames.putIfAbsent(shape.names().get(k), k);
                }
            }
        }

        int classes() {
            return classes;
        }

        int label(int kind, CharSequence text, long cellLength, int column, int line) throws CsvException {
            if (kind != NUMBER && kind != OTHER) {
                throw cellProblem(file, line, kind, text, column, cellLength);
            }
            double value = kind == NUMBER ? value(text) : Double.NaN;
            boolean fraction = kind == NUMBER && value != Math.rint(value);
            long integer = integer(value);
            count++;
            if (modelNames != null) {
                Integer k = modelNames.get(modelName(integer, text));
                if (k == null) {
                    throw new CsvException(file, line, "label '" + quote(text, cellLength) + "' (column " + (column + 1)
                            + ") is not one of the model's classes (" + someNames() + ")");
                }
                return k;
            }
            if (!shape.inferred()) {
                if (integer != NOT_AN_INTEGER && integer >= 0 && integer < shape.classes()) {
                    return (int) integer;
                }
                if (kind == OTHER) {
                    throw new CsvException(file, line, "column " + (column + 1) + " '" + quote(text, cellLength)
                            + "' is not a class number 0.." + (shape.classes() - 1));
                }
                throw new CsvException(file, line, labelDescription(kind, text, cellLength, column)
                        + (fraction ? "is not an integer class" : outside()));
            }
            if (names == null && integer != NOT_AN_INTEGER) {
                smallest = Math.min(smallest, integer);
                largest = Math.max(largest, integer);
                if (integer >= CsvDataset.MAX_CLASSES && firstTooLarge == null) {
                    firstTooLarge = new CsvException(file, line, labelDescription(kind, text, cellLength, column)
                            + mostClasses());
                }
                return (int) integer;
            }
            // A label that is not an integer: the column names its classes, unless it holds only numbers.
            if (kind == NUMBER && integer == NOT_AN_INTEGER && firstNonInteger == null) {
                firstNonInteger = new CsvException(file, line, labelDescription(kind, text, cellLength, column)
                        + (fraction ? "is not an integer class" : mostClasses()));
            }
            if (names == null) {
                names = new HashMap<>();
                nameList = new ArrayList<>();
                valuesBeforeNames = count - 1;
            }
            String name;
            if (integer != NOT_AN_INTEGER) {
                name = Long.toString(integer);
            } else {
                if (cellLength > MAX_NAME_BYTES || utf8Length(text) > MAX_NAME_BYTES) {
                    throw new CsvException(file, line, "label '" + quote(text, cellLength) + "' (column " + (column + 1)
                            + ") is longer than " + MAX_NAME_BYTES + " bytes, the longest class name vecnet keeps");
                }
                name = text.toString();
                sawText |= kind == OTHER;
            }
            Integer id = names.get(name);
            if (id != null) {
                return id;
            }
            if (names.size() == CsvDataset.MAX_CLASSES) {
                throw new CsvException(file, line, "label '" + quote(text, cellLength) + "' (column " + (column + 1)
                        + ") would be class " + (CsvDataset.MAX_CLASSES + 1) + "; vecnet supports at most "
                        + CsvDataset.MAX_CLASSES);
            }
            return add(name);
        }

        /** Whether a label cell names one of the model's classes; false when there is no model or it numbers them. */
        boolean isModelClass(int kind, CharSequence text) {
            if (modelNames == null || kind != NUMBER && kind != OTHER) {
                return false;
            }
            return modelNames.containsKey(modelName(integer(kind == NUMBER ? value(text) : Double.NaN), text));
        }

        /** A number cell's value as a correctly rounded double. */
        private static double value(CharSequence text) {
            double value = exactDouble(text);
            return Double.isNaN(value) ? Double.parseDouble(text.toString()) : value;
        }

        /** {@code value} when it is an integer of magnitude at most {@code Integer.MAX_VALUE}, else {@link #NOT_AN_INTEGER}. */
        private static long integer(double value) {
            return value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE ? (long) value : NOT_AN_INTEGER;
        }

        /** The name a label is looked up by among the model's: an integer's value, else the text. */
        private static String modelName(long integer, CharSequence text) {
            return integer != NOT_AN_INTEGER ? Long.toString(integer) : text.toString();
        }

        /** {@code label X (column C) }, with quotes around X when it is not a number. */
        private static String labelDescription(int kind, CharSequence text, long cellLength, int column) {
            String label = kind == NUMBER ? quote(text, cellLength) : "'" + quote(text, cellLength) + "'";
            return "label " + label + " (column " + (column + 1) + ") ";
        }

        private static long utf8Length(CharSequence text) {
            long bytes = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
            }
            return bytes;
        }

        private int add(String name) {
            names.put(name, names.size());
            nameList.add(name);
            return names.size() - 1;
        }

        private String mostClasses() {
            return "is outside 0.." + (CsvDataset.MAX_CLASSES - 1) + ", the most classes vecnet supports";
        }

        private String outside() {
            return "is outside 0.." + (shape.classes() - 1) + " for " + shape.classes() + " classes";
        }

        /** The model's first few class names, for a message. */
        private String someNames() {
            StringBuilder list = new StringBuilder();
            List<String> all = shape.names();
            for (int k = 0; k < all.size(); k++) {
                if (k == 5) {
                    return list.append(", \u2026 ").append(all.size()).append(" in all").toString();
                }
                list.append(k == 0 ? "'" : ", '").append(quote(all.get(k), all.get(k).length())).append('\'');
            }
            return list.toString();
        }

        /** Renumbers {@code labels} in place as the classes finally are, and returns their names (none when numbered). */
        List<String> finish(int[] labels) throws CsvException {
            if (modelNames != null || !shape.inferred()) {
                classes = shape.classes();
                return List.of();
            }
            if (names == null) {
                if (smallest == 0) {
                    if (firstTooLarge != null) {
                        throw firstTooLarge;
                    }
                    classes = (int) largest + 1;
                    return List.of();
                }
                return integerNames(labels);
            }
            if (!sawText) {
                throw firstNonInteger;
            }
            for (int i = 0; i < valuesBeforeNames; i++) {
                String name = Integer.toString(labels[i]);
                Integer id = names.get(name);
                labels[i] = id != null ? id : add(name);
            }
            if (names.size() > CsvDataset.MAX_CLASSES) {
                throw new CsvException(file, "has more than " + CsvDataset.MAX_CLASSES + " class labels");
            }
            Integer[] order = new Integer[nameList.size()];
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
            }
            Arrays.sort(order, (a, b) -> compareCodePoints(nameList.get(a), nameList.get(b)));
            int[] renumber = new int[order.length];
            List<String> sorted = new ArrayList<>(order.length);
            for (int k = 0; k < order.length; k++) {
                renumber[order[k]] = k;
                sorted.add(nameList.get(order[k]));
            }
            for (int i = 0; i < labels.length; i++) {
                labels[i] = renumber[labels[i]];
            }
            classes = sorted.size();
            return List.copyOf(sorted);
        }

        /** Integer labels not starting at 0: their distinct values, in order, are the classes and their names. */
        private List<String> integerNames(int[] labels) throws CsvException {
            int[] distinct = labels.clone();
            Arrays.sort(distinct);
            int n = 0;
            for (int i = 0; i < distinct.length; i++) {
                if (n == 0 || distinct[i] != distinct[n - 1]) {
                    distinct[n++] = distinct[i];
                }
            }
            if (n > CsvDataset.MAX_CLASSES) {
                throw new CsvException(file, "has " + n + " distinct class labels; vecnet supports at most "
                        + CsvDataset.MAX_CLASSES);
            }
            for (int i = 0; i < labels.length; i++) {
                labels[i] = Arrays.binarySearch(distinct, 0, n, labels[i]);
            }
            List<String> list = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                list.add(Integer.toString(distinct[k]));
            }
            classes = n;
            return List.copyOf(list);
        }

        static CsvException cellProblem(Path file, int line, int kind, CharSequence text, int column, long cellLength) {
            String where = "column " + (column + 1);
            return new CsvException(file, line, switch (kind) {
                case EMPTY -> where + " is empty";
                case NOT_FINITE -> where + " is " + text + "; values must be finite numbers";
                case LONG_NUMBER -> where + " is a number of " + cellLength + " characters; vecnet reads numbers of at most "
                        + MAX_NUMBER_CHARS;
                default -> where + " '" + quote(text, cellLength) + "' is not a number";
            });
        }
    }

    /**
     * The cell's number rounded once to the nearest float: from {@code exact}, the number as a
     * correctly rounded double, when rounding that to float gives the same result, else by
     * {@link Float#parseFloat}. Rounding twice differs from rounding once only when the double
     * lies exactly halfway between two floats, or among the subnormals, whose halfway points lie
     * elsewhere; both are left to {@code parseFloat}.
     */
    private static float toFloat(double exact, CharSequence text) {
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
     * The number in {@code text} (already known to be well formed) as the correctly rounded double,
     * computed without allocating when the digits fit in a double exactly and the power of ten is at
     * most 10^22 (Clinger's fast path: one correctly rounded multiplication or division of two exact
     * operands); NaN otherwise.
     */
    private static double exactDouble(CharSequence text) {
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
}
