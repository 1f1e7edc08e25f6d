package io.vecnet.cli;

import io.vecnet.Matrix;
import io.vecnet.io.CsvDataset;
import io.vecnet.kernels.Kernels;
import io.vecnet.nn.Classifier;
import io.vecnet.nn.Mlp;
import io.vecnet.train.ClassificationReport;
import java.io.PrintWriter;
import java.util.Locale;

/** A model's predicted class and class probabilities per row, scored against the labels when there are some. */
record Predictions(Classifier model, int[] predicted, Matrix probabilities, int[] labels) {
    /** One pass through the network: the classes are the highest scores, as predict's; the probabilities their softmax. */
    static Predictions of(Classifier model, CsvDataset.Examples examples, Kernels kernels) {
        Matrix scores = model.scores(examples.features(), kernels);
        int[] predicted = Mlp.mostLikely(scores);
        kernels.softmax(scores);
        return new Predictions(model, predicted, scores, examples.labels());
    }

    /**
     * One line per row: the predicted class (its name when the model has class names), then with
     * {@code withProbabilities} each class's probability, written so that it reads back as the same float.
     */
    void writeCsv(PrintWriter out, boolean withProbabilities) {
        out.print("predicted");
        if (withProbabilities) {
            for (int c = 0; c < probabilities.cols(); c++) {
                out.print("," + Csv.quoted("p_" + model.className(c)));
            }
        }
        out.print('\n');
        for (int i = 0; i < predicted.length; i++) {
            out.print(Csv.quoted(model.className(predicted[i])));
            if (withProbabilities) {
                for (int c = 0; c < probabilities.cols(); c++) {
                    out.print(',');
                    out.print(probabilities.get(i, c));
                }
            }
            out.print('\n');
        }
    }

    ClassificationReport report() {
        return ClassificationReport.of(labels, predicted, probabilities);
    }

    void writeSummary(PrintWriter out) {
        ClassificationReport report = report();
        out.printf(Locale.ROOT, "accuracy: %.4f (%d of %d)%n", report.accuracy(),
                Math.round(report.accuracy() * report.rows()), report.rows());
        out.printf(Locale.ROOT, "log-loss: %.6f%n", report.logLoss());
        int nameWidth = "weighted avg".length();
        for (int c = 0; c < classes(); c++) {
            nameWidth = Math.max(nameWidth, shownName(c).length());
        }
        String row = "%" + nameWidth + "s %9s %9s %9s %9s%n";
        String values = "%" + nameWidth + "s %9.4f %9.4f %9.4f %9d%n";
        out.printf(Locale.ROOT, row, "class", "precision", "recall", "f1", "support");
        for (int c = 0; c < classes(); c++) {
            out.printf(Locale.ROOT, values, shownName(c), report.precision()[c], report.recall()[c],
                    report.f1()[c], report.support()[c]);
        }
        out.printf(Locale.ROOT, values, "macro avg", report.macro(report.precision()), report.macro(report.recall()),
                report.macro(report.f1()), report.rows());
        out.printf(Locale.ROOT, values, "weighted avg", report.weighted(report.precision()),
                report.weighted(report.recall()), report.weighted(report.f1()), report.rows());
        if (report.presentClasses() < classes()) {
            out.printf(Locale.ROOT, "averages over the %d of %d classes present in the labels or the predictions%n",
                    report.presentClasses(), classes());
        }
        writeConfusion(out, report.confusion());
    }

    private void writeConfusion(PrintWriter out, int[][] counts) {
        out.println("confusion matrix (rows: true class, columns: predicted class):");
        int width = Math.max(4, String.valueOf(predicted.length).length() + 1);
        int labelWidth = 6;
        for (int c = 0; c < counts.length; c++) {
            width = Math.max(width, shownName(c).length() + 1);
            labelWidth = Math.max(labelWidth, shownName(c).length());
        }
        out.print(" ".repeat(labelWidth));
        for (int c = 0; c < counts.length; c++) {
            out.printf(Locale.ROOT, "%" + width + "s", shownName(c));
        }
        out.println();
        for (int r = 0; r < counts.length; r++) {
            out.printf(Locale.ROOT, "%" + labelWidth + "s", shownName(r));
            for (int count : counts[r]) {
                out.printf(Locale.ROOT, "%" + width + "d", count);
            }
            out.println();
        }
    }

    private int classes() {
        return probabilities.cols();
    }

    /** Class {@code c}'s name as the tables show it, on one line. */
    private String shownName(int c) {
        return Text.oneLine(model.className(c));
    }
}
