package io.vecnet.kernels;

/**
 * One full-batch forward and backward pass of a two-layer ReLU network with softmax cross-entropy,
 * on data fixed when the pass is created (see {@link Kernels#twoLayerPass}). Buffers live in the
 * pass, so calling it allocates no buffers.
 *
 * <p>Parameter arrays are row-major: w1 inputs x hidden, b1 hidden, w2 hidden x classes, b2 classes;
 * each gradient array has its parameter's shape.
 */
public interface TwoLayerPass {

    /** Returns the mean cross-entropy loss and writes its gradients (no L2 term). */
    float lossAndGradients(float[] w1, float[] b1, float[] w2, float[] b2,
                           float[] dw1, float[] db1, float[] dw2, float[] db2);
}
