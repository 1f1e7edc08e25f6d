package io.vecnet.train;

import io.vecnet.data.Dataset;
import io.vecnet.kernels.Kernels;
import io.vecnet.nn.Backprop;
import io.vecnet.nn.NetworkSpec;

/**
 * The training loss on one mini-batch at a time: {@link #load} copies the batch's rows into buffers
 * made once for {@code maxRows}, then {@link #lossAndGradient} is the mean cross-entropy over them
 * plus the L2 term, as {@link Objective} computes it over a fixed set of rows.
 */
public final class BatchObjective {
    private final Backprop backprop;
    private final L2Penalty penalty;
    private final float[] x;
    private final int[] labels;
    private int rows;

    public BatchObjective(NetworkSpec spec, float l2, Kernels kernels, int maxRows) {
        this.penalty = new L2Penalty(kernels, spec.layers(), l2);
        this.backprop = new Backprop(kernels, spec, maxRows);
        this.x = new float[Math.multiplyExact(maxRows, spec.inputs())];
        this.labels = new int[maxRows];
    }

    /** Makes the batch rows {@code order[from..from+count)} of {@code data}. */
    public void load(Dataset data, int[] order, int from, int count) {
        if (count > labels.length) {
            throw new IllegalArgumentException(count + " rows, but the batch holds at most " + labels.length);
        }
        data.copyRows(order, from, count, x, labels);
        rows = count;
    }

    /** The mean loss over the batch plus the L2 term; the gradient of both is written over {@code gradient}. */
    public float lossAndGradient(float[] parameters, float[] gradient) {
        float loss = backprop.lossAndGradient(parameters, x, labels, rows, rows == 0 ? 0f : 1f / rows, gradient);
        return loss + penalty.addTo(parameters, gradient);
    }

    public int rows() {
        return rows;
    }
}
