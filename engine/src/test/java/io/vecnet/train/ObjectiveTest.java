package io.vecnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vecnet.Matrix;
import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.data.Spiral;
import io.vecnet.internal.DatasetArrays;
import io.vecnet.kernels.Backend;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.kernels.Kernels;
import io.vecnet.nn.Activation;
import io.vecnet.nn.Init;
import io.vecnet.nn.Mlp;
import io.vecnet.nn.NetworkSpec;
import io.vecnet.nn.Standardizer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectiveTest {
    private static final Kernels SCALAR = KernelProvider.select(Backend.SCALAR);

    private static float[] parameters(NetworkSpec spec, long seed) {
        return Init.XAVIER.parameters(spec, new Rng(seed));
    }

    /**
     * The fused pass the vector kernels offer for the case study's shape computes exactly what the
     * generic backprop computes on the scalar kernels, at any size and thread count. (The L2 penalty's
     * sum of squares folds lanes in the vector kernels, so the total loss may differ in its last bit;
     * its gradient, element-wise, does not.)
     */
    @ParameterizedTest(name = "{0} points per class")
    @ValueSource(ints = {1, 5, 16, 33, 100, 1000})
    void theFusedPathGivesTheScalarBackpropsBits(int points) {
        for (int classes = 2; classes <= 3; classes++) {
            Dataset data = Spiral.generate(points, classes, Spiral.NOISE, new Rng(points));
            for (int hidden : new int[] {1, 15, 16, 17, 100}) {
                NetworkSpec spec = NetworkSpec.of(2, classes, Activation.RELU, hidden);
                float[] parameters = parameters(spec, hidden);
                float[] reference = new float[parameters.length];
                Objective scalar = Objective.on(data, spec, 1e-3f, SCALAR);
                float referenceLoss = scalar.dataLossAndGradient(parameters, 1f / data.size(), reference);
                scalar.addL2(parameters, reference);
                for (int threads = 1; threads <= 2; threads++) {
                    float[] gradient = new float[parameters.length];
                    Objective vector = Objective.on(data, spec, 1e-3f, KernelProvider.select(Backend.VECTOR, threads));
                    float loss = vector.dataLossAndGradient(parameters, 1f / data.size(), gradient);
                    vector.addL2(parameters, gradient);
                    String what = points + "x" + classes + " points, " + hidden + " hidden, " + threads + " threads";
                    assertEquals(referenceLoss, loss, what);
                    assertArrayEquals(reference, gradient, what);
                }
            }
        }
    }

    /** The fused pass is taken by shape, on full batches, where the kernels offer it: the case study's. */
    @Test
    void saysWhenTrainingTakesTheFusedPass() {
        Kernels vector = KernelProvider.select(Backend.VECTOR, 1);
        Kernels scalar = KernelProvider.select(Backend.SCALAR);
        NetworkSpec caseStudy = NetworkSpec.of(2, 3, Activation.RELU, 100);
        TrainingConfig fullBatch = new TrainingConfig(1e-3f, 100, 10);
        assertEquals(true, new Trainer(vector).usesFusedPass(caseStudy, fullBatch, 300));
        assertEquals(false, new Trainer(vector).usesFusedPass(caseStudy, fullBatch.withBatches(50, 1), 300));
        assertEquals(false, new Trainer(scalar).usesFusedPass(caseStudy, fullBatch, 300));
        assertEquals(false, Objective.usesFusedPass(NetworkSpec.of(2, 3, Activation.RELU, 64, 32), vector));
        assertEquals(false, Objective.usesFusedPass(NetworkSpec.of(2, 3, Activation.TANH, 100), vector));
        assertEquals(false, Objective.usesFusedPass(NetworkSpec.of(4, 3, Activation.RELU, 100), vector));
        assertEquals(false, Objective.usesFusedPass(NetworkSpec.of(2, 10, Activation.RELU, 100), vector));
    }

    /** Partitions each computing (1/N)·Σ over their own rows add up to the whole data term. */
    @Test
    void scaledPartsOfTheDataAddUpToTheWhole() {
        Dataset all = Spiral.generate(40, 3, Spiral.NOISE, new Rng(3));
        NetworkSpec spec = NetworkSpec.of(2, 3, Activation.TANH, 9, 5);
        float[] parameters = parameters(spec, 4);
        float scale = 1f / all.size();
        float[] whole = new float[parameters.length];
        float wholeLoss = Objective.on(all, spec, 0f, SCALAR).dataLossAndGradient(parameters, scale, whole);
        float[] summed = new float[parameters.length];
        float summedLoss = 0f;
        for (int[] range : new int[][] {{0, 50}, {50, 51}, {51, 120}}) {
            float[] part = new float[parameters.length];
            summedLoss += Objective.on(rows(all, range[0], range[1]), spec, 0f, SCALAR)
                    .dataLossAndGradient(parameters, scale, part);
            for (int i = 0; i < part.length; i++) {
                summed[i] += part[i];
            }
        }
        assertEquals(wholeLoss, summedLoss, 1e-5f);
        for (int i = 0; i < whole.length; i++) {
            assertEquals(whole[i], summed[i], 1e-5f + 1e-4f * Math.abs(whole[i]), "parameter " + i);
        }
    }

    /**
     * The objective and the evaluations read a data set's own arrays rather than copies of them
     * ({@link DatasetArrays}), so none of them may write to those arrays: on every
     * route (the fused pass, generic backprop of a deep net), backend and thread count, the data set
     * holds the same values after training on it as before.
     */
    @Test
    void readsTheDataInPlaceAndLeavesItUnchanged() {
        Dataset data = Spiral.generate(50, 3, Spiral.NOISE, new Rng(8));
        Matrix features = data.features();
        int[] labels = data.labels();
        assertArrayEquals(features.data(), DatasetArrays.features(data));
        assertArrayEquals(labels, DatasetArrays.labels(data));
        Kernels[] backends = {SCALAR, KernelProvider.select(Backend.VECTOR, 1), KernelProvider.select(Backend.VECTOR, 2)};
        for (NetworkSpec spec : new NetworkSpec[] {NetworkSpec.of(2, 3, Activation.RELU, 20),
                NetworkSpec.of(2, 3, Activation.TANH, 17, 5), NetworkSpec.of(2, 3, Activation.RELU)}) {
            for (Kernels kernels : backends) {
                Mlp model = Mlp.of(spec, parameters(spec, 2));
                new Trainer(kernels).train(model, data, new TrainingConfig(1e-3f, 5, 10), new GradientDescent(1f));
                Evaluation.of(model, data, kernels);
                model.accuracy(data, kernels);
                Standardizer.fit(data).apply(data);
                String what = spec.describe() + " on " + kernels.description();
                assertEquals(features, data.features(), what);
                assertArrayEquals(labels, data.labels(), what);
            }
        }
    }

    @Test
    void theDataSetReaderIsInstalledOnce() {
        assertThrows(IllegalStateException.class, () -> DatasetArrays.install(
                new DatasetArrays.Reader() {
                    @Override
                    public float[] features(Dataset data) {
                        return new float[0];
                    }

                    @Override
                    public int[] labels(Dataset data) {
                        return new int[0];
                    }
                }));
    }

    @Test
    void theL2TermPenalisesWeightsButNotBiases() {
        NetworkSpec spec = NetworkSpec.of(3, 2, Activation.RELU, 4);
        float[] parameters = new float[spec.parameterCount()];
        Arrays.fill(parameters, 2f);
        float[] gradient = new float[parameters.length];
        Objective objective = Objective.on(new Dataset(new Matrix(1, 3), new int[] {1}, 2), spec, 0.5f, SCALAR);
        float penalty = objective.addL2(parameters, gradient);
        int weights = 3 * 4 + 4 * 2;
        assertEquals(0.5f * 0.5f * 4f * weights, penalty);
        spec.layers().forEach(layer -> {
            for (int i = layer.weightOffset(); i < layer.biasOffset(); i++) {
                assertEquals(1f, gradient[i], "weight " + i);
            }
            for (int i = layer.biasOffset(); i < layer.end(); i++) {
                assertEquals(0f, gradient[i], "bias " + i);
            }
        });
    }

    @Test
    void anObjectiveWithoutRowsIsItsL2TermAlone() {
        Dataset data = Spiral.generate(10, 3, Spiral.NOISE, new Rng(5));
        NetworkSpec spec = NetworkSpec.of(2, 3, Activation.RELU, 6);
        float[] parameters = parameters(spec, 6);
        float[] expected = new float[parameters.length];
        float expectedPenalty = Objective.on(data, spec, 0.1f, SCALAR).addL2(parameters, expected);
        Objective penaltyOnly = Objective.withoutRows(spec, 0.1f, SCALAR);
        float[] gradient = new float[parameters.length];
        Arrays.fill(gradient, 7f);
        assertEquals(0f, penaltyOnly.dataLossAndGradient(parameters, 1f, gradient));
        assertEquals(expectedPenalty, penaltyOnly.addL2(parameters, gradient));
        assertArrayEquals(expected, gradient);
        assertEquals(0, penaltyOnly.rows());
    }

    @Test
    void dataMustFitTheNetwork() {
        Dataset data = Spiral.generate(3, 3, Spiral.NOISE, new Rng(1));
        assertThrows(IllegalArgumentException.class,
                () -> Objective.on(data, NetworkSpec.linear(3, 3), 0f, SCALAR));
        assertThrows(IllegalArgumentException.class,
                () -> Objective.on(data, NetworkSpec.linear(2, 2), 0f, SCALAR));
        assertThrows(IllegalArgumentException.class,
                () -> Objective.on(data, NetworkSpec.linear(2, 3), -1f, SCALAR));
    }

    private static Dataset rows(Dataset data, int from, int to) {
        float[] x = new float[(to - from) * data.dimensions()];
        int[] y = new int[to - from];
        data.copyRows(from, to - from, x, y);
        return new Dataset(new Matrix(to - from, data.dimensions(), x), y, data.classes());
    }
}
