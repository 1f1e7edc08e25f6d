package io.vecnet.kernels;

import io.vecnet.Matrix;

/**
 * The two-layer pass as a sequence of separate kernels over whole matrices, exactly the case
 * study's steps: the reference for fused passes and the choice for shapes they do not cover.
 */
public final class UnfusedTwoLayerPass implements TwoLayerPass {
    private final Kernels kernels;
    private final float[] x;
    private final int[] labels;
    private final int rows;
    private final int inputs;
    private final int hidden;
    private final int classes;
    private final float[] activations;
    private final float[] scores;
    private final float[] dscores;
    private final float[] dhidden;

    public UnfusedTwoLayerPass(Kernels kernels, Matrix x, int[] labels, int hidden, int classes) {
        this.kernels = kernels;
        this.x = x.data();
        this.labels = labels;
        this.rows = x.rows();
        this.inputs = x.cols();
        this.hidden = hidden;
        this.classes = classes;
        this.activations = new float[Math.multiplyExact(rows, hidden)];
        this.scores = new float[Math.multiplyExact(rows, classes)];
        this.dscores = new float[scores.length];
        this.dhidden = new float[activations.length];
    }

    @Override
    public float lossAndGradients(float[] w1, float[] b1, float[] w2, float[] b2,
                                  float[] dw1, float[] db1, float[] dw2, float[] db2) {
        kernels.affine(x, w1, b1, activations, rows, inputs, hidden);
        kernels.relu(activations, activations.length);
        kernels.affine(activations, w2, b2, scores, rows, hidden, classes);
        float loss = kernels.softmaxCrossEntropy(scores, labels, dscores, rows, classes);
        kernels.matmul(MatmulForm.ATB, activations, dscores, dw2, hidden, rows, classes, false);
        kernels.columnSums(dscores, db2, rows, classes);
        kernels.matmul(MatmulForm.ABT, dscores, w2, dhidden, rows, classes, hidden, false);
        kernels.reluBackward(dhidden, activations, dhidden.length);
        kernels.matmul(MatmulForm.ATB, x, dhidden, dw1, inputs, rows, hidden, false);
        kernels.columnSums(dhidden, db1, rows, hidden);
        return loss;
    }
}
