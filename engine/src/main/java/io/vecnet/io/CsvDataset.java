package io.vecnet.io;

import io.vecnet.Matrix;
import io.vecnet.data.Dataset;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Classification data as CSV: each row holds the features and then an integer class label
 * {@code 0..K-1} in the last column, for example {@code 0.25,-1.5,2}. An optional header row (a
 * first line with no number in it) is skipped. Every problem is reported as a {@link CsvException}
 * naming the file and line.
 */
public final class CsvDataset {
    /** The largest number of classes a label column may imply when the number is not given. */
    public static final int MAX_CLASSES = 65_536;

    /** Rows to predict: features, and labels when the file has them ({@code null} otherwise). */
    public record Examples(Matrix features, int[] labels) {
        public boolean labelled() {
            return labels != null;
        }
    }

    private CsvDataset() {
    }

    /** Reads labelled data; the number of classes is the largest label plus one. */
    public static Dataset read(Path file) throws IOException {
        CsvTable table = CsvTable.read(file);
        requireLabelColumn(table);
        int[] labels = labels(table, MAX_CLASSES);
        return Dataset.adopt(features(table, table.columns - 1), labels, largest(labels) + 1);
    }

    /** Reads labelled data with labels in {@code 0..classes-1}. */
    public static Dataset read(Path file, int classes) throws IOException {
        CsvTable table = CsvTable.read(file);
        requireLabelColumn(table);
        return Dataset.adopt(features(table, table.columns - 1), labels(table, classes), classes);
    }

    /**
     * Reads rows for a model with {@code inputs} features and {@code classes} classes: a file with
     * one more column than {@code inputs} is labelled, a file with exactly {@code inputs} is not.
     */
    public static Examples readExamples(Path file, int inputs, int classes) throws IOException {
        CsvTable table = CsvTable.read(file);
        if (table.columns == inputs) {
            return new Examples(features(table, inputs), null);
        }
        if (table.columns == inputs + 1) {
            return new Examples(features(table, inputs), labels(table, classes));
        }
        throw new CsvException(file, table.lineOf(0), table.columns + " columns, but the model takes " + inputs
                + " features (" + inputs + " columns, or " + (inputs + 1) + " with a label)");
    }

    /** Writes {@code data} as CSV with a header {@code x1,...,xD,label}, all at once or not at all. */
    public static void write(Dataset data, Path file) throws IOException {
        AtomicFile.write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            write(data, writer);
            writer.flush();
        });
    }

    /** Writes {@code data} as CSV; floats are written in their shortest form that reads back exactly. */
    public static void write(Dataset data, Writer writer) throws IOException {
        PrintWriter out = new PrintWriter(writer);
        for (int j = 0; j < data.dimensions(); j++) {
            out.print("x" + (j + 1) + ",");
        }
        out.print("label\n");
        float[] x = data.features().data();
        for (int i = 0; i < data.size(); i++) {
            for (int j = 0; j < data.dimensions(); j++) {
                out.print(Float.toString(x[i * data.dimensions() + j]));
                out.print(',');
            }
            out.print(data.labels()[i]);
            out.print('\n');
        }
        out.flush();
        if (out.checkError()) {
            throw new IOException("could not write the CSV data");
        }
    }

    private static void requireLabelColumn(CsvTable table) throws CsvException {
        if (table.columns < 2) {
            throw new CsvException(table.file, table.lineOf(0),
                    "1 column; a row needs at least one feature and a class label last");
        }
    }

    private static Matrix features(CsvTable table, int count) {
        Matrix x = new Matrix(table.rows, count);
        for (int i = 0; i < table.rows; i++) {
            for (int j = 0; j < count; j++) {
                x.set(i, j, (float) table.get(i, j));
            }
        }
        return x;
    }

    /** The last column as labels, each an integer in {@code 0..classes-1}. */
    private static int[] labels(CsvTable table, int classes) throws CsvException {
        int[] labels = new int[table.rows];
        int column = table.columns - 1;
        for (int i = 0; i < table.rows; i++) {
            double label = table.get(i, column);
            if (label != Math.rint(label)) {
                throw new CsvException(table.file, table.lineOf(i), "label " + label + " (column " + (column + 1)
                        + ") is not an integer class");
            }
            if (label < 0 || label >= classes) {
                throw new CsvException(table.file, table.lineOf(i), "label " + (long) label + " (column "
                        + (column + 1) + ") is outside 0.." + (classes - 1) + (classes == MAX_CLASSES
                        ? ", the most classes vecnet supports" : " for " + classes + " classes"));
            }
            labels[i] = (int) label;
        }
        return labels;
    }

    private static int largest(int[] labels) {
        int max = 0;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        return max;
    }
}
