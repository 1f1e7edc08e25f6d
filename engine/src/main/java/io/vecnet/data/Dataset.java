package io.vecnet.data;

import io.vecnet.Matrix;
import io.vecnet.internal.DatasetArrays;

/**
 * Examples for classification: a feature matrix (one row per example) and an integer label per row
 * in {@code 0..classes-1}. Immutable and validated on construction, so training never meets bad
 * data: the arrays it was built from are copied, and every accessor hands out copies.
 */
public final class Dataset {
    private final Matrix features;
    private final int[] labels;
    private final int classes;

    static {
        DatasetArrays.install(new DatasetArrays.Reader() {
            @Override
            public float[] features(Dataset data) {
                return data.features.data();
            }

            @Override
            public int[] labels(Dataset data) {
                return data.labels;
            }
        });
    }

    /** Copies {@code features} and {@code labels}; labels must lie in 0..classes-1 and features be finite. */
    public Dataset(Matrix features, int[] labels, int classes) {
        this(classes, features.copy(), labels.clone());
    }

    private Dataset(int classes, Matrix features, int[] labels) {
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
        int bad = features.indexOfNonFinite();
        if (bad >= 0) {
            throw new IllegalArgumentException("row " + bad / features.cols() + ", feature "
                    + bad % features.cols() + " is " + features.data()[bad] + "; features must be finite");
        }
        this.features = features;
        this.labels = labels;
        this.classes = classes;
    }

    /**
     * Takes ownership of {@code features} and {@code labels} without copying them, for readers that
     * built the arrays themselves and keep no reference: the caller must not touch them afterwards.
     */
    public static Dataset adopt(Matrix features, int[] labels, int classes) {
        return new Dataset(classes, features, labels);
    }

    /** A copy of the features, size() x dimensions(). */
    public Matrix features() {
        return features.copy();
    }

    /** A copy of the labels. */
    public int[] labels() {
        return labels.clone();
    }

    public int label(int row) {
        return labels[row];
    }

    public float feature(int row, int column) {
        return features.get(row, column);
    }

    /**
     * Copies {@code count} rows, {@code rowIndices[from..from+count)}, into {@code x} (row-major) and
     * {@code y} from index 0: how batches are gathered without exposing the data set's arrays.
     */
    public void copyRows(int[] rowIndices, int from, int count, float[] x, int[] y) {
        int d = dimensions();
        float[] data = features.data();
        for (int r = 0; r < count; r++) {
            int row = rowIndices[from + r];
            System.arraycopy(data, row * d, x, r * d, d);
            y[r] = labels[row];
        }
    }

    /** Copies rows {@code from..from+count)} into {@code x} and {@code y}, like {@link #copyRows(int[], int, int, float[], int[])}. */
    public void copyRows(int from, int count, float[] x, int[] y) {
        int d = dimensions();
        System.arraycopy(features.data(), from * d, x, 0, count * d);
        System.arraycopy(labels, from, y, 0, count);
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

    /** The rows at {@code rowIndices}, in that order, as a new data set with the same classes. */
    public Dataset rows(int[] rowIndices) {
        int d = dimensions();
        float[] x = new float[Math.multiplyExact(rowIndices.length, d)];
        int[] y = new int[rowIndices.length];
        copyRows(rowIndices, 0, rowIndices.length, x, y);
        return new Dataset(classes, new Matrix(rowIndices.length, d, x), y);
    }

    /** A data set split in two: the rows to train on and the rows held out to validate. */
    public record Split(Dataset training, Dataset validation) {
    }

    /**
     * Holds out about {@code fraction} of the rows, stratified: the same share of every class (rounded,
     * at least one row of a class that has two or more), chosen by {@code rng}; both parts keep the
     * rows' original order.
     */
    public Split split(double fraction, Rng rng) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("the held-out fraction must be above 0 and below 1, got " + fraction);
        }
        boolean[] heldOut = new boolean[size()];
        for (int c = 0; c < classes; c++) {
            int[] members = rowsOfClass(c);
            int take = members.length < 2 ? 0 : (int) Math.max(1, Math.min(members.length - 1,
                    Math.round(fraction * members.length)));
            rng.shuffle(members);
            for (int i = 0; i < take; i++) {
                heldOut[members[i]] = true;
            }
        }
        return new Split(rows(indices(heldOut, false)), rows(indices(heldOut, true)));
    }

    private int[] rowsOfClass(int c) {
        return java.util.stream.IntStream.range(0, size()).filter(i -> labels[i] == c).toArray();
    }

    private static int[] indices(boolean[] flags, boolean value) {
        return java.util.stream.IntStream.range(0, flags.length).filter(i -> flags[i] == value).toArray();
    }
}
