package io.vecnet.data;

import io.vecnet.Matrix;

/**
 * Examples for classification: a feature matrix (one row per example), an integer label per row
 * in {@code 0..classes-1}. Validated on construction so that training never meets bad data.
 */
public final class Dataset {
    private final Matrix features;
    private final int[] labels;
    private final int classes;

    public Dataset(Matrix features, int[] labels, int classes) {
        if (features.rows() != labels.length) {
            throw new IllegalArgumentException(
                    "features have " + features.rows() + " rows but there are " + labels.length + " labels");
        }
        if (classes < 1) {
            throw new IllegalArgumentException("a data set needs at least one class, got " + classes);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException(
                        "row " + i + " has label " + labels[i] + ", outside 0.." + (classes - 1));
            }
        }
        float[] x = features.data();
        for (int i = 0; i < x.length; i++) {
            if (!Float.isFinite(x[i])) {
                throw new IllegalArgumentException("row " + i / features.cols() + ", feature "
                        + i % features.cols() + " is " + x[i] + "; features must be finite");
            }
        }
        this.features = features;
        this.labels = labels;
        this.classes = classes;
    }

    public Matrix features() {
        return features;
    }

    public int[] labels() {
        return labels;
    }

    public int classes() {
        return classes;
    }

    public int size() {
        return labels.length;
    }

    public int dimensions() {
        return features.cols();
    }
}
