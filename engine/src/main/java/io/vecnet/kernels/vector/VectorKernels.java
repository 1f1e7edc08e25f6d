package io.vecnet.kernels.vector;

import static io.vecnet.kernels.vector.VectorMath.LANES;
import static io.vecnet.kernels.vector.VectorMath.SPECIES;

import io.vecnet.Matrix;
import io.vecnet.kernels.Backend;
import io.vecnet.kernels.FloatMath;
import io.vecnet.kernels.Kernels;
import io.vecnet.kernels.MatmulForm;
import io.vecnet.kernels.TwoLayerPass;
import java.util.Arrays;
import java.util.Optional;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Kernels on the Vector API with the JVM's preferred species. The only package that imports
 * {@code jdk.incubator.vector}; created reflectively by {@link io.vecnet.kernels.KernelProvider}.
 * Loops run whole vectors, then finish the ragged end with the scalar kernel's exact operations,
 * so element-wise results equal the scalar backend's bit for bit.
 */
public final class VectorKernels implements Kernels {
    /**
     * Element-wise updates over at least this many floats (the optimisers' steps over a network's
     * parameters) are split over the workers. Timed alone on two threads, axpy ties at 8,192 floats and
     * Adam's step is 2.6x to 3.4x faster from 16,384 (each core then holds half of the four arrays in
     * its own caches). In a training loop the helper must first fetch the gradient the training thread
     * has just written, and the training thread then the parameters the helper updated: an epoch of
     * Adam on 200-row batches ran 13% slower on two threads with 26,710 parameters split, no faster
     * with 79,510, and 1.1x faster with 203,530 (bench's SmallBatchThreadsBenchmark, adam-epoch).
     */
    static final int ELEMENTWISE_PARALLEL_THRESHOLD = 1 << 17;
    private final Workers workers;

    /** Single-threaded vector kernels. */
    public VectorKernels() {
        this(1);
    }

    /**
     * Vector kernels that split large products and element-wise updates over {@code threads} threads
     * (the caller and daemon helpers).
     */
    public VectorKernels(int threads) {
        this.workers = threads == 1 ? Workers.SERIAL : new Workers(threads);
    }

    @Override
    public int threads() {
        return workers.threads();
    }

    @Override
    public Backend backend() {
        return Backend.VECTOR;
    }

    @Override
    public String description() {
        return "vector (" + SPECIES.vectorBitSize() + "-bit, " + LANES + " float lanes, "
                + workers.threads() + (workers.threads() == 1 ? " thread)" : " threads)");
    }

    /** Lanes in the preferred float species, for {@code vecnet info}. */
    public static int lanes() {
        return LANES;
    }

    @Override
    public void matmul(MatmulForm form, float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset,
                       int m, int k, int n, boolean accumulate) {
        if (m == 0 || n == 0) {
            return;
        }
        MatmulKernel.choose(form, m, k, n).multiply(form, a, aOffset, b, bOffset, c, cOffset, m, k, n, accumulate,
                workers);
    }

    @Override
    public void affine(float[] x, float[] w, int wOffset, float[] b, int bOffset, float[] out, int rows, int k, int n) {
        if (rows > 0 && n > 0 && MatmulKernel.choose(MatmulForm.AB, rows, k, n) == MatmulKernel.PACKED_GEMM) {
            PackedGemm.affine(x, w, wOffset, b, bOffset, out, rows, k, n, workers);
        } else {
            Kernels.super.affine(x, w, wOffset, b, bOffset, out, rows, k, n);
        }
    }

    @Override
    public Optional<TwoLayerPass> fusedTwoLayerPass(Matrix x, int[] labels, int hidden, int classes) {
        return offersFusedTwoLayerPass(x.cols(), classes)
                ? Optional.of(new FusedTwoLayerPass(x, labels, hidden, classes, workers))
                : Optional.empty();
    }

    @Override
    public boolean offersFusedTwoLayerPass(int inputs, int classes) {
        return FusedTwoLayerPass.fits(inputs, classes);
    }

    @Override
    public void addBias(float[] x, float[] bias, int rows, int cols) {
        int whole = SPECIES.loopBound(cols);
        for (int i = 0, row = 0; i < rows; i++, row += cols) {
            int j = 0;
            for (; j < whole; j += LANES) {
                FloatVector.fromArray(SPECIES, x, row + j).add(FloatVector.fromArray(SPECIES, bias, j))
                        .intoArray(x, row + j);
            }
            for (; j < cols; j++) {
                x[row + j] += bias[j];
            }
        }
    }

    @Override
    public void relu(float[] x, int length) {
        int i = 0;
        for (int whole = SPECIES.loopBound(length); i < whole; i += LANES) {
            FloatVector.fromArray(SPECIES, x, i).max(0f).intoArray(x, i);
        }
        for (; i < length; i++) {
            x[i] = Math.max(x[i], 0f);
        }
    }

    @Override
    public void reluBackward(float[] grad, float[] activation, int length) {
        int i = 0;
        for (int whole = SPECIES.loopBound(length); i < whole; i += LANES) {
            reluMasked(grad, activation, i);
        }
        for (; i < length; i++) {
            if (!(activation[i] > 0f)) {
                grad[i] = 0f;
            }
        }
    }

    /**
     * Four vectors of columns at a time, as {@link #columnSums} goes, each masked, stored and added
     * while in registers, over blocks of rows that stay in level 2 while every column group passes:
     * a 60000 x 256 delta 7.2 ms against 10.0 for the two kernels (over all rows at once, 13.5). The
     * sums carry from block to block through {@code out}, so they keep their order and bits.
     */
    @Override
    public void reluBackwardColumnSums(float[] grad, float[] activation, int rows, int cols, float[] out,
                                       int outOffset) {
        if ((long) rows * cols < GemmBlocking.DETECTED.blockFloats()) {
            // grad and activation fit in level 2 together, where the second pass finds them: one pass
            // saves little there, and the two kernels spare a cold process C2's work on this one.
            Kernels.super.reluBackwardColumnSums(grad, activation, rows, cols, out, outOffset);
            return;
        }
        // A block's grad and activation rows fill an eighth of level 2: on an Intel Xeon (2 MiB)
        // 3%-8% faster than blocks of half of it, which share level 2 with the prefetched next rows.
        reluBackwardColumnSums(grad, activation, rows, cols, out, outOffset,
                GemmBlocking.DETECTED.streamedRows(8 * cols));
    }

    static void reluBackwardColumnSums(float[] grad, float[] activation, int rows, int cols, float[] out,
                                       int outOffset, int blockRows) {
        Arrays.fill(out, outOffset, outOffset + cols, 0f);
        for (int r0 = 0; r0 < rows; r0 += blockRows) {
            int from = r0 * cols;
            int to = (int) Math.min(rows, (long) r0 + blockRows) * cols;
            int j = 0;
            for (; j + 4 * LANES <= cols; j += 4 * LANES) {
                fourColumnsReluBackwardSums(grad, activation, from + j, to, cols, out, outOffset + j);
            }
            for (; j + LANES <= cols; j += LANES) {
                FloatVector sum = FloatVector.fromArray(SPECIES, out, outOffset + j);
                for (int i = from + j; i < to; i += cols) {
                    sum = reluMasked(grad, activation, i).add(sum);
                }
                sum.intoArray(out, outOffset + j);
            }
            for (; j < cols; j++) {
                float sum = out[outOffset + j];
                for (int i = from + j; i < to; i += cols) {
                    if (!(activation[i] > 0f)) {
                        grad[i] = 0f;
                    }
                    sum += grad[i];
                }
                out[outOffset + j] = sum;
            }
        }
    }

    private static void fourColumnsReluBackwardSums(float[] grad, float[] activation, int start, int end, int cols,
                                                    float[] out, int outIndex) {
        FloatVector s0 = FloatVector.fromArray(SPECIES, out, outIndex);
        FloatVector s1 = FloatVector.fromArray(SPECIES, out, outIndex + LANES);
        FloatVector s2 = FloatVector.fromArray(SPECIES, out, outIndex + 2 * LANES);
        FloatVector s3 = FloatVector.fromArray(SPECIES, out, outIndex + 3 * LANES);
        for (int i = start; i < end; i += cols) {
            s0 = reluMasked(grad, activation, i).add(s0);
            s1 = reluMasked(grad, activation, i + LANES).add(s1);
            s2 = reluMasked(grad, activation, i + 2 * LANES).add(s2);
            s3 = reluMasked(grad, activation, i + 3 * LANES).add(s3);
        }
        s0.intoArray(out, outIndex);
        s1.intoArray(out, outIndex + LANES);
        s2.intoArray(out, outIndex + 2 * LANES);
        s3.intoArray(out, outIndex + 3 * LANES);
    }

    /** grad's vector at i, zeroed where the activation is not positive, stored back and returned. */
    private static FloatVector reluMasked(float[] grad, float[] activation, int i) {
        var inactive = FloatVector.fromArray(SPECIES, activation, i).compare(VectorOperators.GT, 0f).not();
        FloatVector masked = FloatVector.fromArray(SPECIES, grad, i).blend(0f, inactive);
        masked.intoArray(grad, i);
        return masked;
    }

    @Override
    public void leakyRelu(float[] x, float slope, int length) {
        int i = 0;
        for (int whole = SPECIES.loopBound(length); i < whole; i += LANES) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, i);
            v.mul(slope).blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(x, i);
        }
        for (; i < length; i++) {
            x[i] = x[i] > 0f ? x[i] : slope * x[i];
        }
    }

    @Override
    public void leakyReluBackward(float[] grad, float[] activation, float slope, int length) {
        int i = 0;
        for (int whole = SPECIES.loopBound(length); i < whole; i += LANES) {
            var inactive = FloatVector.fromArray(SPECIES, activation, i).compare(VectorOperators.GT, 0f).not();
            FloatVector g = FloatVector.fromArray(SPECIES, grad, i);
            g.blend(g.mul(slope), inactive).intoArray(grad, i);
        }
        for (; i < length; i++) {
            if (!(activation[i] > 0f)) {
                grad[i] *= slope;
            }
        }
    }

    @Override
    public void tanh(float[] x, int length) {
        int i = 0;
        for (int whole = SPECIES.loopBound(length); i < whole; i += LANES) {
            VectorMath.tanh(FloatVector.fromArray(SPECIES, x, i)).intoArray(x, i);
        }
        for (; i < length; i++) {
            x[i] = FloatMath.tanh(x[i]);
        }
    }

    @Override
    public void tanhBackward(float[] grad, float[] activation, int length) {
        int i = 0;
        for (int whole = SPECIES.loopBound(length); i < whole; i += LANES) {
            FloatVector a = FloatVector.fromArray(SPECIES, activation, i);
            FloatVector.fromArray(SPECIES, grad, i).mul(a.neg().fma(a, VectorMath.broadcast(1f))).intoArray(grad, i);
        }
        for (; i < length; i++) {
            grad[i] *= Math.fma(-activation[i], activation[i], 1f);
        }
    }

    @Override
    public void sigmoid(float[] x, int length) {
        int i = 0;
        for (int whole = SPECIES.loopBound(length); i < whole; i += LANES) {
            VectorMath.sigmoid(FloatVector.fromArray(SPECIES, x, i)).intoArray(x, i);
        }
        for (; i < length; i++) {
            x[i] = FloatMath.sigmoid(x[i]);
        }
    }

    @Override
    public void sigmoidBackward(float[] grad, float[] activation, int length) {
        int i = 0;
        for (int whole = SPECIES.loopBound(length); i < whole; i += LANES) {
            FloatVector a = FloatVector.fromArray(SPECIES, activation, i);
            FloatVector.fromArray(SPECIES, grad, i).mul(a.mul(VectorMath.broadcast(1f).sub(a))).intoArray(grad, i);
        }
        for (; i < length; i++) {
            grad[i] *= activation[i] * (1f - activation[i]);
        }
    }

    @Override
    public float softmaxCrossEntropy(float[] scores, int[] labels, float[] grad, int rows, int cols, float scale) {
        return VectorSoftmax.crossEntropy(scores, labels, grad, rows, cols, scale);
    }

    @Override
    public void softmax(float[] x, int rows, int cols) {
        VectorSoftmax.softmax(x, rows, cols);
    }

    @Override
    public void columnSums(float[] x, float[] out, int outOffset, int rows, int cols) {
        int whole = SPECIES.loopBound(cols);
        int j = 0;
        for (; j + 4 * LANES <= whole; j += 4 * LANES) {
            fourColumnSums(x, out, outOffset, rows, cols, j);
        }
        for (; j < whole; j += LANES) {
            FloatVector sum = FloatVector.zero(SPECIES);
            for (int row = 0; row < rows * cols; row += cols) {
                sum = FloatVector.fromArray(SPECIES, x, row + j).add(sum);
            }
            sum.intoArray(out, outOffset + j);
        }
        for (; j < cols; j++) {
            float sum = 0f;
            for (int row = 0; row < rows * cols; row += cols) {
                sum += x[row + j];
            }
            out[outOffset + j] = sum;
        }
    }

    /**
     * Four vectors of column sums from column j, each still added row by row: one pass reads four
     * lines of each row instead of one (a 60000 x 256 bias gradient 8.0 -> 4.3 ms).
     */
    private static void fourColumnSums(float[] x, float[] out, int outOffset, int rows, int cols, int j) {
        FloatVector s0 = FloatVector.zero(SPECIES), s1 = s0, s2 = s0, s3 = s0;
        for (int row = j; row < rows * cols; row += cols) {
            s0 = FloatVector.fromArray(SPECIES, x, row).add(s0);
            s1 = FloatVector.fromArray(SPECIES, x, row + LANES).add(s1);
            s2 = FloatVector.fromArray(SPECIES, x, row + 2 * LANES).add(s2);
            s3 = FloatVector.fromArray(SPECIES, x, row + 3 * LANES).add(s3);
        }
        s0.intoArray(out, outOffset + j);
        s1.intoArray(out, outOffset + j + LANES);
        s2.intoArray(out, outOffset + j + 2 * LANES);
        s3.intoArray(out, outOffset + j + 3 * LANES);
    }

    @Override
    public void axpy(float alpha, float[] x, int xOffset, float[] y, int yOffset, int length) {
        forRanges(length, (from, to) -> axpyRange(alpha, x, xOffset, y, yOffset, from, to));
    }

    private static void axpyRange(float alpha, float[] x, int xOffset, float[] y, int yOffset, int from, int to) {
        FloatVector a = VectorMath.broadcast(alpha);
        int i = from;
        for (int whole = from + SPECIES.loopBound(to - from); i < whole; i += LANES) {
            FloatVector.fromArray(SPECIES, x, xOffset + i).fma(a, FloatVector.fromArray(SPECIES, y, yOffset + i))
                    .intoArray(y, yOffset + i);
        }
        for (; i < to; i++) {
            y[yOffset + i] = Math.fma(alpha, x[xOffset + i], y[yOffset + i]);
        }
    }

    /**
     * Lane q sums the squares at {@code offset + q + t·LANES}, counted from the range start, so a range
     * gives the same bits wherever it sits in its array.
     */
    @Override
    public float sumOfSquares(float[] x, int offset, int length) {
        FloatVector sum = FloatVector.zero(SPECIES);
        int i = 0;
        for (int whole = SPECIES.loopBound(length); i < whole; i += LANES) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, offset + i);
            sum = v.fma(v, sum);
        }
        float total = VectorMath.sumLanes(sum);
        for (; i < length; i++) {
            total = Math.fma(x[offset + i], x[offset + i], total);
        }
        return total;
    }

    /** In one pass, and single-threaded: the sum's lanes follow {@link #sumOfSquares} whatever the thread count. */
    @Override
    public float axpyAndSumOfSquares(float alpha, float[] x, int xOffset, float[] y, int yOffset, int length) {
        FloatVector a = VectorMath.broadcast(alpha);
        FloatVector sum = FloatVector.zero(SPECIES);
        int i = 0;
        for (int whole = SPECIES.loopBound(length); i < whole; i += LANES) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, xOffset + i);
            sum = v.fma(v, sum);
            v.fma(a, FloatVector.fromArray(SPECIES, y, yOffset + i)).intoArray(y, yOffset + i);
        }
        float total = VectorMath.sumLanes(sum);
        for (; i < length; i++) {
            float xi = x[xOffset + i];
            total = Math.fma(xi, xi, total);
            y[yOffset + i] = Math.fma(alpha, xi, y[yOffset + i]);
        }
        return total;
    }

    @Override
    public void gradientStep(float[] parameters, float[] gradient, float learningRate, int length) {
        forRanges(length, (from, to) -> gradientStepRange(parameters, gradient, learningRate, from, to));
    }

    private static void gradientStepRange(float[] parameters, float[] gradient, float learningRate, int from, int to) {
        FloatVector rate = VectorMath.broadcast(-learningRate);
        int i = from;
        for (int whole = from + SPECIES.loopBound(to - from); i < whole; i += LANES) {
            FloatVector theta = FloatVector.fromArray(SPECIES, gradient, i).fma(rate,
                    FloatVector.fromArray(SPECIES, parameters, i));
            VectorMath.flushSubnormals(theta).intoArray(parameters, i);
        }
        for (; i < to; i++) {
            parameters[i] = FloatMath.flushSubnormal(Math.fma(-learningRate, gradient[i], parameters[i]));
        }
    }

    @Override
    public void momentumStep(float[] parameters, float[] gradient, float[] velocity, float learningRate,
                             float momentum, boolean nesterov, int length) {
        forRanges(length, (from, to) -> momentumRange(parameters, gradient, velocity, learningRate, momentum,
                nesterov, from, to));
    }

    private static void momentumRange(float[] parameters, float[] gradient, float[] velocity, float learningRate,
                                      float momentum, boolean nesterov, int from, int to) {
        FloatVector mu = VectorMath.broadcast(momentum);
        FloatVector rate = VectorMath.broadcast(-learningRate);
        int i = from;
        for (int whole = from + SPECIES.loopBound(to - from); i < whole; i += LANES) {
            FloatVector g = FloatVector.fromArray(SPECIES, gradient, i);
            FloatVector v = mu.fma(FloatVector.fromArray(SPECIES, velocity, i), g);
            v.intoArray(velocity, i);
            FloatVector step = nesterov ? mu.fma(v, g) : v;
            VectorMath.flushSubnormals(rate.fma(step, FloatVector.fromArray(SPECIES, parameters, i)))
                    .intoArray(parameters, i);
        }
        for (; i < to; i++) {
            float v = Math.fma(momentum, velocity[i], gradient[i]);
            velocity[i] = v;
            float step = nesterov ? Math.fma(momentum, v, gradient[i]) : v;
            parameters[i] = FloatMath.flushSubnormal(Math.fma(-learningRate, step, parameters[i]));
        }
    }

    /** Adam's update lane by lane, in the scalar kernel's order of operations, so both give the same bits. */
    @Override
    public void adamStep(float[] parameters, float[] gradient, float[] m, float[] v, float beta1, float beta2,
                         float stepSize, float correction2, float epsilon, float decay, int length) {
        forRanges(length, (from, to) -> adamRange(parameters, gradient, m, v, beta1, beta2, stepSize, correction2,
                epsilon, decay, from, to));
    }

    private static void adamRange(float[] parameters, float[] gradient, float[] m, float[] v, float beta1,
                                  float beta2, float stepSize, float correction2, float epsilon, float decay,
                                  int from, int to) {
        float oneMinusBeta1 = 1f - beta1;
        float oneMinusBeta2 = 1f - beta2;
        FloatVector b1 = VectorMath.broadcast(beta1);
        FloatVector b2 = VectorMath.broadcast(beta2);
        int i = from;
        for (int whole = from + SPECIES.loopBound(to - from); i < whole; i += LANES) {
            FloatVector g = FloatVector.fromArray(SPECIES, gradient, i);
            FloatVector mi = b1.fma(FloatVector.fromArray(SPECIES, m, i), g.mul(oneMinusBeta1));
            FloatVector vi = b2.fma(FloatVector.fromArray(SPECIES, v, i), g.mul(g).mul(oneMinusBeta2));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            FloatVector denominator = vi.mul(correction2).sqrt().add(epsilon);
            FloatVector theta = FloatVector.fromArray(SPECIES, parameters, i).mul(decay);
            VectorMath.flushSubnormals(mi.div(denominator).fma(VectorMath.broadcast(-stepSize), theta))
                    .intoArray(parameters, i);
        }
        for (; i < to; i++) {
            float g = gradient[i];
            float mi = Math.fma(beta1, m[i], oneMinusBeta1 * g);
            float vi = Math.fma(beta2, v[i], oneMinusBeta2 * (g * g));
            m[i] = mi;
            v[i] = vi;
            float denominator = (float) Math.sqrt(vi * correction2) + epsilon;
            parameters[i] = FloatMath.flushSubnormal(Math.fma(-stepSize, mi / denominator, parameters[i] * decay));
        }
    }

    /** An element-wise kernel over the elements [from, to) of its arrays. */
    private interface Range {
        void run(int from, int to);
    }

    /**
     * Runs an element-wise kernel over [0, length): in one call below
     * {@link #ELEMENTWISE_PARALLEL_THRESHOLD}, else split over the workers at multiples of the
     * vector length. Each element gets the same operations either way, so the bits do not change.
     */
    private void forRanges(int length, Range range) {
        int parts = length >= ELEMENTWISE_PARALLEL_THRESHOLD ? workers.threads() : 1;
        if (parts == 1) {
            range.run(0, length);
            return;
        }
        int partLength = ((length + parts - 1) / parts + LANES - 1) / LANES * LANES;
        workers.run(parts, part -> range.run(Math.min(length, part * partLength),
                Math.min(length, (part + 1) * partLength)));
    }
}
