package io.vecnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vecnet.Matrix;
import org.junit.jupiter.api.Test;

/** Checked against scikit-learn's classification_report and log_loss on the same labels. */
class ClassificationReportTest {

    @Test
    void matchesScikitLearnsReport() {
        int[] labels = {0, 0, 0, 1, 1, 2, 2, 2, 2, 2};
        int[] predicted = {0, 1, 0, 1, 2, 2, 2, 2, 0, 2};
        Matrix probabilities = new Matrix(10, 3);
        for (int i = 0; i < 10; i++) {
            probabilities.set(i, predicted[i], 0.8f);
            probabilities.set(i, (predicted[i] + 1) % 3, 0.2f);
        }
        ClassificationReport report = ClassificationReport.of(labels, predicted, probabilities);
        assertEquals(0.7f, report.accuracy());
        assertArrayEquals(new double[] {2 / 3.0, 1 / 2.0, 4 / 5.0}, report.precision(), 1e-12);
        assertArrayEquals(new double[] {2 / 3.0, 1 / 2.0, 4 / 5.0}, report.recall(), 1e-12);
        assertArrayEquals(new int[] {3, 2, 5}, report.support());
        assertEquals((2 / 3.0 + 0.5 + 0.8) / 3, report.macro(report.f1()), 1e-12);
        assertEquals((3 * 2 / 3.0 + 2 * 0.5 + 5 * 0.8) / 10, report.weighted(report.recall()), 1e-12);
        assertArrayEquals(new int[][] {{2, 1, 0}, {0, 1, 1}, {1, 0, 4}}, report.confusion());
        // Correct rows: -ln 0.8; the three wrong ones gave their true class 0, counted as 1e-15.
        // scikit-learn's log_loss(labels, probabilities, eps=1e-15) gives 10.517833404393153.
        assertEquals(10.517833404393153, report.logLoss(), 1e-6);
    }

    @Test
    void aClassNeverPredictedHasPrecisionZero() {
        ClassificationReport report = ClassificationReport.of(new int[] {0, 1}, new int[] {0, 0}, new Matrix(2, 2));
        assertEquals(0, report.precision()[1]);
        assertEquals(0, report.f1()[1]);
        assertEquals(0.5, report.precision()[0]);
    }

    /** scikit-learn averages over the labels in y_true or y_pred: here 0, 1 and 2, not the model's class 3. */
    @Test
    void theAveragesTakeOnlyTheClassesInTheLabelsOrThePredictions() {
        ClassificationReport report = ClassificationReport.of(new int[] {0, 0, 1}, new int[] {0, 2, 1}, new Matrix(3, 4));
        assertEquals(3, report.presentClasses());
        assertFalse(report.present(3));
        assertEquals((1 + 1 + 0) / 3.0, report.macro(report.precision()), 1e-12);
        assertEquals((0.5 + 1 + 0) / 3.0, report.macro(report.recall()), 1e-12);
        assertEquals((2 / 3.0 + 1 + 0) / 3.0, report.macro(report.f1()), 1e-12);
        assertEquals((2 * 0.5 + 1) / 3.0, report.weighted(report.recall()), 1e-12);
    }

    @Test
    void aPerfectScoreOnOneClassAveragesToOne() {
        ClassificationReport report = ClassificationReport.of(new int[] {0, 0}, new int[] {0, 0}, new Matrix(2, 3));
        assertEquals(1.0, report.macro(report.f1()));
        assertEquals(1.0, report.weighted(report.f1()));
        assertArrayEquals(new double[] {1, 0, 0}, report.precision());
    }
}
