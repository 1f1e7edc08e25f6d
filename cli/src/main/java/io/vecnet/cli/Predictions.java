package io.vecnet.cli;

import io.vecnet.Matrix;
import io.vecnet.io.CsvDataset;
import io.vecnet.kernels.Kernels;
import io.vecnet.nn.Classifier;
import java.io.PrintWriter;
import java.util.Locale;

/** A model's predicted class and class probabilities per row, scored against the labels when there are some. */
record Predictions(int[] predicted, Matrix probabilities, int[] labels) {
    static Predictions of(Classifier model, CsvDataset.Examples examples, Kernels kernels) {
        return new Predictions(model.predict(examples.features(), kernels),
                model.probabilities(examples.features(), kernels), examples.labels());
    }

    void writeCsv(PrintWriter out) {
        out.print("predicted");
        for (int c = 0; c < probabilities.cols(); c++) {
            out.print(",p" + c);
        }
        out.print('\n');
        for (int i = 0; i < predicted.length; i++) {
            out.print(predicted[i]);
            for (int c = 0; c < probabilities.cols(); c++) {
                out.printf(Locale.ROOT, ",%.6f", probabilities.get(i, c));
            }
            out.print('\n');
        }
    }

    /** Rows: true class; columns: predicted class. */
    int[][] confusion() {
        int[][] counts = new int[probabilities.cols()][probabilities.cols()];
        for (int i = 0; i < predicted.length; i++) {
            counts[labels[i]][predicted[i]]++;
        }
        return counts;
    }

    void writeSummary(PrintWriter out) {
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == labels[i] ? 1 : 0;
        }
        out.printf(Locale.ROOT, "accuracy: %.4f (%d of %d)%n", (double) correct / predicted.length, correct,
                predicted.length);
        out.println("confusion matrix (rows: true class, columns: predicted class):");
        int[][] counts = confusion();
        int width = Math.max(4, String.valueOf(predicted.length).length() + 1);
        out.print(" ".repeat(6));
        for (int c = 0; c < counts.length; c++) {
            out.printf(Locale.ROOT, "%" + width + "d", c);
        }
        out.println();
        for (int r = 0; r < counts.length; r++) {
            out.printf(Locale.ROOT, "%6d", r);
            for (int count : counts[r]) {
                out.printf(Locale.ROOT, "%" + width + "d", count);
            }
            out.println();
        }
    }
}
