package io.vecnet.kernels.vector;

import static io.vecnet.kernels.vector.VectorMath.LANES;
import static io.vecnet.kernels.vector.VectorMath.SPECIES;
import static io.vecnet.kernels.vector.VectorMath.broadcast;

import io.vecnet.Matrix;
import io.vecnet.kernels.TwoLayerPass;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * The two-layer pass for 2-D inputs and up to 3 classes (the spiral case study exactly), fused so
 * that no n x hidden matrix is ever stored. Each half picks the lane layout that needs no lane
 * reduction, so every sum runs in a fixed order and the vectors stay in registers:
 * <ul>
 * <li>forward, one lane per example: for a block of LANES rows every hidden unit is computed from
 *     the inputs, passed through ReLU and folded straight into the class-score accumulators; then
 *     softmax, loss and dscores for the block;
 * <li>backward, one lane per hidden unit: for a chunk of LANES units, every example's inputs and
 *     dscores are broadcast, the units recomputed (cheaper than storing them), and the gradients
 *     of W1, b1 and W2 gather in registers, each summed over the examples in order.
 * </ul>
 * Inputs, hidden units and classes are padded to 2, a multiple of LANES and 3 with zero weights
 * (padding classes score -inf), so the hot loops have no branches: where control flow merges
 * vectors, C2 may box them on the heap.
 *
 * <p>Every value is rounded exactly as the separate scalar kernels round it when they run the same
 * layers (affine, ReLU, affine, softmax cross-entropy, then the backward products and column sums),
 * with the same operations in the same order, so this pass gives the scalar backend's bits: a
 * 10,000-step run, which amplifies any rounding difference, ends on the same loss either way.
 */
final class FusedTwoLayerPass implements TwoLayerPass {
    static final int INPUTS = 2;
    static final int CLASSES = 3;
    /** Passes of at least this many (row, hidden unit) pairs are split over the workers. */
    static final long PARALLEL_THRESHOLD = 1L << 18;
    private static final int SHIFTED = CLASSES * LANES;

    private final int rows;
    private final int paddedRows;
    private final int inputs;
    private final int hidden;
    private final int paddedHidden;
    private final int classes;
    /** Where b1, W2 and b2 start in the flat parameter and gradient arrays (W1 starts at 0). */
    private final int b1Offset;
    private final int w2Offset;
    private final int b2Offset;
    /** INPUTS x paddedRows: the features transposed, zero in padding. */
    private final float[] xt;
    /** Each row's label as a float, to compare with class indices in float lanes; 0 in padding rows. */
    private final float[] classValues;
    /** CLASSES x paddedRows, zero in padding rows. */
    private final float[] dscores;
    /** Parameters padded and laid out for the lanes: w1 INPUTS x paddedHidden, w2 CLASSES x paddedHidden (transposed). */
    private final float[] w1;
    private final float[] b1;
    private final float[] w2t;
    private final float[] b2;
    private final float[] dw1;
    private final float[] db1;
    private final float[] dw2t;
    /** Each row's loss, summed in row order once the forward half is done. */
    private final float[] rowLoss;
    /**
     * One scratch block per worker: the block's scores, overwritten by their exps, from index 0,
     * and the scores less their row max from {@link #SHIFTED}; one vector per class.
     */
    private final float[][] blocks;
    private final Workers workers;
    private final int parts;

    FusedTwoLayerPass(Matrix x, int[] labels, int hidden, int classes, Workers workers) {
        this.rows = x.rows();
        this.paddedRows = roundUp(rows);
        this.inputs = x.cols();
        this.hidden = hidden;
        this.paddedHidden = roundUp(hidden);
        this.classes = classes;
        this.b1Offset = inputs * hidden;
        this.w2Offset = b1Offset + hidden;
        this.b2Offset = w2Offset + hidden * classes;
        this.xt = new float[INPUTS * paddedRows];
        for (int i = 0; i < rows; i++) {
            for (int d = 0; d < inputs; d++) {
                xt[d * paddedRows + i] = x.get(i, d);
            }
        }
        this.classValues = new float[paddedRows];
        for (int i = 0; i < rows; i++) {
            classValues[i] = labels[i];
        }
        this.dscores = new float[CLASSES * paddedRows];
        this.rowLoss = new float[paddedRows];
        this.w1 = new float[INPUTS * paddedHidden];
        this.b1 = new float[paddedHidden];
        this.w2t = new float[CLASSES * paddedHidden];
        this.b2 = new float[CLASSES];
        this.dw1 = new float[INPUTS * paddedHidden];
        this.db1 = new float[paddedHidden];
        this.dw2t = new float[CLASSES * paddedHidden];
        Arrays.fill(b2, Float.NEGATIVE_INFINITY);
        this.workers = workers;
        this.parts = (long) paddedRows * paddedHidden >= PARALLEL_THRESHOLD ? workers.threads() : 1;
        this.blocks = new float[parts][2 * CLASSES * LANES];
    }

    static boolean fits(int inputs, int classes) {
        return inputs >= 1 && inputs <= INPUTS && classes >= 1 && classes <= CLASSES;
    }

    private static int roundUp(int count) {
        return (count + LANES - 1) / LANES * LANES;
    }

    @Override
    public float lossAndGradient(float[] parameters, float[] gradient, float scale) {
        loadParameters(parameters);
        if (parts == 1) {
            forward(0, paddedRows, blocks[0], scale);
            backward(0, paddedHidden);
        } else {
            // Rows, then hidden units, are split in whole blocks: each value is still computed by
            // one thread in the same order, so the result does not depend on the thread count.
            int rowsPerPart = split(paddedRows);
            workers.run(parts, part -> forward(Math.min(paddedRows, part * rowsPerPart),
                    Math.min(paddedRows, (part + 1) * rowsPerPart), blocks[part], scale));
            int unitsPerPart = split(paddedHidden);
            workers.run(parts, part -> backward(Math.min(paddedHidden, part * unitsPerPart),
                    Math.min(paddedHidden, (part + 1) * unitsPerPart)));
        }
        storeGradients(gradient);
        return sumRowsInOrder(gradient, scale);
    }

    private int split(int count) {
        return (count / LANES + parts - 1) / parts * LANES;
    }

    private void forward(int fromRow, int toRow, float[] block, float scale) {
        for (int r = fromRow; r < toRow; r += LANES) {
            blockScores(r, block);
            blockExp(block);
            // Loss and dscores are two methods so that C2 can inline all of each: a vector or mask
            // passed to a call it did not inline is boxed on the heap, costing a run its speed.
            blockLoss(r, block);
            blockDscores(r, block, scale);
        }
    }

    private void backward(int fromUnit, int toUnit) {
        for (int c = fromUnit; c < toUnit; c += LANES) {
            backwardChunk(c);
        }
    }

    /**
     * db2 into the gradient and the scaled loss, both summed over the rows in row order as the scalar
     * kernels do.
     */
    private float sumRowsInOrder(float[] gradient, float scale) {
        int n = paddedRows;
        float loss = 0f, d0 = 0f, d1 = 0f, d2 = 0f;
        for (int i = 0; i < rows; i++) {
            loss += rowLoss[i];
            d0 += dscores[i];
            d1 += dscores[n + i];
            d2 += dscores[2 * n + i];
        }
        gradient[b2Offset] = d0;
        if (classes > 1) {
            gradient[b2Offset + 1] = d1;
        }
        if (classes > 2) {
            gradient[b2Offset + 2] = d2;
        }
        return loss * scale;
    }

    private void loadParameters(float[] parameters) {
        for (int d = 0; d < inputs; d++) {
            System.arraycopy(parameters, d * hidden, w1, d * paddedHidden, hidden);
        }
        System.arraycopy(parameters, b1Offset, b1, 0, hidden);
        for (int j = 0; j < hidden; j++) {
            for (int k = 0; k < classes; k++) {
                w2t[k * paddedHidden + j] = parameters[w2Offset + j * classes + k];
            }
        }
        System.arraycopy(parameters, b2Offset, b2, 0, classes);
    }

    /** dW1, db1 and dW2 into their places in the flat gradient; db2 is summed later. */
    private void storeGradients(float[] gradient) {
        for (int d = 0; d < inputs; d++) {
            System.arraycopy(dw1, d * paddedHidden, gradient, d * hidden, hidden);
        }
        System.arraycopy(db1, 0, gradient, b1Offset, hidden);
        for (int j = 0; j < hidden; j++) {
            for (int k = 0; k < classes; k++) {
                gradient[w2Offset + j * classes + k] = dw2t[k * paddedHidden + j];
            }
        }
    }

    /** Class scores of rows r..r+LANES into {@code block}, one vector per class. */
    private void blockScores(int r, float[] block) {
        int h = paddedHidden;
        FloatVector x0 = FloatVector.fromArray(SPECIES, xt, r);
        FloatVector x1 = FloatVector.fromArray(SPECIES, xt, paddedRows + r);
        FloatVector s0 = broadcast(b2[0]), s1 = broadcast(b2[1]), s2 = broadcast(b2[2]);
        for (int j = 0; j < hidden; j++) {
            FloatVector a = x1.fma(broadcast(w1[h + j]), x0.fma(broadcast(w1[j]), broadcast(b1[j]))).max(0f);
            s0 = a.fma(broadcast(w2t[j]), s0);
            s1 = a.fma(broadcast(w2t[h + j]), s1);
            s2 = a.fma(broadcast(w2t[2 * h + j]), s2);
        }
        s0.intoArray(block, 0);
        s1.intoArray(block, LANES);
        s2.intoArray(block, 2 * LANES);
    }

    /** Writes score - row max from {@link #SHIFTED} in {@code block}, and its exp over the scores. */
    private static void blockExp(float[] block) {
        FloatVector max = FloatVector.fromArray(SPECIES, block, 0)
                .max(FloatVector.fromArray(SPECIES, block, LANES))
                .max(FloatVector.fromArray(SPECIES, block, 2 * LANES));
        for (int k = 0; k < CLASSES; k++) {
            FloatVector shifted = FloatVector.fromArray(SPECIES, block, k * LANES).sub(max);
            shifted.intoArray(block, SHIFTED + k * LANES);
            VectorMath.exp(shifted).intoArray(block, k * LANES);
        }
    }

    /** From the block's exps and shifted scores: its rows' losses, log(sum of exps) - shifted correct score. */
    private void blockLoss(int r, float[] block) {
        FloatVector y = FloatVector.fromArray(SPECIES, classValues, r);
        FloatVector correct = FloatVector.fromArray(SPECIES, block, SHIFTED)
                .blend(FloatVector.fromArray(SPECIES, block, SHIFTED + LANES), y.eq(1f))
                .blend(FloatVector.fromArray(SPECIES, block, SHIFTED + 2 * LANES), y.eq(2f));
        VectorMath.log(expSum(block)).sub(correct).intoArray(rowLoss, r);
    }

    /** From the block's exps: its dscores, (probability - [class is the label]) * scale, zero in padding rows. */
    private void blockDscores(int r, float[] block, float scale) {
        FloatVector y = FloatVector.fromArray(SPECIES, classValues, r);
        VectorMask<Float> padding = SPECIES.indexInRange(r, rows).not();
        FloatVector rowScale = broadcast(scale).div(expSum(block));
        for (int k = 0; k < CLASSES; k++) {
            FloatVector g = FloatVector.fromArray(SPECIES, block, k * LANES).mul(rowScale);
            g.blend(g.sub(scale), y.eq(k)).blend(0f, padding).intoArray(dscores, k * paddedRows + r);
        }
    }

    private static FloatVector expSum(float[] block) {
        return FloatVector.fromArray(SPECIES, block, 0)
                .add(FloatVector.fromArray(SPECIES, block, LANES))
                .add(FloatVector.fromArray(SPECIES, block, 2 * LANES));
    }

    /** Gradients of hidden units c..c+LANES, summed over the examples in order. */
    private void backwardChunk(int c) {
        int h = paddedHidden, n = paddedRows;
        FloatVector w10 = FloatVector.fromArray(SPECIES, w1, c);
        FloatVector w11 = FloatVector.fromArray(SPECIES, w1, h + c);
        FloatVector bias = FloatVector.fromArray(SPECIES, b1, c);
        FloatVector v0 = FloatVector.fromArray(SPECIES, w2t, c);
        FloatVector v1 = FloatVector.fromArray(SPECIES, w2t, h + c);
        FloatVector v2 = FloatVector.fromArray(SPECIES, w2t, 2 * h + c);
        FloatVector g10 = FloatVector.zero(SPECIES), g11 = g10, gb = g10, g20 = g10, g21 = g10, g22 = g10;
        for (int i = 0; i < rows; i++) {
            FloatVector x0 = broadcast(xt[i]);
            FloatVector x1 = broadcast(xt[n + i]);
            FloatVector ds0 = broadcast(dscores[i]);
            FloatVector ds1 = broadcast(dscores[n + i]);
            FloatVector ds2 = broadcast(dscores[2 * n + i]);
            FloatVector a = x1.fma(w11, x0.fma(w10, bias)).max(0f);
            g20 = a.fma(ds0, g20);
            g21 = a.fma(ds1, g21);
            g22 = a.fma(ds2, g22);
            FloatVector dh = v2.fma(ds2, v1.fma(ds1, v0.mul(ds0)));
            dh = dh.blend(0f, a.compare(VectorOperators.GT, 0f).not());
            gb = dh.add(gb); // a loop-carried vector only as an argument: see VectorMath
            g10 = x0.fma(dh, g10);
            g11 = x1.fma(dh, g11);
        }
        g10.intoArray(dw1, c);
        g11.intoArray(dw1, h + c);
        gb.intoArray(db1, c);
        g20.intoArray(dw2t, c);
        g21.intoArray(dw2t, h + c);
        g22.intoArray(dw2t, 2 * h + c);
    }
}
