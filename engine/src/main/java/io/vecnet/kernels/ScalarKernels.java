package io.vecnet.kernels;

import java.util.Arrays;

/**
 * Plain-Java kernels: the reference every vector kernel is tested against, and the fallback
 * when the JVM runs without the Vector API module. Loops are written in the simplest order
 * that is still cache-friendly for row-major data.
 */
public final class ScalarKernels implements Kernels {

    /** The scalar kernels; {@code KernelProvider.select(Backend.SCALAR)} shares one instance. */
    public ScalarKernels() {
    }

    @Override
    public Backend backend() {
        return Backend.SCALAR;
    }

    @Override
    public String description() {
        return "scalar (plain Java)";
    }

    @Override
    public void matmul(MatmulForm form, float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset,
                       int m, int k, int n, boolean accumulate) {
        ScalarMatmul.multiply(form, a, aOffset, b, bOffset, c, cOffset, m, k, n, accumulate);
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
    public void leakyRelu(float[] x, float slope, int length) {
        for (int i = 0; i < length; i++) {
            x[i] = x[i] > 0f ? x[i] : slope * x[i];
        }
    }

    @Override
    public void leakyReluBackward(float[] grad, float[] activation, float slope, int length) {
        for (int i = 0; i < length; i++) {
            if (!(activation[i] > 0f)) {
                grad[i] *= slope;
            }
        }
    }

    @Override
    public void tanh(float[] x, int length) {
        for (int i = 0; i < length; i++) {
            x[i] = FloatMath.tanh(x[i]);
        }
    }

    @Override
    public void tanhBackward(float[] grad, float[] activation, int length) {
        for (int i = 0; i < length; i++) {
            grad[i] *= Math.fma(-activation[i], activation[i], 1f);
        }
    }

    @Override
    public void sigmoid(float[] x, int length) {
        for (int i = 0; i < length; i++) {
            x[i] = FloatMath.sigmoid(x[i]);
        }
    }

    @Override
    public void sigmoidBackward(float[] grad, float[] activation, int length) {
        for (int i = 0; i < length; i++) {
            grad[i] *= activation[i] * (1f - activation[i]);
        }
    }

    @Override
    public float softmaxCrossEntropy(float[] scores, int[] labels, float[] grad, int rows, int cols, float scale) {
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
            float rowScale = scale / sum;
            for (int j = 0; j < cols; j++) {
                grad[row + j] *= rowScale;
            }
            grad[row + labels[i]] -= scale;
        }
        return lossSum * scale;
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
    public void columnSums(float[] x, float[] out, int outOffset, int rows, int cols) {
        Arrays.fill(out, outOffset, outOffset + cols, 0f);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[outOffset + j] += x[i * cols + j];
            }
        }
    }

    @Override
    public void axpy(float alpha, float[] x, int xOffset, float[] y, int yOffset, int length) {
        for (int i = 0; i < length; i++) {
            y[yOffset + i] = Math.fma(alpha, x[xOffset + i], y[yOffset + i]);
        }
    }

    @Override
    public float sumOfSquares(float[] x, int offset, int length) {
        float sum = 0f;
        for (int i = offset; i < offset + length; i++) {
            sum = Math.fma(x[i], x[i], sum);
        }
        return sum;
    }

    @Override
    public float axpyAndSumOfSquares(float alpha, float[] x, int xOffset, float[] y, int yOffset, int length) {
        float sum = 0f;
        for (int i = 0; i < length; i++) {
            float xi = x[xOffset + i];
            sum = Math.fma(xi, xi, sum);
            y[yOffset + i] = Math.fma(alpha, xi, y[yOffset + i]);
        }
        return sum;
    }

    @Override
    public void gradientStep(float[] parameters, float[] gradient, float learningRate, int length) {
        for (int i = 0; i < length; i++) {
            parameters[i] = FloatMath.flushSubnormal(Math.fma(-learningRate, gradient[i], parameters[i]));
        }
    }

    @Override
    public void momentumStep(float[] parameters, float[] gradient, float[] velocity, float learningRate,
                             float momentum, boolean nesterov, int length) {
        for (int i = 0; i < length; i++) {
            float v = Math.fma(momentum, velocity[i], gradient[i]);
            velocity[i] = v;
            float step = nesterov ? Math.fma(momentum, v, gradient[i]) : v;
            parameters[i] = FloatMath.flushSubnormal(Math.fma(-learningRate, step, parameters[i]));
        }
    }

    @Override
    public void adamStep(float[] parameters, float[] gradient, float[] m, float[] v, float beta1, float beta2,
                         float stepSize, float correction2, float epsilon, float decay, int length) {
        float oneMinusBeta1 = 1f - beta1;
        float oneMinusBeta2 = 1f - beta2;
        for (int i = 0; i < length; i++) {
            float g = gradient[i];
            float mi = Math.fma(beta1, m[i], oneMinusBeta1 * g);
            float vi = Math.fma(beta2, v[i], oneMinusBeta2 * (g * g));
            m[i] = mi;
            v[i] = vi;
            float denominator = (float) Math.sqrt(vi * correction2) + epsilon;
            parameters[i] = FloatMath.flushSubnormal(Math.fma(-stepSize, mi / denominator, parameters[i] * decay));
        }
    }
}
