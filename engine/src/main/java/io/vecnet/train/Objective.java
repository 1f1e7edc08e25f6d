package io.vecnet.train;

import io.vecnet.Matrix;
import io.vecnet.data.Dataset;
import io.vecnet.internal.DatasetArrays;
import io.vecnet.kernels.Kernels;
import io.vecnet.kernels.TwoLayerPass;
import io.vecnet.nn.Activation;
import io.vecnet.nn.Backprop;
import io.vecnet.nn.NetworkSpec;
import java.util.Arrays;
import java.util.Optional;

/**
 * The training loss of a network on a fixed set of rows, with its gradient: softmax cross-entropy
 * over the rows plus {@code 0.5·l2·Σ‖W‖²} over the weights (not the biases). Parameters and gradient
 * are flat arrays in {@link NetworkSpec#layers()} order.
 *
 * <p>The data term and the L2 term are also offered apart, and the data term takes a scale, so that
 * parts of one data set (partitions, batches) can each compute {@code (1/N)·Σ} over their own rows
 * and the parts simply be added, with the L2 term added once.
 *
 * <p>Where the kernels offer a fused pass for the network's shape (one ReLU hidden layer, the case
 * study's 2 inputs and up to 3 classes on the vector kernels), the data term runs through it; it
 * computes exactly what {@link Backprop} computes, only faster.
 */
public final class Objective {
    private final L2Penalty penalty;
    private final int rows;
    private final DataTerm dataTerm;

    /** The part that depends on the rows: {@code scale·Σ loss_i}, its gradient written over {@code gradient}. */
    private interface DataTerm {
        float lossAndGradient(float[] parameters, float scale, float[] gradient);
    }

    private Objective(Kernels kernels, NetworkSpec spec, float l2, int rows, DataTerm dataTerm) {
        this.penalty = new L2Penalty(kernels, spec.layers(), l2);
        this.rows = rows;
        this.dataTerm = dataTerm;
    }

    /** The objective on all of {@code data}, which it reads in place; its buffers are made here, once. */
    public static Objective on(Dataset data, NetworkSpec spec, float l2, Kernels kernels) {
        if (data.dimensions() != spec.inputs() || data.classes() > spec.classes()) {
            throw new IllegalArgumentException("a " + spec.describe() + " network cannot train on " + data.size()
                    + " rows of " + data.dimensions() + " features and " + data.classes() + " classes");
        }
        L2Penalty.requireValid(l2);
        int n = data.size();
        float[] x = DatasetArrays.features(data);
        int[] labels = DatasetArrays.labels(data);
        Optional<TwoLayerPass> fused = fusedPass(spec, new Matrix(n, data.dimensions(), x), labels, kernels);
        if (fused.isPresent()) {
            TwoLayerPass pass = fused.get();
            return new Objective(kernels, spec, l2, n,
                    (parameters, scale, gradient) -> pass.lossAndGradient(parameters, gradient, scale));
        }
        Backprop backprop = new Backprop(kernels, spec, n);
        return new Objective(kernels, spec, l2, n,
                (parameters, scale, gradient) -> backprop.lossAndGradient(parameters, x, labels, n, scale, gradient));
    }

    /**
     * The objective over no rows, so only its L2 term: for a caller that computes the data term
     * elsewhere, such as a driver that sums the data terms of partitions on other machines.
     */
    public static Objective withoutRows(NetworkSpec spec, float l2, Kernels kernels) {
        return new Objective(kernels, spec, l2, 0, (parameters, scale, gradient) -> {
            Arrays.fill(gradient, 0f);
            return 0f;
        });
    }

    private static Optional<TwoLayerPass> fusedPass(NetworkSpec spec, Matrix x, int[] labels, Kernels kernels) {
        if (!usesFusedPass(spec, kernels)) {
            return Optional.empty();
        }
        return kernels.fusedTwoLayerPass(x, labels, spec.hidden().get(0), spec.classes());
    }

    /** Whether the objective of this network on these kernels runs their fused pass. */
    public static boolean usesFusedPass(NetworkSpec spec, Kernels kernels) {
        return spec.hidden().size() == 1 && spec.activation() == Activation.RELU
                && kernels.offersFusedTwoLayerPass(spec.inputs(), spec.classes());
    }

    /** The mean loss over the rows plus the L2 term; the gradient of both is written over {@code gradient}. */
    public float lossAndGradient(float[] parameters, float[] gradient) {
        float loss = dataLossAndGradient(parameters, rows == 0 ? 0f : 1f / rows, gradient);
        return loss + addL2(parameters, gradient);
    }

    /** {@code scale·Σ loss_i} over the rows; {@code scale·Σ ∇loss_i} is written over {@code gradient}. */
    public float dataLossAndGradient(float[] parameters, float scale, float[] gradient) {
        return dataTerm.lossAndGradient(parameters, scale, gradient);
    }

    /** Adds {@code l2·W} to the weights' gradient and returns the penalty {@code 0.5·l2·Σ‖W‖²}. */
    public float addL2(float[] parameters, float[] gradient) {
        return penalty.addTo(parameters, gradient);
    }

    public int rows() {
        return rows;
    }
}
