package io.vecnet.kernels;

import io.vecnet.Matrix;
import java.util.Optional;

/**
 * Every float32 operation that training needs, over flat row-major arrays.
 *
 * <p>Two implementations exist: {@link ScalarKernels}, plain Java and the reference, and a
 * Vector API one chosen by {@link KernelProvider}. Both are deterministic: the same inputs
 * give the same bits on every call, whatever the JIT tier. The array-level methods do no
 * shape checking (callers in the engine own their buffers); the {@link Matrix} overloads
 * check shapes and name both operands in the error.
 */
public interface Kernels {

    Backend backend();

    /** A one-line description such as {@code vector (512-bit, 16 float lanes, 2 threads)}. */
    String description();

    /** Threads that large operations may be split over; results never depend on it. */
    default int threads() {
        return 1;
    }

    /**
     * {@code C (m x n) = op(A) · op(B)}, or {@code C += …} when {@code accumulate}. Each operand starts at
     * its offset in its array (row-major from there), so a layer's weights can be read from, and its
     * gradient written into, one flat parameter array.
     */
    void matmul(MatmulForm form, float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset,
                int m, int k, int n, boolean accumulate);

    /** {@link #matmul(MatmulForm, float[], int, float[], int, float[], int, int, int, int, boolean)} from index 0. */
    default void matmul(MatmulForm form, float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        matmul(form, a, 0, b, 0, c, 0, m, k, n, accumulate);
    }

    /**
     * {@code out (rows x n) = x (rows x k) · w (k x n) + b}, with w and b read from their offsets: every
     * row starts as b and the products accumulate onto it, so each output rounds as {@code b + Σ x·w}
     * summed in order, which is how the fused passes compute it too.
     */
    default void affine(float[] x, float[] w, int wOffset, float[] b, int bOffset, float[] out, int rows, int k, int n) {
        for (int i = 0; i < rows; i++) {
            System.arraycopy(b, bOffset, out, i * n, n);
        }
        matmul(MatmulForm.AB, x, 0, w, wOffset, out, 0, rows, k, n, true);
    }

    /** {@link #affine(float[], float[], int, float[], int, float[], int, int, int)} with w and b from index 0. */
    default void affine(float[] x, float[] w, float[] b, float[] out, int rows, int k, int n) {
        affine(x, w, 0, b, 0, out, rows, k, n);
    }

    /** Adds {@code bias} (length cols) to every row of {@code x} (rows x cols). */
    void addBias(float[] x, float[] bias, int rows, int cols);

    /** {@code x[i] = max(x[i], 0)} for the first {@code length} values. */
    void relu(float[] x, int length);

    /** Zeroes {@code grad[i]} wherever {@code activation[i] <= 0}: the ReLU backward mask. */
    void reluBackward(float[] grad, float[] activation, int length);

    /**
     * {@link #reluBackward} over grad (rows x cols), then {@link #columnSums} of the masked grad into
     * {@code out} from outOffset: a hidden ReLU layer's delta and its bias gradient, with the bits of
     * the two calls. The vector kernels do both in one pass over grad.
     */
    default void reluBackwardColumnSums(float[] grad, float[] activation, int rows, int cols, float[] out,
                                        int outOffset) {
        reluBackward(grad, activation, rows * cols);
        columnSums(grad, out, outOffset, rows, cols);
    }

    /** {@code x[i] = x[i] > 0 ? x[i] : slope · x[i]}. */
    void leakyRelu(float[] x, float slope, int length);

    /** {@code grad[i] *= slope} wherever {@code activation[i] <= 0} (for slope > 0 the sign of the output is the input's). */
    void leakyReluBackward(float[] grad, float[] activation, float slope, int length);

    /** {@code x[i] = tanh(x[i])}, as {@link FloatMath#tanh}. */
    void tanh(float[] x, int length);

    /** {@code grad[i] *= 1 - a²} where a is the tanh output. */
    void tanhBackward(float[] grad, float[] activation, int length);

    /** {@code x[i] = 1 / (1 + e^-x[i])}, as {@link FloatMath#sigmoid}. */
    void sigmoid(float[] x, int length);

    /** {@code grad[i] *= a · (1 - a)} where a is the sigmoid output. */
    void sigmoidBackward(float[] grad, float[] activation, int length);

    /**
     * Fused softmax + cross-entropy over the rows of {@code scores} (rows x cols). Writes
     * {@code grad = scale · (softmax(scores) - onehot(labels))} and returns {@code scale · Σ_i -log
     * softmax(scores)[i, labels[i]]}, max-subtracted with log-sum-exp. With scale 1/rows that is the
     * mean loss and its gradient; a batch that is one part of a larger sum passes 1/total instead.
     */
    float softmaxCrossEntropy(float[] scores, int[] labels, float[] grad, int rows, int cols, float scale);

    /** {@link #softmaxCrossEntropy(float[], int[], float[], int, int, float)} with scale 1/rows: the mean. */
    default float softmaxCrossEntropy(float[] scores, int[] labels, float[] grad, int rows, int cols) {
        return rows == 0 ? 0f : softmaxCrossEntropy(scores, labels, grad, rows, cols, 1f / rows);
    }

    /** Replaces each row of {@code x} (rows x cols) by its softmax, max-subtracted. */
    void softmax(float[] x, int rows, int cols);

    /** {@code out[outOffset + j] = Σ_i x[i, j]} for x rows x cols, summed over i in order. */
    void columnSums(float[] x, float[] out, int outOffset, int rows, int cols);

    default void columnSums(float[] x, float[] out, int rows, int cols) {
        columnSums(x, out, 0, rows, cols);
    }

    /** {@code y[yOffset + i] += alpha · x[xOffset + i]} for i below {@code length}, one fma each. */
    void axpy(float alpha, float[] x, int xOffset, float[] y, int yOffset, int length);

    default void axpy(float alpha, float[] x, float[] y, int length) {
        axpy(alpha, x, 0, y, 0, length);
    }

    /** {@code Σ x[offset + i]²} for i below {@code length}. */
    float sumOfSquares(float[] x, int offset, int length);

    default float sumOfSquares(float[] x, int length) {
        return sumOfSquares(x, 0, length);
    }

    /**
     * {@link #axpy} and {@link #sumOfSquares} of x in one pass, each giving its own bits: adds
     * {@code alpha · x[xOffset + i]} to {@code y[yOffset + i]} and returns {@code Σ x[xOffset + i]²}.
     * The L2 term's gradient and penalty; x and y must not overlap.
     */
    float axpyAndSumOfSquares(float alpha, float[] x, int xOffset, float[] y, int yOffset, int length);

    /*
     * The three updates below end by setting to zero every parameter they write that is smaller in
     * magnitude than Float.MIN_NORMAL. Subnormal floats cost a microcode assist on every multiply on
     * x86; weights that L2 shrinks towards zero for tens of thousands of steps become subnormal and
     * slow training eightfold. Done in the update's own pass, the flush costs no extra pass over θ.
     */

    /** Gradient descent: {@code θ = -lr·g + θ}, one fma per value, subnormal results flushed to zero. */
    void gradientStep(float[] parameters, float[] gradient, float learningRate, int length);

    /**
     * SGD with momentum, as {@code torch.optim.SGD}: {@code v = μ·v + g}, then {@code θ -= lr·(g + μ·v)}
     * with Nesterov momentum or {@code θ -= lr·v} without; each line one fma per value, subnormal
     * parameters flushed to zero.
     */
    void momentumStep(float[] parameters, float[] gradient, float[] velocity, float learningRate, float momentum,
                      boolean nesterov, int length);

    /**
     * Adam's update, as {@code torch.optim.Adam}/{@code AdamW}: {@code θ *= decay} (AdamW's decoupled weight
     * decay, 1 for Adam), {@code m = β1·m + (1-β1)·g}, {@code v = β2·v + (1-β2)·g²}, then
     * {@code θ -= stepSize · m / (√(v · correction2) + ε)}, where the caller folds the bias corrections
     * into {@code stepSize = lr / (1 - β1^t)} and {@code correction2 = 1 / (1 - β2^t)}. Subnormal
     * parameters are flushed to zero.
     */
    void adamStep(float[] parameters, float[] gradient, float[] m, float[] v, float beta1, float beta2,
                  float stepSize, float correction2, float epsilon, float decay, int length);

    /**
     * A faster pass for one two-layer shape, where this backend has one: see {@link TwoLayerPass}. The
     * scalar kernels have none; callers then run the layers with the separate kernels above.
     */
    default Optional<TwoLayerPass> fusedTwoLayerPass(Matrix x, int[] labels, int hidden, int classes) {
        return Optional.empty();
    }

    /** Whether {@link #fusedTwoLayerPass} offers a pass for data of this many inputs and classes. */
    default boolean offersFusedTwoLayerPass(int inputs, int classes) {
        return false;
    }

    default void matmul(MatmulForm form, Matrix a, Matrix b, Matrix c, boolean accumulate) {
        int m = form == MatmulForm.ATB ? a.cols() : a.rows();
        int k = form == MatmulForm.ATB ? a.rows() : a.cols();
        int kb = form == MatmulForm.ABT ? b.cols() : b.rows();
        int n = form == MatmulForm.ABT ? b.rows() : b.cols();
        if (k != kb) {
            throw new IllegalArgumentException("matmul " + form + ": inner sizes differ, A is " + a.shape()
                    + " and B is " + b.shape());
        }
        if (c.rows() != m || c.cols() != n) {
            throw new IllegalArgumentException("matmul " + form + ": A " + a.shape() + " and B " + b.shape()
                    + " give " + m + "x" + n + ", but C is " + c.shape());
        }
        matmul(form, a.data(), b.data(), c.data(), m, k, n, accumulate);
    }

    /** Allocates and returns {@code A · B}. */
    default Matrix matmul(Matrix a, Matrix b) {
        Matrix c = new Matrix(a.rows(), b.cols());
        matmul(MatmulForm.AB, a, b, c, false);
        return c;
    }

    /** Checked {@link #affine(float[], float[], float[], float[], int, int, int)}: out = x·w + b. */
    default void affine(Matrix x, Matrix w, Matrix b, Matrix out) {
        if (x.cols() != w.rows() || b.rows() != 1 || b.cols() != w.cols() || out.rows() != x.rows()
                || out.cols() != w.cols()) {
            throw new IllegalArgumentException("affine: x " + x.shape() + ", w " + w.shape() + " and b " + b.shape()
                    + " do not give out " + out.shape() + " (expected x n x k, w k x m, b 1 x m, out n x m)");
        }
        affine(x.data(), w.data(), b.data(), out.data(), x.rows(), x.cols(), w.cols());
    }

    default void addBias(Matrix x, Matrix bias) {
        if (bias.rows() != 1 || bias.cols() != x.cols()) {
            throw new IllegalArgumentException("addBias: bias " + bias.shape() + " does not fit x " + x.shape()
                    + " (expected 1x" + x.cols() + ")");
        }
        addBias(x.data(), bias.data(), x.rows(), x.cols());
    }

    default void relu(Matrix x) {
        relu(x.data(), x.size());
    }

    default void reluBackward(Matrix grad, Matrix activation) {
        requireSameShape("reluBackward", grad, activation);
        reluBackward(grad.data(), activation.data(), grad.size());
    }

    default float softmaxCrossEntropy(Matrix scores, int[] labels, Matrix grad) {
        requireSameShape("softmaxCrossEntropy", scores, grad);
        if (labels.length != scores.rows()) {
            throw new IllegalArgumentException("softmaxCrossEntropy: " + labels.length + " labels for scores "
                    + scores.shape());
        }
        return softmaxCrossEntropy(scores.data(), labels, grad.data(), scores.rows(), scores.cols());
    }

    default void softmax(Matrix x) {
        softmax(x.data(), x.rows(), x.cols());
    }

    default void columnSums(Matrix x, Matrix out) {
        if (out.rows() != 1 || out.cols() != x.cols()) {
            throw new IllegalArgumentException("columnSums: out " + out.shape() + " does not fit x " + x.shape()
                    + " (expected 1x" + x.cols() + ")");
        }
        columnSums(x.data(), out.data(), x.rows(), x.cols());
    }

    default void axpy(float alpha, Matrix x, Matrix y) {
        requireSameShape("axpy", x, y);
        axpy(alpha, x.data(), y.data(), x.size());
    }

    default float sumOfSquares(Matrix x) {
        return sumOfSquares(x.data(), x.size());
    }

    private static void requireSameShape(String op, Matrix x, Matrix y) {
        if (!x.sameShape(y)) {
            throw new IllegalArgumentException(op + ": shapes differ, " + x.shape() + " and " + y.shape());
        }
    }
}
