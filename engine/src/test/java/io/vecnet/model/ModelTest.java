package io.vecnet.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.Matrix;
import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.data.Spiral;
import io.vecnet.kernels.Backend;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.kernels.Kernels;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ModelTest {
    private static final Kernels VECTOR = KernelProvider.select(Backend.VECTOR);

    @Test
    void linearScoresAreXTimesWPlusB() {
        Matrix w = Matrix.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        Matrix b = Matrix.of(new float[][] {{0.5f, -1, 0}});
        SoftmaxClassifier model = new SoftmaxClassifier(w, b);
        Matrix x = Matrix.of(new float[][] {{1, 0}, {0, 1}, {1, 1}});
        assertEquals(Matrix.of(new float[][] {{1.5f, 1, 3}, {4.5f, 4, 6}, {5.5f, 6, 9}}), model.scores(x, VECTOR));
        assertArrayEquals(new int[] {2, 2, 2}, model.predict(x, VECTOR));
        assertEquals("linear", model.kind());
        assertEquals(2, model.inputs());
        assertEquals(3, model.classes());
    }

    @Test
    void netScoresApplyReluBetweenTheLayers() {
        Matrix w1 = Matrix.of(new float[][] {{1, -1}});
        Matrix b1 = Matrix.of(new float[][] {{0, 0}});
        Matrix w2 = Matrix.of(new float[][] {{1, 0}, {0, 1}});
        Matrix b2 = Matrix.of(new float[][] {{0, 0.5f}});
        TwoLayerNet net = new TwoLayerNet(w1, b1, w2, b2);
        Matrix x = Matrix.of(new float[][] {{2}, {-3}});
        assertEquals(Matrix.of(new float[][] {{2, 0.5f}, {0, 3.5f}}), net.scores(x, VECTOR));
        assertEquals("net", net.kind());
        assertEquals(2, net.hidden());
    }

    @Test
    void predictBreaksTiesTowardsTheLowestClass() {
        SoftmaxClassifier model = new SoftmaxClassifier(new Matrix(2, 4), new Matrix(1, 4));
        assertArrayEquals(new int[] {0, 0}, model.predict(new Matrix(2, 2), VECTOR));
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"VECTOR", "SCALAR"})
    void probabilitiesAreRowsSummingToOne(Backend backend) {
        Kernels kernels = KernelProvider.select(backend);
        Rng rng = new Rng(4);
        TwoLayerNet net = TwoLayerNet.initialise(2, 30, 5, rng);
        for (Parameter p : net.parameters()) {
            rng.fillGaussian(p.value().data(), 1f);
        }
        Matrix p = net.probabilities(Spiral.generate(10, 5, 0.2, rng).features(), kernels);
        for (int i = 0; i < p.rows(); i++) {
            double sum = 0;
            for (int j = 0; j < p.cols(); j++) {
                assertTrue(p.get(i, j) >= 0f);
                sum += p.get(i, j);
            }
            assertEquals(1.0, sum, 1e-5, "row " + i);
        }
    }

    @Test
    void initialisationDrawsSmallWeightsAndZeroBiasesFromTheGenerator() {
        TwoLayerNet net = TwoLayerNet.initialise(2, 100, 3, new Rng(11));
        Rng rng = new Rng(11);
        float[] w1 = new float[200];
        rng.fillGaussian(w1, 0.01f);
        float[] w2 = new float[300];
        rng.fillGaussian(w2, 0.01f);
        assertArrayEquals(w1, net.parameters().get(0).value().data(), "W1 is drawn first");
        assertArrayEquals(w2, net.parameters().get(2).value().data(), "then W2");
        assertEquals(new Matrix(1, 100), net.parameters().get(1).value());
        assertEquals(new Matrix(1, 3), net.parameters().get(3).value());
        assertEquals(List.of("W1", "b1", "W2", "b2"), net.parameters().stream().map(Parameter::name).toList());
        assertEquals(List.of(true, false, true, false), net.parameters().stream().map(Parameter::regularised).toList());

        SoftmaxClassifier linear = SoftmaxClassifier.initialise(2, 3, new Rng(11));
        float[] w = new float[6];
        new Rng(11).fillGaussian(w, 0.01f);
        assertArrayEquals(w, linear.weights().data());
        assertEquals(new Matrix(1, 3), linear.bias());
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"VECTOR", "SCALAR"})
    void objectiveAddsHalfRegTimesSquaredWeightsButNotBiases(Backend backend) {
        Kernels kernels = KernelProvider.select(backend);
        Rng rng = new Rng(12);
        Dataset data = Spiral.generate(10, 3, 0.2, rng);
        TwoLayerNet net = TwoLayerNet.initialise(2, 8, 3, rng);
        double squares = 0;
        for (Parameter p : net.parameters()) {
            rng.fillGaussian(p.value().data(), 1f);
            for (float v : p.value().data()) {
                squares += p.regularised() ? (double) v * v : 0;
            }
        }
        float reg = 0.1f;
        float unregularised = net.objective(data, 0f, kernels).evaluate();
        float regularised = net.objective(data, reg, kernels).evaluate();
        assertEquals(0.5 * reg * squares, regularised - unregularised, 1e-4 * (1 + squares));
    }

    @Test
    void constructorsAndInputsNameTheShapes() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> new SoftmaxClassifier(new Matrix(2, 3), new Matrix(1, 2))).getMessage();
        assertEquals("a linear classifier needs W inputs x classes and b 1 x classes, got W 2x3 and b 1x2", message);
        message = assertThrows(IllegalArgumentException.class, () -> new TwoLayerNet(new Matrix(2, 4), new Matrix(1, 4),
                new Matrix(5, 3), new Matrix(1, 3))).getMessage();
        assertTrue(message.contains("W1 2x4, b1 1x4, W2 5x3 and b2 1x3"), message);
        SoftmaxClassifier model = SoftmaxClassifier.initialise(2, 3, new Rng(1));
        message = assertThrows(IllegalArgumentException.class, () -> model.scores(new Matrix(4, 3), VECTOR)).getMessage();
        assertEquals("the model takes 2 features per row, the data has 3 (data 4x3)", message);
        assertThrows(IllegalArgumentException.class,
                () -> model.objective(new Dataset(new Matrix(4, 3), new int[4], 3), 1e-3f, VECTOR));
        assertThrows(IllegalArgumentException.class, () -> model.objective(Spiral.generate(1), -1f, VECTOR));
    }
}
