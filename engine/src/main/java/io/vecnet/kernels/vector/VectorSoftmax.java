package io.vecnet.kernels.vector;

import static io.vecnet.kernels.vector.VectorMath.LANES;
import static io.vecnet.kernels.vector.VectorMath.SPECIES;

import io.vecnet.kernels.FloatMath;
import io.vecnet.kernels.ScalarKernels;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Row-wise softmax along the row. Rows narrower than one vector (the case study's 3 classes) gain
 * nothing from lanes and use the scalar kernel, which also keeps their bits equal to it.
 */
final class VectorSoftmax {
    private static final ScalarKernels NARROW = new ScalarKernels();

    private VectorSoftmax() {
    }

    static float crossEntropy(float[] scores, int[] labels, float[] grad, int rows, int cols, float scale) {
        if (cols < LANES) {
            return NARROW.softmaxCrossEntropy(scores, labels, grad, rows, cols, scale);
        }
        float lossSum = 0f;
        for (int i = 0, row = 0; i < rows; i++, row += cols) {
            float max = rowMax(scores, row, cols);
            float sum = expRow(scores, grad, row, cols, max);
            lossSum += FloatMath.log(sum) - (scores[row + labels[i]] - max);
            scaleRow(grad, row, cols, scale / sum);
            grad[row + labels[i]] -= scale;
        }
        return lossSum * scale;
    }

    static void softmax(float[] x, int rows, int cols) {
        if (cols < LANES) {
            NARROW.softmax(x, rows, cols);
            return;
        }
        for (int row = 0; row < rows * cols; row += cols) {
            float sum = expRow(x, x, row, cols, rowMax(x, row, cols));
            scaleRow(x, row, cols, 1f / sum);
        }
    }

    private static float rowMax(float[] x, int row, int cols) {
        FloatVector max = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        int j = 0;
        for (int whole = SPECIES.loopBound(cols); j < whole; j += LANES) {
            max = FloatVector.fromArray(SPECIES, x, row + j).max(max);
        }
        // max is exact and order-free, so the built-in reduction is deterministic here.
        float result = max.reduceLanes(VectorOperators.MAX);
        for (; j < cols; j++) {
            result = Math.max(result, x[row + j]);
        }
        return result;
    }

    /** out[row..] = exp(x[row..] - max); returns the row's sum in a fixed order. */
    private static float expRow(float[] x, float[] out, int row, int cols, float max) {
        FloatVector sum = FloatVector.zero(SPECIES);
        int j = 0;
        for (int whole = SPECIES.loopBound(cols); j < whole; j += LANES) {
            FloatVector e = VectorMath.exp(FloatVector.fromArray(SPECIES, x, row + j).sub(max));
            e.intoArray(out, row + j);
            sum = e.add(sum);
        }
        float total = VectorMath.sumLanes(sum);
        for (; j < cols; j++) {
            out[row + j] = FloatMath.exp(x[row + j] - max);
            total += out[row + j];
        }
        return total;
    }

    private static void scaleRow(float[] x, int row, int cols, float scale) {
        int j = 0;
        for (int whole = SPECIES.loopBound(cols); j < whole; j += LANES) {
            FloatVector.fromArray(SPECIES, x, row + j).mul(scale).intoArray(x, row + j);
        }
        for (; j < cols; j++) {
            x[row + j] *= scale;
        }
    }
}
