package io.vecnet.kernels.vector;

import static io.vecnet.testing.FloatAsserts.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.Matrix;
import io.vecnet.data.Rng;
import io.vecnet.kernels.ScalarKernels;
import io.vecnet.kernels.TwoLayerPass;
import io.vecnet.kernels.UnfusedTwoLayerPass;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The fused pass must give the scalar reference pass's bits, on any shape it accepts and any thread count. */
class FusedTwoLayerPassTest {

    static Stream<Arguments> shapes() {
        List<Arguments> cases = new ArrayList<>();
        for (int rows : new int[] {1, 2, 15, 16, 17, 31, 33, 300}) {
            for (int hidden : new int[] {1, 15, 16, 17, 100}) {
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
    void givesTheScalarReferenceBits(int rows, int inputs, int hidden, int classes) {
        Problem p = new Problem(rows, inputs, hidden, classes, 11);
        p.assertSameAsReference(new FusedTwoLayerPass(p.x, p.labels, hidden, classes, Workers.SERIAL), 3);
    }

    @Test
    void givesTheSameBitsWhenSplitOverThreads() {
        int rows = 3001, hidden = 100;
        assertTrue((long) rows * hidden >= FusedTwoLayerPass.PARALLEL_THRESHOLD, "large enough to split");
        Problem p = new Problem(rows, 2, hidden, 3, 5);
        p.assertSameAsReference(new FusedTwoLayerPass(p.x, p.labels, hidden, 3, new Workers(3)), 2);
    }

    @Test
    void vectorKernelsFuseOnlyTheShapesThePassCovers() {
        VectorKernels kernels = new VectorKernels();
        Problem small = new Problem(30, 2, 10, 3, 1);
        assertInstanceOf(FusedTwoLayerPass.class, kernels.twoLayerPass(small.x, small.labels, 10, 3));
        Problem wide = new Problem(30, 5, 10, 3, 1);
        assertInstanceOf(UnfusedTwoLayerPass.class, kernels.twoLayerPass(wide.x, wide.labels, 10, 3));
        Problem manyClasses = new Problem(30, 2, 10, 7, 1);
        assertInstanceOf(UnfusedTwoLayerPass.class, kernels.twoLayerPass(manyClasses.x, manyClasses.labels, 10, 7));
    }

    /** Random data and parameters, large enough that ReLU units are both on and off. */
    private static final class Problem {
        final Matrix x;
        final int[] labels;
        final float[] w1, b1, w2, b2;
        final int hidden, classes;

        Problem(int rows, int inputs, int hidden, int classes, long seed) {
            Rng rng = new Rng(seed);
            this.hidden = hidden;
            this.classes = classes;
            x = new Matrix(rows, inputs);
            rng.fillGaussian(x.data(), 1f);
            labels = new int[rows];
            for (int i = 0; i < rows; i++) {
                labels[i] = (int) (rng.nextDouble() * classes);
            }
            w1 = gaussian(rng, inputs * hidden, 0.5f);
            b1 = gaussian(rng, hidden, 0.5f);
            w2 = gaussian(rng, hidden * classes, 0.5f);
            b2 = gaussian(rng, classes, 0.5f);
        }

        private static float[] gaussian(Rng rng, int size, float scale) {
            float[] values = new float[size];
            rng.fillGaussian(values, scale);
            return values;
        }

        /** Runs both passes {@code calls} times, updating the parameters in between, and compares all outputs. */
        void assertSameAsReference(TwoLayerPass fused, int calls) {
            TwoLayerPass reference = new UnfusedTwoLayerPass(new ScalarKernels(), x, labels, hidden, classes);
            for (int call = 0; call < calls; call++) {
                float[][] expected = gradients();
                float[][] actual = gradients();
                float expectedLoss = reference.lossAndGradients(w1, b1, w2, b2,
                        expected[0], expected[1], expected[2], expected[3]);
                float actualLoss = fused.lossAndGradients(w1, b1, w2, b2, actual[0], actual[1], actual[2], actual[3]);
                assertSameBits(expectedLoss, actualLoss, "loss, call " + call);
                String[] names = {"dW1", "db1", "dW2", "db2"};
                for (int i = 0; i < names.length; i++) {
                    assertSameBits(expected[i], actual[i], names[i] + ", call " + call);
                }
                float[][] parameters = {w1, b1, w2, b2};
                for (int i = 0; i < parameters.length; i++) {
                    for (int j = 0; j < parameters[i].length; j++) {
                        parameters[i][j] -= 0.5f * expected[i][j];
                    }
                }
            }
        }

        private float[][] gradients() {
            return new float[][] {new float[w1.length], new float[b1.length], new float[w2.length], new float[b2.length]};
        }
    }
}
