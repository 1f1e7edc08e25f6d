package io.vecnet.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vecnet.Matrix;
import io.vecnet.data.Dataset;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandardizerTest {
    private final Dataset data = new Dataset(Matrix.of(new float[][] {{1, 10, 5}, {3, 10, 5}, {5, 10, 5e7f}}),
            new int[] {0, 1, 0}, 2);

    @Test
    void fitsPopulationStatisticsAndLeavesConstantFeaturesAtZero() {
        Standardizer scaler = Standardizer.fit(data);
        assertArrayEquals(new float[] {3f, 10f, (float) ((10 + 5e7) / 3)}, scaler.mean());
        assertEquals((float) Math.sqrt(8.0 / 3), scaler.std()[0]);
        assertEquals(1f, scaler.std()[1], "a constant feature keeps std 1");
        Matrix scaled = scaler.apply(data.features());
        assertEquals(0f, scaled.get(1, 0), 1e-7f);
        assertEquals(0f, scaled.get(2, 1));
        assertEquals(1f, (scaled.get(2, 0) - scaled.get(0, 0)) / 2 / (float) Math.sqrt(3.0 / 2), 1e-6f);
        assertArrayEquals(data.labels(), scaler.apply(data).labels());
    }

    @Test
    void aClassifierScalesRawRowsItself() {
        Mlp network = Mlp.initialise(NetworkSpec.of(3, 2, Activation.RELU, 4), Init.HE, new io.vecnet.data.Rng(1));
        Standardizer scaler = Standardizer.fit(data);
        Classifier classifier = new Classifier(network, scaler, List.of("no", "yes"));
        assertArrayEquals(network.predict(scaler.apply(data.features())), classifier.predict(data.features()));
        assertEquals("yes", classifier.className(1));
        assertEquals("1", Classifier.of(network).className(1));
        assertThrows(IllegalArgumentException.class, () -> new Classifier(network, scaler, List.of("one")));
        assertThrows(IllegalArgumentException.class,
                () -> new Classifier(network, new Standardizer(new float[2], new float[] {1, 1}), List.of()));
    }

    @Test
    void float64StatisticsRoundAsFitRoundsThem() {
        Standardizer scaler = Standardizer.fromFloat64(new double[] {1.1, -2, 5}, new double[] {0.3, 0, 1e-300});
        assertArrayEquals(new float[] {1.1f, -2f, 5f}, scaler.mean());
        assertArrayEquals(new float[] {0.3f, 1f, 1f}, scaler.std());
    }

    @Test
    void refusesStatisticsThatCannotScale() {
        assertThrows(IllegalArgumentException.class, () -> new Standardizer(new float[] {0}, new float[] {0}));
        assertThrows(IllegalArgumentException.class, () -> new Standardizer(new float[] {Float.NaN}, new float[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new Standardizer(new float[2], new float[1]));
    }
}
