package io.vecnet.kernels.vector;

import static io.vecnet.testing.FloatAsserts.UNIT_ROUNDOFF;
import static io.vecnet.testing.FloatAsserts.assertSameBits;
import static io.vecnet.testing.FloatAsserts.assertSameBitsOrBothNaN;
import static io.vecnet.testing.FloatAsserts.assertWithin;
import static io.vecnet.testing.FloatAsserts.randomFloats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.kernels.FloatMath;
import io.vecnet.kernels.Kernels;
import io.vecnet.kernels.ScalarKernels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The non-matmul kernels: vector and scalar backends against float64 references, and the bit-for-bit
 * equalities the javadoc promises (element-wise ops, and softmax on rows narrower than a vector).
 * Ranges at offsets give the bits they give from index 0.
 */
class VectorKernelsTest {
    private static final int LANES = VectorMath.LANES;
    private static final Kernels VECTOR = new VectorKernels();
    private static final Kernels SCALAR = new ScalarKernels();
    private static final float[] SPECIAL = {-0f, 0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
            Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, -Float.MAX_VALUE, Float.MAX_VALUE, 1f, -1f};
    /** Where tanh and sigmoid turn: tiny, around the exp clamp, and saturated. */
    private static final float[] ACTIVATION_SPECIAL = {1e-30f, -1e-30f, 3e-8f, -3e-8f, -Float.MIN_NORMAL,
            0x1.fffffcp-127f, 0.5f, -0.5f, 9f, -9f, 20f, -20f, 43.7f, -43.7f, 87.4f, -87.4f, 88.5f, -88.5f,
            1e30f, -1e30f};
    private static final float[] SLOPES = {0.01f, 0.3f, 0f, -0f, 1.5f, -2f};

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

    /**
     * Values spread over many binades, with every third replaced by one of {@link #SPECIAL} or
     * {@link #ACTIVATION_SPECIAL}.
     */
    private static float[] activationInputs(SplittableRandom random, int length) {
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            float magnitude = (float) Math.scalb(1 + random.nextDouble(), random.nextInt(-30, 8));
            x[i] = random.nextBoolean() ? magnitude : -magnitude;
            if (i % 3 == 0) {
                x[i] = random.nextBoolean() ? SPECIAL[random.nextInt(SPECIAL.length)]
                        : ACTIVATION_SPECIAL[random.nextInt(ACTIVATION_SPECIAL.length)];
            }
        }
        return x;
    }

    /**
     * Runs {@code kernel} on copies of {@code x} with both backends; asserts the same bits everywhere (a
     * NaN may come out as another NaN: for a NaN activation, the sign of fma(-a, a, 1) changes between
     * JIT tiers) and that nothing from {@code length} on changed. Returns the scalar result.
     */
    private static float[] assertBothBackendsGiveTheSameBits(String name, float[] x, int length,
                                                              BiConsumer<Kernels, float[]> kernel) {
        float[] vector = x.clone();
        float[] scalar = x.clone();
        kernel.accept(VECTOR, vector);
        kernel.accept(SCALAR, scalar);
        assertSameBitsOrBothNaN(scalar, vector, name + " vector vs scalar");
        assertSameBits(Arrays.copyOfRange(x, length, x.length), Arrays.copyOfRange(scalar, length, x.length),
                name + " past the length");
        return scalar;
    }

    @ParameterizedTest(name = "length={0}")
    @MethodSource("lengths")
    void leakyReluAndItsBackwardEqualScalarBits(int length) {
        SplittableRandom random = random(length, 7);
        float[] x = activationInputs(random, length + 5);
        float[] grad = activationInputs(random, length + 5);
        for (float slope : SLOPES) {
            float[] y = assertBothBackendsGiveTheSameBits("leakyRelu slope " + slope, x, length,
                    (kernels, values) -> kernels.leakyRelu(values, slope, length));
            for (int i = 0; i < length; i++) {
                float expected = x[i] > 0f ? x[i] : (float) ((double) slope * x[i]);
                assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(y[i]),
                        "leakyRelu slope " + slope + " of " + x[i]);
            }
            assertBothBackendsGiveTheSameBits("leakyReluBackward slope " + slope, grad, length,
                    (kernels, g) -> kernels.leakyReluBackward(g, y, slope, length));
            assertBothBackendsGiveTheSameBits("leakyReluBackward slope " + slope + " at special activations", grad,
                    length, (kernels, g) -> kernels.leakyReluBackward(g, x, slope, length));
        }
    }

    @ParameterizedTest(name = "length={0}")
    @MethodSource("lengths")
    void tanhAndItsBackwardEqualScalarBits(int length) {
        SplittableRandom random = random(length, 8);
        float[] x = activationInputs(random, length + 5);
        float[] grad = activationInputs(random, length + 5);
        float[] y = assertBothBackendsGiveTheSameBits("tanh", x, length,
                (kernels, values) -> kernels.tanh(values, length));
        assertBothBackendsGiveTheSameBits("tanhBackward", grad, length,
                (kernels, g) -> kernels.tanhBackward(g, y, length));
        assertBothBackendsGiveTheSameBits("tanhBackward at special activations", grad, length,
                (kernels, g) -> kernels.tanhBackward(g, x, length));
    }

    @ParameterizedTest(name = "length={0}")
    @MethodSource("lengths")
    void sigmoidAndItsBackwardEqualScalarBits(int length) {
        SplittableRandom random = random(length, 9);
        float[] x = activationInputs(random, length + 5);
        float[] grad = activationInputs(random, length + 5);
        float[] y = assertBothBackendsGiveTheSameBits("sigmoid", x, length,
                (kernels, values) -> kernels.sigmoid(values, length));
        assertBothBackendsGiveTheSameBits("sigmoidBackward", grad, length,
                (kernels, g) -> kernels.sigmoidBackward(g, y, length));
        assertBothBackendsGiveTheSameBits("sigmoidBackward at special activations", grad, length,
                (kernels, g) -> kernels.sigmoidBackward(g, x, length));
    }

    @Test
    void activationsOfSpecialValuesAreWhatTheFunctionsPromise() {
        for (Kernels kernels : List.of(VECTOR, SCALAR)) {
            float[] x = {Float.NaN, 0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MAX_VALUE,
                    -Float.MAX_VALUE, Float.MIN_VALUE};
            float[] tanh = repeatedToAWholeVector(x);
            float[] sigmoid = tanh.clone();
            kernels.tanh(tanh, tanh.length);
            kernels.sigmoid(sigmoid, sigmoid.length);
            String name = kernels.backend() + " ";
            assertTrue(Float.isNaN(tanh[0]) && Float.isNaN(sigmoid[0]), name + "NaN stays NaN");
            assertSameBits(new float[] {0f, -0f, 1f, -1f, 1f, -1f}, Arrays.copyOfRange(tanh, 1, 7),
                    name + "tanh keeps the sign of zero and saturates at ±1");
            assertEquals(0.5f, sigmoid[1], name + "sigmoid(0)");
            assertEquals(0.5f, sigmoid[2], name + "sigmoid(-0)");
            assertEquals(1f, sigmoid[3], name + "sigmoid(inf)");
            assertEquals(1f, sigmoid[5], name + "sigmoid(MAX_VALUE)");
            assertTrue(sigmoid[4] > 0f && sigmoid[4] < 2 * Float.MIN_NORMAL,
                    name + "sigmoid(-inf) is the smallest value exp gives, was " + sigmoid[4]);
            assertEquals(0.5f, sigmoid[7], name + "sigmoid(MIN_VALUE)");
        }
    }

    /** {@code values} repeated to a whole number of vectors, so that the vector loop sees them. */
    private static float[] repeatedToAWholeVector(float[] values) {
        float[] repeated = new float[(values.length + LANES - 1) / LANES * LANES];
        for (int i = 0; i < repeated.length; i++) {
            repeated[i] = values[i % values.length];
        }
        return repeated;
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

    @ParameterizedTest(name = "length={0} offset={1}")
    @MethodSource("lengthsAndOffsets")
    void axpyAndSumOfSquaresGiveTheBitsOfAxpyAndOfSumOfSquares(int length, int offset) {
        SplittableRandom random = random(length, offset, 13);
        float[] x = randomFloats(random, length, 3f);
        float[] y = randomFloats(random, length, 3f);
        float alpha = 1e-3f;
        int yOffset = offset + 2;
        for (Kernels kernels : List.of(VECTOR, SCALAR)) {
            float[] separate = y.clone();
            kernels.axpy(alpha, x, separate, length);
            float squares = kernels.sumOfSquares(x, length);
            float[] placedX = placed(x, offset, Float.NaN);
            float[] placedY = placed(y, yOffset, -5f);
            float fused = kernels.axpyAndSumOfSquares(alpha, placedX, offset, placedY, yOffset, length);
            String context = kernels.backend() + " axpyAndSumOfSquares, length " + length;
            assertSameBits(squares, fused, context + ": the sum");
            assertSameBits(placed(separate, yOffset, -5f), placedY, context + ": y");
            assertSameBits(placed(x, offset, Float.NaN), placedX, context + ": x must not change");
        }
    }

    /** Steps from and to subnormals, from zeros of both signs, to tiny normals and ordinary values. */
    @ParameterizedTest(name = "length={0}")
    @MethodSource("lengths")
    void gradientStepIsTheFusedMultiplyAddWithSubnormalResultsFlushed(int length) {
        SplittableRandom random = random(length, 14);
        float rate = 0.5f;
        float[] parameters = new float[length + 3];
        float[] gradient = new float[length + 3];
        float tiny = Float.MIN_NORMAL;
        for (int i = 0; i < parameters.length; i++) {
            float sign = (i & 8) == 0 ? 1f : -1f;
            switch (i % 5) {
                case 0 -> parameters[i] = sign * Float.MIN_VALUE * (1 + random.nextInt(1 << 20)); // stays subnormal
                case 1 -> { // 2·tiny - 0.5·3·tiny = tiny / 2: becomes subnormal
                    parameters[i] = sign * 2 * tiny;
                    gradient[i] = sign * 3 * tiny;
                }
                case 2 -> { // 4·tiny - 0.5·2·tiny = 3·tiny: stays normal
                    parameters[i] = sign * 4 * tiny;
                    gradient[i] = sign * 2 * tiny;
                }
                case 3 -> parameters[i] = sign * 0f;
                default -> {
                    parameters[i] = (random.nextFloat() - 0.5f) * 8f;
                    gradient[i] = (random.nextFloat() - 0.5f) * 4f;
                }
            }
        }
        float[] expected = parameters.clone();
        for (int i = 0; i < length; i++) {
            float theta = Math.fma(-rate, gradient[i], parameters[i]);
            expected[i] = Math.abs(theta) < Float.MIN_NORMAL ? 0f : theta;
        }
        for (Kernels kernels : List.of(VECTOR, SCALAR)) {
            float[] p = parameters.clone();
            kernels.gradientStep(p, gradient, rate, length);
            assertSameBits(expected, p, kernels.backend() + " gradientStep");
        }
    }

    static IntStream splitLengths() {
        int threshold = VectorKernels.ELEMENTWISE_PARALLEL_THRESHOLD;
        return IntStream.of(threshold - 1, threshold, threshold + LANES + 3, 3 * threshold + 17);
    }

    /**
     * The optimisers' element-wise updates split over threads at these lengths; every element must
     * get the bits one thread, and the scalar kernels, give it.
     */
    @ParameterizedTest(name = "length={0}")
    @MethodSource("splitLengths")
    void elementwiseUpdatesSplitOverThreadsGiveTheBitsOfOneThread(int length) {
        SplittableRandom random = random(length, 12);
        float[] parameters = randomFloats(random, length, 2f);
        float[] gradient = randomFloats(random, length, 1f);
        float[] state = randomFloats(random, length, 0.5f);
        float[] squares = randomFloats(random, length, 0.5f);
        for (int i = 0; i < length; i += 97) {
            parameters[i] = Float.MIN_VALUE * i;
        }
        for (int i = 0; i < length; i++) {
            squares[i] = Math.abs(squares[i]);
        }
        List<float[][]> results = new ArrayList<>();
        for (Kernels kernels : List.of(SCALAR, new VectorKernels(1), new VectorKernels(2), new VectorKernels(3))) {
            float[] p = parameters.clone();
            float[] velocity = state.clone();
            float[] m = state.clone();
            float[] v = squares.clone();
            kernels.gradientStep(p, gradient, 0.01f, length);
            kernels.momentumStep(p, gradient, velocity, 0.05f, 0.9f, true, length);
            kernels.momentumStep(p, gradient, velocity, 0.05f, 0.9f, false, length);
            kernels.adamStep(p, gradient, m, v, 0.9f, 0.999f, 1e-3f, 1.0005f, 1e-8f, 0.9999f, length);
            results.add(new float[][] {p, velocity, m, v});
        }
        for (int k = 1; k < results.size(); k++) {
            for (int array = 0; array < 4; array++) {
                assertSameBits(results.get(0)[array], results.get(k)[array], "kernels " + k + ", array " + array);
            }
        }
    }

    static Stream<Arguments> lengthsAndOffsets() {
        return lengths().boxed().flatMap(length -> IntStream.of(1, LANES - 1, LANES + 3)
                .mapToObj(offset -> Arguments.of(length, offset)));
    }

    /** {@code values} at {@code offset} in a larger array filled with {@code around}. */
    private static float[] placed(float[] values, int offset, float around) {
        float[] array = new float[offset + values.length + LANES + 1];
        Arrays.fill(array, around);
        System.arraycopy(values, 0, array, offset, values.length);
        return array;
    }

    @ParameterizedTest(name = "length={0} offset={1}")
    @MethodSource("lengthsAndOffsets")
    void axpyAtOffsetsGivesTheBitsOfTheRangesFromIndexZeroAndTouchesNothingElse(int length, int offset) {
        SplittableRandom random = random(length, offset, 10);
        float[] x = randomFloats(random, length, 4f);
        float[] y = randomFloats(random, length, 4f);
        float alpha = 1.37f;
        int yOffset = 2 * offset + 1;
        float[] fromZero = y.clone();
        VECTOR.axpy(alpha, x, fromZero, length);
        for (Kernels kernels : List.of(VECTOR, SCALAR)) {
            float[] placedX = placed(x, offset, Float.NaN);
            float[] placedY = placed(y, yOffset, -5f);
            kernels.axpy(alpha, placedX, offset, placedY, yOffset, length);
            assertSameBits(placed(x, offset, Float.NaN), placedX, kernels.backend() + " axpy must not change x");
            assertSameBits(placed(fromZero, yOffset, -5f), placedY, kernels.backend() + " axpy at offsets");
        }
    }

    @ParameterizedTest(name = "length={0} offset={1}")
    @MethodSource("lengthsAndOffsets")
    void sumOfSquaresOfARangeHasTheBitsOfTheSameValuesFromIndexZero(int length, int offset) {
        float[] x = randomFloats(random(length, offset, 11), length, 3f);
        for (Kernels kernels : List.of(VECTOR, SCALAR)) {
            assertSameBits(kernels.sumOfSquares(x, length), kernels.sumOfSquares(placed(x, offset, Float.NaN), offset,
                    length), kernels.backend() + " sumOfSquares at offset " + offset);
        }
    }

    @ParameterizedTest(name = "rows={0} cols={1}")
    @MethodSource("rowsAndCols")
    void reluBackwardColumnSumsEqualsTheTwoScalarKernelsBitForBit(int rows, int cols) {
        SplittableRandom random = random(rows, cols, 13);
        float[] activation = withSpecials(random, rows * cols);
        float[] grad = randomFloats(random, rows * cols + 5, 3f);
        int outOffset = LANES + 3;
        float[] sums = placed(randomFloats(random, cols, 1f), outOffset, 9f);
        float[] vectorGrad = grad.clone();
        float[] vectorSums = sums.clone();
        VECTOR.reluBackwardColumnSums(vectorGrad, activation, rows, cols, vectorSums, outOffset);
        float[] scalarGrad = grad.clone();
        float[] scalarSums = sums.clone();
        SCALAR.reluBackward(scalarGrad, activation, rows * cols);
        SCALAR.columnSums(scalarGrad, scalarSums, outOffset, rows, cols);
        assertSameBits(scalarGrad, vectorGrad, "reluBackwardColumnSums' masked grad vs scalar reluBackward");
        assertSameBits(scalarSums, vectorSums, "reluBackwardColumnSums' sums vs scalar columnSums");
        for (int blockRows : new int[] {1, 2, 5, rows + 1}) {
            float[] blockGrad = grad.clone();
            float[] blockSums = sums.clone();
            VectorKernels.reluBackwardColumnSums(blockGrad, activation, rows, cols, blockSums, outOffset, blockRows);
            assertSameBits(scalarGrad, blockGrad, "masked grad in blocks of " + blockRows + " rows");
            assertSameBits(scalarSums, blockSums, "sums in blocks of " + blockRows + " rows");
        }
    }

    /** Past the size where the façade switches from the two kernels to the one pass. */
    @Test
    void reluBackwardColumnSumsOfALargeDeltaEqualsTheTwoScalarKernels() {
        int cols = 4 * LANES + 3;
        int rows = GemmBlocking.DETECTED.streamedRows(cols) + 5;
        SplittableRandom random = random(rows, cols, 15);
        float[] activation = withSpecials(random, rows * cols);
        float[] grad = randomFloats(random, rows * cols, 3f);
        float[] vectorGrad = grad.clone();
        float[] vectorSums = new float[cols];
        VECTOR.reluBackwardColumnSums(vectorGrad, activation, rows, cols, vectorSums, 0);
        SCALAR.reluBackward(grad, activation, rows * cols);
        float[] scalarSums = new float[cols];
        SCALAR.columnSums(grad, scalarSums, 0, rows, cols);
        assertSameBits(grad, vectorGrad, "masked grad, " + rows + " x " + cols);
        assertSameBits(scalarSums, vectorSums, "sums, " + rows + " x " + cols);
    }

    @ParameterizedTest(name = "rows={0} cols={1}")
    @MethodSource("rowsAndCols")
    void columnSumsAtAnOffsetEqualScalarBitsAndTouchNothingElse(int rows, int cols) {
        SplittableRandom random = random(rows, cols, 12);
        float[] x = randomFloats(random, rows * cols, 5f);
        int outOffset = LANES + 3;
        float[] vector = placed(new float[cols], outOffset, 9f);
        float[] scalar = vector.clone();
        VECTOR.columnSums(x, vector, outOffset, rows, cols);
        SCALAR.columnSums(x, scalar, outOffset, rows, cols);
        assertSameBits(scalar, vector, "columnSums at an offset, vector vs scalar");
        float[] fromZero = new float[cols];
        SCALAR.columnSums(x, fromZero, rows, cols);
        assertSameBits(placed(fromZero, outOffset, 9f), scalar, "columnSums at an offset vs from index 0");
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

    /**
     * Narrow rows a vector of rows at a time: every group size, partial last groups, scores that
     * clamp the exponential, an infinite score and a row of them, against the scalar kernel's bits;
     * through the façade too, on either side of the row count where it starts taking that route.
     */
    @Test
    void softmaxCrossEntropyOfNarrowRowsEqualsScalarBitsForEveryGrouping() {
        int threshold = VectorSoftmax.LANE_ROWS_THRESHOLD;
        for (int cols = 1; cols < LANES; cols = cols < 3 ? cols + 1 : 2 * cols + 1) {
            for (int rows : new int[] {1, LANES - 1, LANES, LANES + 1, 2 * LANES + 3, 97, threshold - 1,
                                       threshold + 3}) {
                SplittableRandom random = random(rows, cols, 14);
                float[] scores = randomFloats(random, rows * cols, 6f);
                scores[random.nextInt(scores.length)] = 100f;
                scores[random.nextInt(scores.length)] = -100f;
                scores[random.nextInt(scores.length)] = Float.NEGATIVE_INFINITY;
                if (rows > 2) {
                    Arrays.fill(scores, cols, 2 * cols, Float.NEGATIVE_INFINITY);
                }
                int[] labels = random.ints(rows, 0, cols).toArray();
                float[] vectorGrad = new float[scores.length + 3];
                float[] scalarGrad = new float[scores.length + 3];
                float scale = 1f / (rows + 2);
                float[] laneGrad = new float[scores.length + 3];
                float laneLoss = VectorSoftmax.narrowCrossEntropy(scores, labels, laneGrad, rows, cols, scale);
                float vectorLoss = VECTOR.softmaxCrossEntropy(scores, labels, vectorGrad, rows, cols, scale);
                float scalarLoss = SCALAR.softmaxCrossEntropy(scores, labels, scalarGrad, rows, cols, scale);
                String context = rows + " rows of " + cols + " classes";
                assertSameBitsOrBothNaN(new float[] {scalarLoss}, new float[] {laneLoss}, "lanes' loss, " + context);
                assertSameBitsOrBothNaN(scalarGrad, laneGrad, "lanes' gradient, " + context);
                assertSameBitsOrBothNaN(new float[] {scalarLoss}, new float[] {vectorLoss}, "loss, " + context);
                assertSameBitsOrBothNaN(scalarGrad, vectorGrad, "gradient, " + context);
            }
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

    @ParameterizedTest(name = "rows={0} cols={1}")
    @MethodSource("rowsAndCols")
    void softmaxCrossEntropyWithScaleOneOverRowsKeepsTheMeansBits(int rows, int cols) {
        if (rows == 0 || cols == 0) {
            return;
        }
        SplittableRandom random = random(rows, cols, 13);
        float[] scores = randomFloats(random, rows * cols, 4f);
        int[] labels = random.ints(rows, 0, cols).toArray();
        float[] meanGrad = new float[scores.length];
        float mean = meanCrossEntropyAsBeforeTheScale(scores, labels, meanGrad, rows, cols);
        for (Kernels kernels : List.of(VECTOR, SCALAR)) {
            float[] grad = new float[scores.length];
            float loss = kernels.softmaxCrossEntropy(scores, labels, grad, rows, cols, 1f / rows);
            float[] defaultGrad = new float[scores.length];
            assertSameBits(loss, kernels.softmaxCrossEntropy(scores, labels, defaultGrad, rows, cols),
                    kernels.backend() + " loss, scale 1/rows vs the mean overload");
            assertSameBits(grad, defaultGrad, kernels.backend() + " gradient, scale 1/rows vs the mean overload");
            if (kernels == SCALAR || cols < LANES) {
                assertSameBits(mean, loss, kernels.backend() + " loss, scale 1/rows vs the mean as it was");
                assertSameBits(meanGrad, grad, kernels.backend() + " gradient, scale 1/rows vs the mean as it was");
            }
        }
    }

    /** The scalar kernel as it was before it took a scale: the mean, with 1/rows rounded once up front. */
    private static float meanCrossEntropyAsBeforeTheScale(float[] scores, int[] labels, float[] grad, int rows,
                                                          int cols) {
        float invRows = 1f / rows;
        float lossSum = 0f;
        for (int i = 0; i < rows; i++) {
            int row = i * cols;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, scores[row + j]);
            }
            float sum = 0f;
            for (int j = 0; j < cols; j++) {
                grad[row + j] = FloatMath.exp(scores[row + j] - max);
                sum += grad[row + j];
            }
            lossSum += FloatMath.log(sum) - (scores[row + labels[i]] - max);
            float scale = invRows / sum;
            for (int j = 0; j < cols; j++) {
                grad[row + j] *= scale;
            }
            grad[row + labels[i]] -= invRows;
        }
        return lossSum * invRows;
    }

    /**
     * The loss is {@code Σ loss_i} times the scale, one rounding, so it is always the scale-1 loss times
     * the scale exactly. The gradient rounds {@code scale / sum} once per row: for a power of two that
     * is exact and every element is the scale-1 element times the scale bit for bit; for other scales
     * an element is within a few roundings of it (4u relative, plus 8u·scale where the label's 1 is
     * subtracted).
     */
    @ParameterizedTest(name = "rows={0} cols={1}")
    @MethodSource("rowsAndCols")
    void softmaxCrossEntropyScalesItsLossExactlyAndItsGradientWithinRounding(int rows, int cols) {
        if (cols == 0) {
            return;
        }
        SplittableRandom random = random(rows, cols, 14);
        float[] scores = randomFloats(random, rows * cols, 4f);
        int[] labels = random.ints(rows, 0, cols).toArray();
        for (Kernels kernels : List.of(VECTOR, SCALAR)) {
            float[] unitGrad = new float[scores.length];
            float unitLoss = kernels.softmaxCrossEntropy(scores, labels, unitGrad, rows, cols, 1f);
            for (float scale : new float[] {0.25f, 2f, 0x1p-10f, 1f / 3, 1f / (rows + 7), 0.3f, -0.7f}) {
                String context = kernels.backend() + " scale " + scale;
                float[] grad = new float[scores.length];
                float loss = kernels.softmaxCrossEntropy(scores, labels, grad, rows, cols, scale);
                assertSameBits(unitLoss * scale, loss, context + ": loss");
                float[] scaled = new float[grad.length];
                double[] reference = new double[grad.length];
                double[] tolerance = new double[grad.length];
                for (int i = 0; i < grad.length; i++) {
                    scaled[i] = unitGrad[i] * scale;
                    reference[i] = (double) unitGrad[i] * scale;
                    boolean label = labels[i / cols] == i % cols;
                    tolerance[i] = 4 * UNIT_ROUNDOFF * Math.abs(reference[i])
                            + (label ? 8 * UNIT_ROUNDOFF * Math.abs(scale) : 0);
                }
                boolean powerOfTwo = (Float.floatToRawIntBits(scale) & 0x007fffff) == 0;
                if (powerOfTwo) {
                    assertSameBits(scaled, grad, context + ": gradient, a power of two");
                } else {
                    assertWithin(reference, grad, tolerance, context + ": gradient");
                }
            }
            assertSameBits(0f, kernels.softmaxCrossEntropy(new float[0], new int[0], new float[0], 0, cols, 0.5f),
                    kernels.backend() + ": no rows");
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
