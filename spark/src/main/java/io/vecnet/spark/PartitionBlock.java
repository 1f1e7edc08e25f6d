package io.vecnet.spark;

import io.vecnet.Matrix;
import io.vecnet.data.Dataset;
import io.vecnet.kernels.Backend;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.kernels.Kernels;
import io.vecnet.nn.Backprop;
import io.vecnet.nn.NetworkSpec;
import io.vecnet.nn.Standardizer;
import io.vecnet.train.Objective;
import java.io.Serializable;

/**
 * One partition's training rows, packed once into float32 (row-major features and int labels) and
 * cached by Spark. The engine's objective for them is built on first use in each executor and kept
 * (transient) with the cached block, so every step reuses its buffers. Each task runs the engine's
 * kernels on one thread: Spark already runs a task per core.
 */
final class PartitionBlock implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int KERNEL_THREADS = 1;

    private final int partition;
    private final int rows;
    private final int cols;
    private final float[] x;
    private final int[] labels;
    private transient Objective objective;
    private transient Backprop backprop;
    private transient float[] batchX;
    private transient int[] batchLabels;

    PartitionBlock(int partition, int rows, int cols, float[] x, int[] labels) {
        this.partition = partition;
        this.rows = rows;
        this.cols = cols;
        this.x = x;
        this.labels = labels;
    }

    /** What the driver needs to know of a block before training: where it is and what it holds. */
    record Shape(int partition, int rows, int cols, int maxLabel) implements Serializable {
    }

    /** One block's share of a step: {@code scale·Σ loss} over its rows and {@code scale·Σ ∇}. */
    record PartialGradient(int partition, float loss, float[] gradient) implements Serializable {
    }

    Shape shape() {
        int max = -1;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        return new Shape(partition, rows, cols, max);
    }

    int partition() {
        return partition;
    }

    int rows() {
        return rows;
    }

    /** Σ x per feature, in float64, row by row. */
    double[] featureSums() {
        double[] sums = new double[cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                sums[j] += x[i * cols + j];
            }
        }
        return sums;
    }

    /** Σ (x - mean)² per feature, in float64, row by row. */
    double[] centredSquares(double[] mean) {
        double[] squares = new double[cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double centred = x[i * cols + j] - mean[j];
                squares[j] += centred * centred;
            }
        }
        return squares;
    }

    /** The same rows scaled by the standardizer of {@code mean} and {@code std}, as the engine scales them. */
    PartitionBlock scaled(float[] mean, float[] std) {
        Matrix scaled = new Standardizer(mean, std).apply(new Matrix(rows, cols, x));
        return new PartitionBlock(partition, rows, cols, scaled.data(), labels);
    }

    /** The data term over all of this block's rows. */
    PartialGradient fullBatch(NetworkLayout layout, float[] parameters, float scale, Backend backend) {
        if (objective == null) {
            NetworkSpec spec = layout.spec();
            Dataset data = Dataset.adopt(new Matrix(rows, cols, x), labels, spec.classes());
            objective = Objective.on(data, spec, 0f, KernelProvider.select(backend, KERNEL_THREADS));
        }
        float[] gradient = new float[parameters.length];
        float loss = objective.dataLossAndGradient(parameters, scale, gradient);
        return new PartialGradient(partition, loss, gradient);
    }

    /** The data term over the rows {@code chosen} (indices into this block). */
    PartialGradient batch(NetworkLayout layout, float[] parameters, float scale, Backend backend, int[] chosen) {
        if (backprop == null || backprop.maxRows() < chosen.length) {
            Kernels kernels = KernelProvider.select(backend, KERNEL_THREADS);
            backprop = new Backprop(kernels, layout.spec(), chosen.length);
            batchX = new float[Math.multiplyExact(chosen.length, cols)];
            batchLabels = new int[chosen.length];
        }
        for (int b = 0; b < chosen.length; b++) {
            System.arraycopy(x, chosen[b] * cols, batchX, b * cols, cols);
            batchLabels[b] = labels[chosen[b]];
        }
        float[] gradient = new float[parameters.length];
        float loss = backprop.lossAndGradient(parameters, batchX, batchLabels, chosen.length, scale, gradient);
        return new PartialGradient(partition, loss, gradient);
    }
}
