package io.vecnet.io;

import io.vecnet.Matrix;
import io.vecnet.data.Dataset;
import io.vecnet.nn.Classifier;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Classification data as CSV: each row holds the features and a class label, by default in the
 * last column, for example {@code 0.25,-1.5,2} or {@code 5.1,3.5,1.4,0.2,setosa}.
 *
 * <p>The labels become class numbers {@code 0..K-1} as scikit-learn's {@code LabelEncoder} would
 * number them, except that integer labels starting at 0 keep their values:
 * <ul>
 * <li>integers whose smallest is 0 are class numbers, K the largest plus one (or given);
 * <li>other integers (1-based {@code 1..3}, or {@code -1} and {@code 1}) are class names, numbered in
 *     numerical order;
 * <li>a label column with anything but numbers names its classes, numbered in code point order
 *     ({@code setosa, versicolor, virginica}); a number among them is named as written, an integer by
 *     its value.
 * </ul>
 * Class names are kept ({@link LabelledData#classNames()}) so that a model can print them back.
 *
 * <p>The separator (comma, semicolon or tab), quoting, headers and errors are described in
 * {@link CsvTable}; every problem is reported as a {@link CsvException} naming the file and line.
 */
public final class CsvDataset {
    /** The largest number of classes a label column may imply when the number is not given. */
    public static final int MAX_CLASSES = 65_536;

    /** Rows to predict: features, and labels when the file has them ({@code null} otherwise). */
    /**
     * Rows to predict: their features, their labels or null, the header's names of the feature
     * columns (empty without a header), and the line of a header of numbers that only the next line
     * showed to be one, 0 when there is none: a row whose label is misspelt looks the same, so a
     * caller should say which it took.
     */
    public record Examples(Matrix features, int[] labels, List<String> featureNames, int headerOfNumbersLine) {
        public Examples {
            featureNames = List.copyOf(featureNames);
        }

        public boolean labelled() {
            return labels != null;
        }
    }

    /**
     * A data set, the names of its classes in class order (an empty list when they are numbered), the
     * header's names of its feature columns in order (an empty list without a header), and the line
     * of a first row that may well be a header read as a row, 0 when there is none: with
     * {@link Header#AUTO}, a first row whose label is a name that no other row has, above rows of
     * numbers, as {@code 400,500,600,700,species} above iris's rows would be.
     */
    public record LabelledData(Dataset data, List<String> classNames, List<String> featureNames,
                               int suspectedHeaderLine) {
        public LabelledData {
            classNames = List.copyOf(classNames);
            featureNames = List.copyOf(featureNames);
        }

        public LabelledData(Dataset data, List<String> classNames) {
            this(data, classNames, List.of(), 0);
        }
    }

    /** Whether the first line is a header: always, never, or when it looks like one ({@link CsvTable} says how). */
    public enum Header {
        AUTO, YES, NO;

        /** Parses {@code auto|yes|no}, case-insensitively, with a message listing the choices. */
        public static Header parse(String name) {
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown header choice '" + name + "' (expected auto, yes or no)");
            }
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The choice as {@code --header} takes it: {@code auto}, {@code yes} or {@code no}. */
        @Override
        public String toString() {
            return label();
        }
    }

    /**
     * Which column holds the class labels: the last ({@link #LAST}), a 1-based position, or the
     * column a header line names (which makes the first line a header).
     */
    public record LabelColumn(int position, String name) {
        public static final LabelColumn LAST = new LabelColumn(0, null);

        public LabelColumn {
            if (position < 0 || name != null && (position != 0 || name.isEmpty())) {
                throw new IllegalArgumentException("a label column is a position from 1 or a name");
            }
        }

        /** The column at 1-based {@code position}. */
        public static LabelColumn at(int position) {
            if (position < 1) {
                throw new IllegalArgumentException("column positions start at 1, got " + position);
            }
            return new LabelColumn(position, null);
        }

        /** The column whose header cell is {@code name}. */
        public static LabelColumn named(String name) {
            return new LabelColumn(0, name);
        }

        /** A position when {@code text} is digits only, a name otherwise (surrounding whitespace ignored). */
        public static LabelColumn parse(String text) {
            String trimmed = text.strip();
            if (trimmed.isEmpty()) {
                throw new IllegalArgumentException("a label column is a position from 1 or a name, got ''");
            }
            if (trimmed.matches("-[0-9]+")) {
                throw new IllegalArgumentException("a label column is a position from 1 or a name, got " + trimmed
                        + ": positions do not count from the end; the last column is the default");
            }
            for (int i = 0; i < trimmed.length(); i++) {
                if (trimmed.charAt(i) < '0' || trimmed.charAt(i) > '9') {
                    return named(trimmed);
                }
            }
            try {
                return at(Integer.parseInt(trimmed));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("no file has a column " + trimmed, e);
            }
        }

        public boolean last() {
            return position == 0 && name == null;
        }

        @Override
        public String toString() {
            return name != null ? "'" + CsvTable.quote(name, name.length()) + "'"
                    : position == 0 ? "last" : Integer.toString(position);
        }
    }

    private CsvDataset() {
    }

    /**
     * Reads labelled data with class numbers {@code 0..K-1} last, K being the largest plus one. Labels
     * that are names, or numbers from 1, are refused: {@link #readLabelled(Path, LabelColumn)} maps
     * them to classes and keeps the names, which a model needs to read another file the same way
     * (mapped here and dropped, a test file missing a class would be numbered differently).
     */
    public static Dataset read(Path file) throws IOException {
        LabelledData labelled = readLabelled(file, LabelColumn.LAST);
        List<String> names = labelled.classNames();
        if (!names.isEmpty()) {
            throw new CsvException(file, "its labels are not class numbers 0.." + (names.size() - 1) + " but names, "
                    + "such as '" + CsvTable.quote(names.get(0), names.get(0).length()) + "'; read it with readLabelled, "
                    + "which keeps them");
        }
        return labelled.data();
    }

    /** Reads labelled data with class numbers {@code 0..classes-1} last. */
    public static Dataset read(Path file, int classes) throws IOException {
        return readLabelled(file, LabelColumn.LAST, classes).data();
    }

    /** Reads labelled data with its labels in {@code column}; the classes, named or numbered, are inferred. */
    public static LabelledData readLabelled(Path file, LabelColumn column) throws IOException {
        return readLabelled(file, column, Header.AUTO);
    }

    /** As {@link #readLabelled(Path, LabelColumn)}, the first line being a header as {@code header} says. */
    public static LabelledData readLabelled(Path file, LabelColumn column, Header header) throws IOException {
        CsvTable table = CsvTable.read(file, CsvTable.Shape.labelled(column, header));
        return new LabelledData(Dataset.adopt(table.features, table.labels, table.classes), table.classNames,
                table.featureNames, table.suspectedHeaderLine);
    }

    /** Reads labelled data with class numbers {@code 0..classes-1} in {@code column}. */
    public static LabelledData readLabelled(Path file, LabelColumn column, int classes) throws IOException {
        return readLabelled(file, column, classes, Header.AUTO);
    }

    /** As {@link #readLabelled(Path, LabelColumn, int)}, the first line being a header as {@code header} says. */
    public static LabelledData readLabelled(Path file, LabelColumn column, int classes, Header header)
            throws IOException {
        CsvTable table = CsvTable.read(file, CsvTable.Shape.labelled(classes, column, header));
        return new LabelledData(Dataset.adopt(table.features, table.labels, classes), List.of(), table.featureNames,
                0);
    }

    /**
     * Reads rows for a model with {@code inputs} features and {@code classes} numbered classes: a
     * file with one more column than {@code inputs} is labelled (last), a file with exactly
     * {@code inputs} is not.
     */
    public static Examples readExamples(Path file, int inputs, int classes) throws IOException {
        CsvTable table = CsvTable.read(file, CsvTable.Shape.examples(inputs, classes, List.of(), List.of(),
                LabelColumn.LAST, Header.AUTO));
        return new Examples(table.features, table.labels, table.featureNames, table.headerOfNumbersLine);
    }

    /**
     * Reads rows for {@code model}, with the model's class names when it has them, else class
     * numbers: with the label column {@link LabelColumn#LAST}, a file with one more column than the
     * model's inputs is labelled, one with exactly as many is not; a column given by position or
     * name must be there and leave the model's inputs as features. When the model knows its features'
     * names, a header must name the same features in the same order.
     */
    public static Examples readExamples(Path file, Classifier model, LabelColumn column) throws IOException {
        return readExamples(file, model, column, Header.AUTO);
    }

    /** As {@link #readExamples(Path, Classifier, LabelColumn)}, the first line being a header as {@code header} says. */
    public static Examples readExamples(Path file, Classifier model, LabelColumn column, Header header)
            throws IOException {
        CsvTable table = CsvTable.read(file, CsvTable.Shape.examples(model.inputs(), model.classes(),
                model.classNames(), model.featureNames(), column, header));
        return new Examples(table.features, table.labels, table.featureNames, table.headerOfNumbersLine);
    }

    /** Writes {@code data} as CSV with a header {@code x1,...,xD,label}, all at once or not at all. */
    public static void write(Dataset data, Path file) throws IOException {
        AtomicFile.write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            write(data, writer);
            writer.flush();
        });
    }

    /**
     * Writes {@code data} as CSV; floats are written in their shortest form that reads back exactly.
     * The writer's errors propagate as they are (a {@link java.io.PrintWriter} keeps its own, as it does).
     */
    public static void write(Dataset data, Writer writer) throws IOException {
        for (int j = 0; j < data.dimensions(); j++) {
            writer.write("x" + (j + 1) + ",");
        }
        writer.write("label\n");
        for (int i = 0; i < data.size(); i++) {
            for (int j = 0; j < data.dimensions(); j++) {
                writer.write(Float.toString(data.feature(i, j)));
                writer.write(',');
            }
            writer.write(Integer.toString(data.label(i)));
            writer.write('\n');
        }
        writer.flush();
    }
}
