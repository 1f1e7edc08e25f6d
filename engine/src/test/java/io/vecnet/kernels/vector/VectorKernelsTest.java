package io.vecnet.kernels.vector;

import static io.vecnet.testing.FloatAsserts.UNIT_ROUNDOFF;
import static io.vecnet.testing.FloatAsserts.assertSameBits;
import static io.vecnet.testing.FloatAsserts.assertWithin;
import static io.vecnet.testing.FloatAsserts.randomFloats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.kernels.Kernels;
import io.vecnet.kernels.ScalarKernels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The non-matmul kernels: vector and scalar backends against float64 references, and the bit-for-bit
 * equalities the javadoc promises (element-wise ops, and softmax on rows narrower than a vector).
 */
class VectorKernelsTest {
    private static final int LANES = VectorMath.LANES;
    private static final Kernels VECTOR = new VectorKernels();
    private static final Kernels SCALAR = new ScalarKernels();
    private static final float[] SPECIAL = {-0f, 0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
            Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, -Float.MAX_VALUE, Float.MAX_VALUE, 1f, -1f};

    static IntStream lengths() {
        TreeSet<Integer> sizes = new TreeSet<>(List.of(0, 1, 2, 3, 7, 15, 16, 17, 31, 33, 37, 61, 100, 127, 211, 300));
        sizes.addAll(List.of(LANES - 1, LANES, LANES + 1, 4 * LANES + 3));
        return sizes.stream().mapToInt(Integer::intValue);
    }

    static Stream<Arguments> rowsAndCols() {
        List<Arguments> cases = new ArrayList<>();
        for (int rows : new int[] {0, 1, 3, 17}) {
            lengths().forEach(cols -> cases.add(Arguments.of(rows, cols)));
        }
        return cases.stream();
    }

    private static SplittableRandom random(int... sizes) {
        return new SplittableRandom(Arrays.hashCode(sizes) * 7919L + 17);
    }

    /** Random values with the special ones sprinkled in. */
    private static float[] withSpecials(SplittableRandom random, int length) {
        float[] x = randomFloats(random, length, 2f);
        for (int i = 0; i < length; i += 3) {
            x[i] = SPECIAL[random.nextInt(SPECIAL.length)];
        }
        return x;
    }

    @ParameterizedTest(name = "rows={0} cols={1}")
    @MethodSource("rowsAndCols")
    void addBiasEqualsScalarBitsAndTheCorrectlyRoundedSum(int rows, int cols) {
        SplittableRandom random = random(rows, cols);
        float[] x = randomFloats(random, rows * cols, 10f);
        float[] bias = randomFloats(random, cols, 1f);
        float[] vector = x.clone();
        float[] scalar = x.clone();
        VECTOR.addBias(vector, bias, rows, cols);
        SCALAR.addBias(scalar, bias, rows, cols);
        assertSameBits(scalar, vector, "addBias vector vs scalar");
        float[] expected = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = (float) ((double) x[i] + bias[i % cols]);
        }
        assertSameBits(expected, scalar, "addBias vs float64 sum");
    }

    @ParameterizedTest(name = "length={0}")
    @MethodSource("lengths")
    void reluEqualsScalarBitsIncludingSignedZeroAndNaNAndLeavesTheTail(int length) {
        SplittableRandom random = random(length);
        float[] x = withSpecials(random, length + 5);
        float[] vector = x.clone();
        float[] scalar = x.clone();
        VECTOR.relu(vector, length);
        SCALAR.relu(scalar, length);
        assertSameBits(scalar, vector, "relu vector vs scalar");
        for (int i = 0; i < x.length; i++) {
            float expected = i >= length ? x[i] : Float.isNaN(x[i]) ? Float.NaN : x[i] > 0f ? x[i] : 0f;
            assertSameBits(expected, scalar[i], "relu at " + i + " of " + x[i]);
        }
    }

    @ParameterizedTest(name = "length={0}")
    @MethodSource("lengths")
    void reluBackwardEqualsScalarBitsAndMasksWhereActivationIsNotPositive(int length) {
        SplittableRandom random = random(length, 1);
        float[] activation = withSpecials(random, length + 5);
        float[] grad = randomFloats(random, length + 5, 3f);
        float[] vector = grad.clone();
        float[] scalar = grad.clone();
        VECTOR.reluBackward(vector, activation, length);
        SCALAR.reluBackward(scalar, activation, length);
        assertSameBits(scalar, vector, "reluBackward vector vs scalar");
        for (int i = 0; i < grad.length; i++) {
            float expected = i < length && !(activation[i] > 0f) ? 0f : grad[i];
            assertSameBits(expected, scalar[i], "reluBackward at " + i + ", activation " + activation[i]);
        }
    }

    @ParameterizedTest(name = "length={0}")
    @MethodSource("lengths")
    void axpyEqualsScalarBitsAndTheFusedMultiplyAdd(int length) {
        SplittableRandom random = random(length, 2);
        float[] x = randomFloats(random, length + 5, 4f);
        float[] y = randomFloats(random, length + 5, 4f);
        float alpha = -0.37f;
        float[] vector = y.clone();
        float[] scalar = y.clone();
        VECTOR.axpy(alpha, x, vector, length);
        SCALAR.axpy(alpha, x, scalar, length);
        assertSameBits(scalar, vector, "axpy vector vs scalar");
        double[] reference = new double[y.length];
        double[] tolerance = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            reference[i] = i < length ? (double) alpha * x[i] + y[i] : y[i];
            tolerance[i] = i < length ? Math.ulp((float) reference[i]) : 0;
        }
        assertWithin(reference, scalar, tolerance, "axpy vs float64");
    }

    @ParameterizedTest(name = "rows={0} cols={1}")
    @MethodSource("rowsAndCols")
    void columnSumsEqualScalarBitsAndTheFloat64Sums(int rows, int cols) {
        SplittableRandom random = random(rows, cols, 3);
        float[] x = randomFloats(random, rows * cols, 5f);
        float[] vector = randomFloats(random, cols, 1f);
        float[] scalar = vector.clone();
        VECTOR.columnSums(x, vector, rows, cols);
        SCALAR.columnSums(x, scalar, rows, cols);
        assertSameBits(scalar, vector, "columnSums vector vs scalar");
        double[] reference = new double[cols];
        double[] tolerance = new double[cols];
        for (int j = 0; j < cols; j++) {
            double magnitude = 0;
            for (int i = 0; i < rows; i++) {
                reference[j] += x[i * cols + j];
                magnitude += Math.abs(x[i * cols + j]);
            }
            tolerance[j] = 4 * Math.sqrt(rows + 1.0) * UNIT_ROUNDOFF * magnitude;
        }
        assertWithin(reference, scalar, tolerance, "columnSums vs float64");
    }

    @ParameterizedTest(name = "length={0}")
    @MethodSource("lengths")
    void sumOfSquaresOfBothBackendsMatchesFloat64(int length) {
        float[] x = randomFloats(random(length, 4), length, 3f);
        double reference = 0;
        for (float v : x) {
            reference += (double) v * v;
        }
        double tolerance = 4 * Math.sqrt(length + 1.0) * UNIT_ROUNDOFF * reference;
        assertWithin(reference, VECTOR.sumOfSquares(x, length), tolerance, "vector sumOfSquares");
        assertWithin(reference, SCALAR.sumOfSquares(x, length), tolerance, "scalar sumOfSquares");
    }

    @ParameterizedTest(name = "rows={0} cols={1}")
    @MethodSource("rowsAndCols")
    void softmaxOfBothBackendsMatchesFloat64AndNarrowRowsEqualScalarBits(int rows, int cols) {
        float[] x = randomFloats(random(rows, cols, 5), rows * cols, 4f);
        float[] vector = x.clone();
        float[] scalar = x.clone();
        VECTOR.softmax(vector, rows, cols);
        SCALAR.softmax(scalar, rows, cols);
        double[] reference = new double[x.length];
        double[] tolerance = new double[x.length];
        for (int i = 0; i < rows; i++) {
            double[] p = softmaxRow(x, i * cols, cols);
            for (int j = 0; j < cols; j++) {
                reference[i * cols + j] = p[j];
                tolerance[i * cols + j] = (8 + 4 * Math.sqrt(cols)) * UNIT_ROUNDOFF * p[j];
            }
        }
        assertWithin(reference, vector, tolerance, "vector softmax");
        assertWithin(reference, scalar, tolerance, "scalar softmax");
        if (cols < LANES) {
            assertSameBits(scalar, vector, "softmax with cols < lanes, vector vs scalar");
        }
    }

    @ParameterizedTest(name = "rows={0} cols={1}")
    @MethodSource("rowsAndCols")
    void softmaxCrossEntropyOfBothBackendsMatchesFloat64AndNarrowRowsEqualScalarBits(int rows, int cols) {
        if (cols == 0) {
            return; // a row needs at least one class for its label
        }
        SplittableRandom random = random(rows, cols, 6);
        float[] scores = randomFloats(random, rows * cols, 4f);
        int[] labels = random.ints(rows, 0, cols).toArray();
        float[] vectorGrad = new float[scores.length];
        float[] scalarGrad = new float[scores.length];
        float vectorLoss = VECTOR.softmaxCrossEntropy(scores.clone(), labels, vectorGrad, rows, cols);
        float scalarLoss = SCALAR.softmaxCrossEntropy(scores.clone(), labels, scalarGrad, rows, cols);

        double loss = 0;
        double lossMagnitude = 0;
        double[] grad = new double[scores.length];
        double[] gradTolerance = new double[scores.length];
        for (int i = 0; i < rows; i++) {
            double[] p = softmaxRow(scores, i * cols, cols);
            double term = -Math.log(p[labels[i]]);
            loss += term / rows;
            lossMagnitude += Math.abs(term) / rows;
            for (int j = 0; j < cols; j++) {
                grad[i * cols + j] = (p[j] - (j == labels[i] ? 1 : 0)) / rows;
                gradTolerance[i * cols + j] = (16 + 4 * Math.sqrt(cols)) * UNIT_ROUNDOFF * (p[j] + 1) / rows;
            }
        }
        double lossTolerance = (16 + 4 * Math.sqrt(rows) + 4 * Math.sqrt(cols)) * UNIT_ROUNDOFF * (lossMagnitude + 1);
        assertWithin(loss, vectorLoss, lossTolerance, "vector loss");
        assertWithin(loss, scalarLoss, lossTolerance, "scalar loss");
        assertWithin(grad, vectorGrad, gradTolerance, "vector gradient");
        assertWithin(grad, scalarGrad, gradTolerance, "scalar gradient");
        if (cols < LANES) {
            assertSameBits(scalarLoss, vectorLoss, "loss with cols < lanes, vector vs scalar");
            assertSameBits(scalarGrad, vectorGrad, "gradient with cols < lanes, vector vs scalar");
        }
    }

    @Test
    void softmaxSubtractsTheMaximumSoHugeScoresStayFinite() {
        for (Kernels kernels : List.of(VECTOR, SCALAR)) {
            for (int cols : new int[] {3, LANES + 3}) {
                float[] x = new float[cols];
                for (int j = 0; j < cols; j++) {
                    x[j] = 1.0e30f + j * 1.0e29f;
                }
                float[] grad = new float[cols];
                float loss = kernels.softmaxCrossEntropy(x.clone(), new int[] {cols - 1}, grad, 1, cols);
                kernels.softmax(x, 1, cols);
                assertEquals(1.0, x[cols - 1], 1e-6, kernels.backend() + ": the largest score takes all mass");
                assertEquals(0.0, loss, 1e-6, kernels.backend() + ": loss of a confident correct label");
                for (int j = 0; j < cols; j++) {
                    assertTrue(Float.isFinite(x[j]) && Float.isFinite(grad[j]), kernels.backend() + " at " + j);
                }
            }
        }
    }

    @Test
    void softmaxCrossEntropyOfNoRowsIsZero() {
        assertEquals(0f, VECTOR.softmaxCrossEntropy(new float[0], new int[0], new float[0], 0, LANES + 1));
        assertEquals(0f, SCALAR.softmaxCrossEntropy(new float[0], new int[0], new float[0], 0, 3));
    }

    private static double[] softmaxRow(float[] x, int start, int cols) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < cols; j++) {
            max = Math.max(max, x[start + j]);
        }
        double[] p = new double[cols];
        double sum = 0;
        for (int j = 0; j < cols; j++) {
            p[j] = Math.exp(x[start + j] - max);
            sum += p[j];
        }
        for (int j = 0; j < cols; j++) {
            p[j] /= sum;
        }
        return p;
    }
}
