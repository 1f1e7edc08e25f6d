package io.vecnet.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.Matrix;
import io.vecnet.data.Rng;
import io.vecnet.kernels.Backend;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.kernels.Kernels;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MlpTest {
    private static final Kernels SCALAR = KernelProvider.select(Backend.SCALAR);

    /**
     * Many rows go through the network in blocks, whose activations alone are held: the scores are
     * the bits of one pass over all the rows, on every backend and thread count, for row counts
     * around the block size.
     */
    /** NaN scores compare false, so a NaN feature would have predicted the first class, silently. */
    @Test
    void nonFiniteFeaturesAreRefusedNamingTheirPlace() {
        Mlp net = Mlp.initialise(NetworkSpec.of(3, 2, Activation.RELU, 4), new Rng(1));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> net.predict(new float[] {1f, Float.NaN, 0f}));
        assertEquals("row 0, feature 1 (counted from 0) is NaN; a network's inputs must be finite numbers",
                nan.getMessage());
        Matrix rows = new Matrix(2, 3, new float[] {0f, 0f, 0f, 0f, 0f, Float.NEGATIVE_INFINITY});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> net.scores(rows)).getMessage()
                .startsWith("row 1, feature 2 (counted from 0) is -Infinity"));
    }

    @Test
    void scoresInBlocksAreTheBitsOfOnePass() {
        Kernels[] backends = {SCALAR, KernelProvider.select(Backend.VECTOR, 1), KernelProvider.select(Backend.VECTOR, 2)};
        // 64 x 33: a block of rows is a product large enough to split over two threads.
        NetworkSpec[] specs = {NetworkSpec.of(64, 10, Activation.RELU, 33), NetworkSpec.of(2, 3, Activation.RELU, 100),
                NetworkSpec.of(5, 4, Activation.TANH, 7, 3), NetworkSpec.linear(17, 2)};
        Rng rng = new Rng(5);
        for (NetworkSpec spec : specs) {
            Mlp model = Mlp.initialise(spec, Init.XAVIER, rng);
            for (int n : new int[] {Mlp.BLOCK_ROWS, Mlp.BLOCK_ROWS + 1, 2 * Mlp.BLOCK_ROWS + 3}) {
                float[] x = new float[n * spec.inputs()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) rng.nextGaussian();
                }
                for (Kernels kernels : backends) {
                    float[][] whole = Forward.buffers(spec, n);
                    Forward.run(kernels, spec, spec.layers(), model.parameters(), x, n, whole);
                    assertArrayEquals(whole[spec.depth() - 1], model.scores(new Matrix(n, spec.inputs(), x), kernels).data(),
                            spec.describe() + ", " + n + " rows, " + kernels.description());
                }
            }
        }
    }
    private final Mlp model = Mlp.initialise(NetworkSpec.of(3, 4, Activation.TANH, 6, 5), Init.XAVIER, new Rng(2));
    private final Matrix rows = Matrix.of(new float[][] {{0.5f, -1f, 2f}, {0f, 0f, 0f}, {-3f, 1f, 0.25f}});

    /** The scores of one row, computed in float64 straight from the layer views. */
    private double[] scoresOf(float[] x) {
        double[] a = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            a[i] = x[i];
        }
        for (DenseLayer layer : model.spec().layers()) {
            Matrix w = model.weights(layer.index());
            float[] b = model.bias(layer.index());
            double[] out = new double[layer.outputs()];
            for (int j = 0; j < out.length; j++) {
                out[j] = b[j];
                for (int k = 0; k < a.length; k++) {
                    out[j] += a[k] * w.get(k, j);
                }
                if (layer.index() < model.spec().hidden().size()) {
                    out[j] = Math.tanh(out[j]);
                }
            }
            a = out;
        }
        return a;
    }

    @Test
    void scoresFollowTheLayerViews() {
        Matrix scores = model.scores(rows, SCALAR);
        for (int i = 0; i < rows.rows(); i++) {
            double[] expected = scoresOf(new float[] {rows.get(i, 0), rows.get(i, 1), rows.get(i, 2)});
            for (int c = 0; c < 4; c++) {
                assertEquals(expected[c], scores.get(i, c), 1e-5, "row " + i + ", class " + c);
            }
        }
    }

    @Test
    void oneRowAndManyRowsAgree() {
        int[] many = model.predict(rows);
        Matrix probabilities = model.probabilities(rows);
        for (int i = 0; i < rows.rows(); i++) {
            float[] row = {rows.get(i, 0), rows.get(i, 1), rows.get(i, 2)};
            assertEquals(many[i], model.predict(row));
            float[] p = model.probabilities(row);
            float sum = 0;
            for (int c = 0; c < 4; c++) {
                assertEquals(probabilities.get(i, c), p[c]);
                sum += p[c];
            }
            assertEquals(1f, sum, 1e-6f);
        }
    }

    @Test
    void parametersAndViewsAreCopies() {
        float[] before = model.parameters();
        model.parameters()[0] = 42f;
        model.weights(0).set(0, 0, 42f);
        model.bias(1)[0] = 42f;
        assertArrayEquals(before, model.parameters());
        float[] given = before.clone();
        Mlp copy = Mlp.of(model.spec(), given);
        given[0] = 42f;
        assertArrayEquals(before, copy.parameters());
    }

    @Test
    void ofChecksLengthAndFiniteness() {
        assertThrows(IllegalArgumentException.class, () -> Mlp.of(model.spec(), new float[3]));
        float[] nan = model.parameters();
        nan[7] = Float.NaN;
        assertEquals("parameter 7 is NaN; weights must be finite",
                assertThrows(IllegalArgumentException.class, () -> Mlp.of(model.spec(), nan)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.predict(new Matrix(2, 5)));
    }

    @Test
    void initialisationDrawsEachLayersWeightsInOrderAndZeroesBiases() {
        NetworkSpec spec = NetworkSpec.of(2, 3, Activation.RELU, 4, 5);
        float[] he = Init.HE.parameters(spec, new Rng(1));
        Rng rng = new Rng(1);
        for (DenseLayer layer : spec.layers()) {
            float sigma = (float) Math.sqrt(2.0 / layer.inputs());
            for (int i = layer.weightOffset(); i < layer.biasOffset(); i++) {
                assertEquals((float) (sigma * rng.nextGaussian()), he[i]);
            }
            for (int i = layer.biasOffset(); i < layer.end(); i++) {
                assertEquals(0f, he[i]);
            }
        }
    }

    @Test
    void oneModelServesManyThreadsAtOnce() throws Exception {
        int[] expected = model.predict(rows);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<int[]>> results = new ArrayList<>();
            for (int t = 0; t < 64; t++) {
                results.add(pool.submit(() -> model.predict(rows)));
            }
            for (Future<int[]> result : results) {
                assertArrayEquals(expected, result.get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
