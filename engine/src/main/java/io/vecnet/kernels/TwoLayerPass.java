package io.vecnet.kernels;

/**
 * One fused forward and backward pass of {@code softmax(relu(X·W1 + b1)·W2 + b2)} with cross-entropy,
 * over data fixed when the pass is made ({@link Kernels#fusedTwoLayerPass}). It computes exactly what
 * the separate kernels compute for the same layers, only faster; buffers live in the pass, so a call
 * allocates nothing.
 *
 * <p>Parameters and gradient are one flat array each, row-major: W1 (inputs x hidden), b1 (hidden),
 * W2 (hidden x classes), b2 (classes), in that order from index 0.
 */
public interface TwoLayerPass {

    /**
     * Writes {@code scale · Σ_i ∇loss_i} into {@code gradient} (overwriting it) and returns
     * {@code scale · Σ_i loss_i}, the cross-entropy alone (no L2 term).
     */
    float lossAndGradient(float[] parameters, float[] gradient, float scale);
}
