package io.vecnet.nn;

import io.vecnet.Matrix;
import io.vecnet.data.Dataset;
import io.vecnet.internal.DatasetArrays;
import java.util.Arrays;

/**
 * Z-score input scaling: {@code (x - mean) / std} per feature, with the statistics of the rows it was
 * fitted on (the training rows only, never validation or test rows). A feature that is constant
 * there gets std 1, so it maps to 0 rather than to infinity. Immutable.
 */
public final class Standardizer {
    private final float[] mean;
    private final float[] std;

    /** Copies the statistics; every std must be finite and above 0, every mean finite. */
    public Standardizer(float[] mean, float[] std) {
        if (mean.length != std.length) {
            throw new IllegalArgumentException(mean.length + " means but " + std.length + " standard deviations");
        }
        for (int j = 0; j < mean.length; j++) {
            if (!Float.isFinite(mean[j]) || !(std[j] > 0f) || !Float.isFinite(std[j])) {
                throw new IllegalArgumentException("feature " + j + " has mean " + mean[j] + " and std " + std[j]
                        + "; means must be finite and stds finite and above 0");
            }
        }
        this.mean = mean.clone();
        this.std = std.clone();
    }

    /** The statistics of {@code data}'s features, computed in float64 (population std, as scikit-learn's). */
    public static Standardizer fit(Dataset data) {
        int n = data.size();
        if (n == 0) {
            throw new IllegalArgumentException("no rows to fit a scaler to");
        }
        int d = data.dimensions();
        double[] sum = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                sum[j] += data.feature(i, j);
            }
        }
        double[] mean = new double[d];
        double[] sigma = new double[d];
        for (int j = 0; j < d; j++) {
            double mu = n == 0 ? 0 : sum[j] / n;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double centred = data.feature(i, j) - mu;
                squares += centred * centred;
            }
            mean[j] = mu;
            sigma[j] = n == 0 ? 0 : Math.sqrt(squares / n);
        }
        return fromFloat64(mean, sigma);
    }

    /**
     * Statistics computed in float64 elsewhere (summed over the partitions of a distributed data set,
     * say), rounded to float as {@link #fit} rounds its own: a std that is 0, or rounds to 0, or is
     * not finite becomes 1.
     */
    public static Standardizer fromFloat64(double[] mean, double[] std) {
        if (mean.length != std.length) {
            throw new IllegalArgumentException(mean.length + " means but " + std.length + " standard deviations");
        }
        float[] roundedMean = new float[mean.length];
        float[] roundedStd = new float[std.length];
        for (int j = 0; j < mean.length; j++) {
            roundedMean[j] = (float) mean[j];
            roundedStd[j] = std[j] > 0 && (float) std[j] > 0f && Double.isFinite(std[j]) ? (float) std[j] : 1f;
        }
        return new Standardizer(roundedMean, roundedStd);
    }

    public int features() {
        return mean.length;
    }

    public float[] mean() {
        return mean.clone();
    }

    public float[] std() {
        return std.clone();
    }

    /** A scaled copy of {@code x}. */
    public Matrix apply(Matrix x) {
        requireWidth(x.cols());
        Matrix scaled = x.copy();
        float[] values = scaled.data();
        for (int i = 0; i < values.length; i++) {
            int j = i % mean.length;
            values[i] = (values[i] - mean[j]) / std[j];
        }
        return scaled;
    }

    public float[] apply(float[] row) {
        return apply(new Matrix(1, row.length, row.clone())).data();
    }

    /** The same rows and labels with scaled features. */
    public Dataset apply(Dataset data) {
        Matrix scaled = apply(new Matrix(data.size(), data.dimensions(), DatasetArrays.features(data)));
        return Dataset.adopt(scaled, DatasetArrays.labels(data), data.classes());
    }

    private void requireWidth(int width) {
        if (width != mean.length) {
            throw new IllegalArgumentException("the scaler takes " + mean.length + " features per row, got " + width);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Standardizer other && Arrays.equals(mean, other.mean) && Arrays.equals(std, other.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }
}
