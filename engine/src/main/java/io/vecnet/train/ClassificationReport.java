package io.vecnet.train;

import io.vecnet.Matrix;

/**
 * How predictions compare with true labels, as scikit-learn's {@code classification_report} reports
 * it: accuracy, per-class precision, recall, F1 and support, their macro (unweighted) and weighted
 * (by support) averages, the log-loss of the predicted probabilities, and the confusion matrix
 * (rows: true class, columns: predicted class). A class never predicted has precision 0, one absent
 * from the labels recall 0, as scikit-learn's {@code zero_division=0}. As scikit-learn's, the averages
 * take only the classes present in the labels or the predictions: a class of the model that occurs in
 * neither keeps its row of zeros but does not pull the macro average down.
 */
public record ClassificationReport(float accuracy, double[] precision, double[] recall, double[] f1, int[] support,
                                   double logLoss, int[][] confusion) {
    /** Probabilities below this count as this for the log-loss, so one confident mistake does not make it infinite. */
    public static final double MIN_PROBABILITY = 1e-15;

    public static ClassificationReport of(int[] labels, int[] predicted, Matrix probabilities) {
        int classes = probabilities.cols();
        int[][] confusion = new int[classes][classes];
        double logLoss = 0;
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            confusion[labels[i]][predicted[i]]++;
            correct += labels[i] == predicted[i] ? 1 : 0;
            logLoss -= Math.log(Math.max(probabilities.get(i, labels[i]), MIN_PROBABILITY));
        }
        double[] precision = new double[classes];
        double[] recall = new double[classes];
        double[] f1 = new double[classes];
        int[] support = new int[classes];
        for (int c = 0; c < classes; c++) {
            int predictedAsC = 0;
            for (int r = 0; r < classes; r++) {
                predictedAsC += confusion[r][c];
                support[c] += confusion[c][r];
            }
            int hits = confusion[c][c];
            precision[c] = predictedAsC == 0 ? 0 : (double) hits / predictedAsC;
            recall[c] = support[c] == 0 ? 0 : (double) hits / support[c];
            f1[c] = precision[c] + recall[c] == 0 ? 0 : 2 * precision[c] * recall[c] / (precision[c] + recall[c]);
        }
        int n = labels.length;
        return new ClassificationReport(n == 0 ? 0f : (float) correct / n, precision, recall, f1, support,
                n == 0 ? 0 : logLoss / n, confusion);
    }

    public int rows() {
        int total = 0;
        for (int s : support) {
            total += s;
        }
        return total;
    }

    /** Whether class {@code c} occurs in the labels or the predictions. */
    public boolean present(int c) {
        for (int other = 0; other < confusion.length; other++) {
            if (confusion[c][other] > 0 || confusion[other][c] > 0) {
                return true;
            }
        }
        return false;
    }

    /** How many classes occur in the labels or the predictions: those the averages take. */
    public int presentClasses() {
        int count = 0;
        for (int c = 0; c < confusion.length; c++) {
            count += present(c) ? 1 : 0;
        }
        return count;
    }

    /** The unweighted mean of precision, recall or F1 ({@code values}) over the classes present. */
    public double macro(double[] values) {
        double sum = 0;
        int present = 0;
        for (int c = 0; c < values.length; c++) {
            if (present(c)) {
                sum += values[c];
                present++;
            }
        }
        return present == 0 ? 0 : sum / present;
    }

    /** The mean over the classes weighted by their support (0 for a class absent from the labels). */
    public double weighted(double[] values) {
        double sum = 0;
        for (int c = 0; c < values.length; c++) {
            sum += values[c] * support[c];
        }
        return rows() == 0 ? 0 : sum / rows();
    }
}
