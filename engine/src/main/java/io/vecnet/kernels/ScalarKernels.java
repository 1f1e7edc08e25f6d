package io.vecnet.kernels;

/**
 * Plain-Java kernels: the reference every vector kernel is tested against, and the fallback
 * when the JVM runs without the Vector API module. Loops are written in the simplest order
 * that is still cache-friendly for row-major data.
 */
public final class ScalarKernels implements Kernels {

    @Override
    public Backend backend() {
        return Backend.SCALAR;
    }

    @Override
    public String description() {
        return "scalar (plain Java)";
    }

    @Override
    public void matmul(MatmulForm form, float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        if (form == MatmulForm.ABT) {
            matmulDotRows(a, b, c, m, k, n, accumulate);
            return;
        }
        for (int i = 0; i < m; i++) {
            int row = i * n;
            if (!accumulate) {
                java.util.Arrays.fill(c, row, row + n, 0f);
            }
            for (int p = 0; p < k; p++) {
                float aip = a[form.aIndex(i, p, m, k)];
                int bRow = p * n;
                for (int j = 0; j < n; j++) {
                    c[row + j] = Math.fma(aip, b[bRow + j], c[row + j]);
                }
            }
        }
    }

    /** A · Bᵀ: every output is a dot product of two contiguous rows. */
    private static void matmulDotRows(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0f;
                for (int p = 0; p < k; p++) {
                    sum = Math.fma(a[i * k + p], b[j * k + p], sum);
                }
                c[i * n + j] = accumulate ? c[i * n + j] + sum : sum;
            }
        }
    }

    @Override
    public void addBias(float[] x, float[] bias, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                x[i * cols + j] += bias[j];
            }
        }
    }

    @Override
    public void relu(float[] x, int length) {
        for (int i = 0; i < length; i++) {
            x[i] = Math.max(x[i], 0f);
        }
    }

    @Override
    public void reluBackward(float[] grad, float[] activation, int length) {
        for (int i = 0; i < length; i++) {
            if (!(activation[i] > 0f)) {
                grad[i] = 0f;
            }
        }
    }

    @Override
    public float softmaxCrossEntropy(float[] scores, int[] labels, float[] grad, int rows, int cols) {
        float invRows = 1f / rows;
        float lossSum = 0f;
        for (int i = 0; i < rows; i++) {
            int row = i * cols;
            float max = rowMax(scores, row, cols);
            float sum = 0f;
            for (int j = 0; j < cols; j++) {
                float e = FloatMath.exp(scores[row + j] - max);
                grad[row + j] = e;
                sum += e;
            }
            lossSum += FloatMath.log(sum) - (scores[row + labels[i]] - max);
            float scale = invRows / sum;
            for (int j = 0; j < cols; j++) {
                grad[row + j] *= scale;
            }
            grad[row + labels[i]] -= invRows;
        }
        return rows == 0 ? 0f : lossSum * invRows;
    }

    @Override
    public void softmax(float[] x, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            int row = i * cols;
            float max = rowMax(x, row, cols);
            float sum = 0f;
            for (int j = 0; j < cols; j++) {
                x[row + j] = FloatMath.exp(x[row + j] - max);
                sum += x[row + j];
            }
            float inv = 1f / sum;
            for (int j = 0; j < cols; j++) {
                x[row + j] *= inv;
            }
        }
    }

    private static float rowMax(float[] x, int row, int cols) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < cols; j++) {
            max = Math.max(max, x[row + j]);
        }
        return max;
    }

    @Override
    public void columnSums(float[] x, float[] out, int rows, int cols) {
        java.util.Arrays.fill(out, 0, cols, 0f);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[j] += x[i * cols + j];
            }
        }
    }

    @Override
    public void axpy(float alpha, float[] x, float[] y, int length) {
        for (int i = 0; i < length; i++) {
            y[i] = Math.fma(alpha, x[i], y[i]);
        }
    }

    @Override
    public float sumOfSquares(float[] x, int length) {
        float sum = 0f;
        for (int i = 0; i < length; i++) {
            sum = Math.fma(x[i], x[i], sum);
        }
        return sum;
    }
}
