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
        CsvTable table = CsvTable.read(file, CsvTable.Shape.labelled(MAX_CLASSES, true));
        return Dataset.adopt(table.features, table.labels, table.largestLabel + 1);
    }

    /** Reads labelled data with labels in {@code 0..classes-1}. */
    public static Dataset read(Path file, int classes) throws IOException {
        CsvTable table = CsvTable.read(file, CsvTable.Shape.labelled(classes, false));
        return Dataset.adopt(table.features, table.labels, classes);
    }

    /**
     * Reads rows for a model with {@code inputs} features and {@code classes} classes: a file with
     * one more column than {@code inputs} is labelled, a file with exactly {@code inputs} is not.
     */
    public static Examples readExamples(Path file, int inputs, int classes) throws IOException {
        CsvTable table = CsvTable.read(file, CsvTable.Shape.examples(inputs, classes));
        return new Examples(table.features, table.labels);
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
}
