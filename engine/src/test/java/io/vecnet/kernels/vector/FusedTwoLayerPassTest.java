package io.vecnet.kernels.vector;

import static io.vecnet.testing.FloatAsserts.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.Matrix;
import io.vecnet.data.Rng;
import io.vecnet.kernels.Kernels;
import io.vecnet.kernels.MatmulForm;
import io.vecnet.kernels.ScalarKernels;
import io.vecnet.kernels.TwoLayerPass;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused pass must give the bits of the separate scalar kernels run layer by layer over the flat
 * parameter array, on any shape it accepts, for any scale and any thread count.
 */
class FusedTwoLayerPassTest {
    private static final int LANES = VectorMath.LANES;
    private static final Kernels SCALAR = new ScalarKernels();
    private static final Workers TWO_WORKERS = new Workers(2);
    private static final Workers THREE_WORKERS = new Workers(3);

    static Stream<Arguments> shapes() {
        TreeSet<Integer> rowCounts = new TreeSet<>(List.of(0, 1, 2, 15, 16, 17, 31, 33, 300));
        rowCounts.addAll(List.of(LANES - 1, LANES, LANES + 1));
        TreeSet<Integer> hiddenSizes = new TreeSet<>(List.of(1, 15, 16, 17, 100));
        hiddenSizes.addAll(List.of(LANES - 1, LANES, LANES + 1, 2 * LANES + 1));
        List<Arguments> cases = new ArrayList<>();
        for (int rows : rowCounts) {
            for (int hidden : hiddenSizes) {
                for (int inputs = 1; inputs <= FusedTwoLayerPass.INPUTS; inputs++) {
                    for (int classes = 1; classes <= FusedTwoLayerPass.CLASSES; classes++) {
                        cases.add(Arguments.of(rows, inputs, hidden, classes));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "rows={0} inputs={1} hidden={2} classes={3}")
    @MethodSource("shapes")
    void givesTheBitsOfTheSeparateScalarKernels(int rows, int inputs, int hidden, int classes) {
        Problem p = new Problem(rows, inputs, hidden, classes, 11);
        p.assertSameAsReference(new FusedTwoLayerPass(p.x, p.labels, hidden, classes, Workers.SERIAL), 3);
        p.assertSameAsReference(new FusedTwoLayerPass(p.x, p.labels, hidden, classes, TWO_WORKERS), 1);
    }

    static Stream<Arguments> parallelShapes() {
        return Stream.of(Arguments.of(3001, 2, 100, 3), Arguments.of(4099, 1, 67, 2));
    }

    @ParameterizedTest(name = "rows={0} inputs={1} hidden={2} classes={3}")
    @MethodSource("parallelShapes")
    void givesTheSameBitsWhenSplitOverThreads(int rows, int inputs, int hidden, int classes) {
        assertTrue((long) rows * hidden >= FusedTwoLayerPass.PARALLEL_THRESHOLD, "large enough to split");
        Problem p = new Problem(rows, inputs, hidden, classes, 5);
        p.assertSameAsReference(new FusedTwoLayerPass(p.x, p.labels, hidden, classes, TWO_WORKERS), 2);
        p.assertSameAsReference(new FusedTwoLayerPass(p.x, p.labels, hidden, classes, THREE_WORKERS), 1);
    }

    @Test
    void vectorKernelsOfferTheFusedPassOnlyForTheShapesItCovers() {
        Kernels kernels = new VectorKernels(2);
        Problem small = new Problem(30, 2, 10, 3, 1);
        TwoLayerPass pass = kernels.fusedTwoLayerPass(small.x, small.labels, 10, 3).orElseThrow();
        assertInstanceOf(FusedTwoLayerPass.class, pass);
        small.assertSameAsReference(pass, 2);
        assertTrue(kernels.fusedTwoLayerPass(new Problem(30, 1, 10, 1, 1).x, small.labels, 10, 1).isPresent());
        assertFalse(kernels.fusedTwoLayerPass(new Matrix(30, 0), small.labels, 10, 3).isPresent(), "no inputs");
        assertFalse(kernels.fusedTwoLayerPass(new Matrix(30, 3), small.labels, 10, 3).isPresent(), "3 inputs");
        assertFalse(kernels.fusedTwoLayerPass(small.x, small.labels, 10, 4).isPresent(), "4 classes");
        assertFalse(kernels.fusedTwoLayerPass(small.x, small.labels, 10, 0).isPresent(), "no classes");
        assertFalse(SCALAR.fusedTwoLayerPass(small.x, small.labels, 10, 3).isPresent(), "scalar kernels have none");
    }

    /**
     * Random data and parameters, large enough that ReLU units are both on and off. The flat arrays run
     * on past the pass's layout, as they do when other layers follow; the pass must not touch that part.
     */
    private static final class Problem {
        private static final int BEYOND_LAYOUT = 5;
        private static final float BEYOND_LAYOUT_GRADIENT = 42f;

        final Matrix x;
        final int[] labels;
        final int rows, inputs, hidden, classes;
        final int b1Offset, w2Offset, b2Offset, size;
        final float[] parameters;

        Problem(int rows, int inputs, int hidden, int classes, long seed) {
            Rng rng = new Rng(seed);
            this.rows = rows;
            this.inputs = inputs;
            this.hidden = hidden;
            this.classes = classes;
            x = new Matrix(rows, inputs);
            rng.fillGaussian(x.data(), 1f);
            labels = new int[rows];
            for (int i = 0; i < rows; i++) {
                labels[i] = (int) (rng.nextDouble() * classes);
            }
            b1Offset = inputs * hidden;
            w2Offset = b1Offset + hidden;
            b2Offset = w2Offset + hidden * classes;
            size = b2Offset + classes;
            parameters = new float[size + BEYOND_LAYOUT];
            rng.fillGaussian(parameters, 0.5f);
        }

        /** 1/rows (the mean) and a scale that is not, as when this batch is one part of a larger sum. */
        float[] scales() {
            return rows == 0 ? new float[] {0.5f} : new float[] {1f / rows, 1f / (3 * rows + 7)};
        }

        /**
         * The pass as the generic back-propagation runs it: the separate scalar kernels in this order,
         * each layer's weights read from, and its gradient written into, the flat arrays in place.
         */
        float reference(float[] gradient, float scale) {
            float[] activations = new float[rows * hidden];
            float[] scores = new float[rows * classes];
            float[] dscores = new float[rows * classes];
            float[] dhidden = new float[rows * hidden];
            SCALAR.affine(x.data(), parameters, 0, parameters, b1Offset, activations, rows, inputs, hidden);
            SCALAR.relu(activations, activations.length);
            SCALAR.affine(activations, parameters, w2Offset, parameters, b2Offset, scores, rows, hidden, classes);
            float loss = SCALAR.softmaxCrossEntropy(scores, labels, dscores, rows, classes, scale);
            SCALAR.matmul(MatmulForm.ATB, activations, 0, dscores, 0, gradient, w2Offset, hidden, rows, classes, false);
            SCALAR.columnSums(dscores, gradient, b2Offset, rows, classes);
            SCALAR.matmul(MatmulForm.ABT, dscores, 0, parameters, w2Offset, dhidden, 0, rows, classes, hidden, false);
            SCALAR.reluBackward(dhidden, activations, dhidden.length);
            SCALAR.matmul(MatmulForm.ATB, x.data(), 0, dhidden, 0, gradient, 0, inputs, rows, hidden, false);
            SCALAR.columnSums(dhidden, gradient, b1Offset, rows, hidden);
            return loss;
        }

        /**
         * For each scale, runs the reference and the pass {@code calls} times, stepping the parameters
         * in between, and compares the loss and every layer's gradient bit for bit.
         */
        void assertSameAsReference(TwoLayerPass fused, int calls) {
            for (float scale : scales()) {
                for (int call = 0; call < calls; call++) {
                    String context = "rows=" + rows + " inputs=" + inputs + " hidden=" + hidden + " classes=" + classes
                            + " scale=" + scale + " call " + call;
                    float[] expected = gradient();
                    float[] actual = gradient();
                    float[] parametersBefore = parameters.clone();
                    float expectedLoss = reference(expected, scale);
                    float actualLoss = fused.lossAndGradient(parameters, actual, scale);
                    assertSameBits(parametersBefore, parameters, context + ": parameters must not change");
                    assertSameBits(expectedLoss, actualLoss, "loss, " + context);
                    assertSameLayer(expected, actual, "dW1", 0, b1Offset, context);
                    assertSameLayer(expected, actual, "db1", b1Offset, w2Offset, context);
                    assertSameLayer(expected, actual, "dW2", w2Offset, b2Offset, context);
                    assertSameLayer(expected, actual, "db2", b2Offset, size, context);
                    assertSameLayer(expected, actual, "beyond the layout", size, expected.length, context);
                    for (int i = 0; i < size; i++) {
                        parameters[i] -= 0.5f * expected[i];
                    }
                }
            }
        }

        /** NaN where the pass must write, so that nothing is left over from before the call. */
        private float[] gradient() {
            float[] gradient = new float[size + BEYOND_LAYOUT];
            Arrays.fill(gradient, 0, size, Float.NaN);
            Arrays.fill(gradient, size, gradient.length, BEYOND_LAYOUT_GRADIENT);
            return gradient;
        }

        private static void assertSameLayer(float[] expected, float[] actual, String layer, int from, int to,
                                            String context) {
            assertSameBits(Arrays.copyOfRange(expected, from, to), Arrays.copyOfRange(actual, from, to),
                    layer + ", " + context);
        }
    }
}
