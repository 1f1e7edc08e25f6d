package io.vecnet.nn;

import io.vecnet.kernels.Kernels;
import io.vecnet.kernels.MatmulForm;
import java.util.List;

/**
 * Softmax cross-entropy and its gradient for any depth, layer by layer with the separate kernels.
 * Holds the activations and deltas of up to {@code maxRows} rows, made once, so a call allocates
 * nothing. On the scalar kernels this is the reference every faster path is tested against.
 *
 * <p>The steps, for layers L..1 after the forward pass: {@code dW = Aᵀ·dZ} into the layer's place in
 * the flat gradient, then {@code dA = dZ·Wᵀ} through the activation's derivative for the layer below,
 * that layer's {@code db = Σ_rows dZ} taken in the same pass (the output layer's after the loss).
 * For one ReLU layer these are the case study's operations, each with the bits it had in its order.
 */
public final class Backprop {
    private final Kernels kernels;
    private final NetworkSpec spec;
    private final List<DenseLayer> layers;
    private final int maxRows;
    private final float[][] outputs;
    private float[] delta;
    private float[] deltaBelow;

    public Backprop(Kernels kernels, NetworkSpec spec, int maxRows) {
        this.kernels = kernels;
        this.spec = spec;
        this.layers = spec.layers();
        this.maxRows = maxRows;
        this.outputs = Forward.buffers(spec, maxRows);
        int widest = 0;
        for (int l = 1; l <= spec.depth(); l++) {
            widest = Math.max(widest, spec.width(l));
        }
        this.delta = new float[Math.multiplyExact(maxRows, widest)];
        this.deltaBelow = new float[delta.length];
    }

    /**
     * Writes {@code scale · Σ_i ∇loss_i} over the first {@code rows} rows of {@code x} (row-major,
     * {@code inputs} wide) into {@code gradient}, overwriting it, and returns {@code scale · Σ_i loss_i}.
     * Labels must be valid class indices: they index the score rows.
     */
    public float lossAndGradient(float[] parameters, float[] x, int[] labels, int rows, float scale, float[] gradient) {
        if (rows > maxRows) {
            throw new IllegalArgumentException(rows + " rows, but this pass holds at most " + maxRows);
        }
        Forward.run(kernels, spec, layers, parameters, x, rows, outputs);
        int top = spec.depth() - 1;
        float loss = kernels.softmaxCrossEntropy(outputs[top], labels, delta, rows, spec.classes(), scale);
        kernels.columnSums(delta, gradient, layers.get(top).biasOffset(), rows, spec.classes());
        for (int l = top; l >= 0; l--) {
            DenseLayer layer = layers.get(l);
            float[] below = l == 0 ? x : outputs[l - 1];
            kernels.matmul(MatmulForm.ATB, below, 0, delta, 0, gradient, layer.weightOffset(),
                    layer.inputs(), rows, layer.outputs(), false);
            if (l > 0) {
                kernels.matmul(MatmulForm.ABT, delta, 0, parameters, layer.weightOffset(), deltaBelow, 0,
                        rows, layer.outputs(), layer.inputs(), false);
                spec.activation().backwardWithColumnSums(kernels, deltaBelow, below, rows, layer.inputs(), gradient,
                        layers.get(l - 1).biasOffset());
                float[] swap = delta;
                delta = deltaBelow;
                deltaBelow = swap;
            }
        }
        return loss;
    }

    public int maxRows() {
        return maxRows;
    }
}
