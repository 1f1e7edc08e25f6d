package io.vecnet.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.Matrix;
import org.junit.jupiter.api.Test;

class SpiralTest {

    @Test
    void caseStudySpiralHasThreeHundredPointsInTwoDimensions() {
        Dataset data = Spiral.generate(1);
        assertEquals(300, data.size());
        assertEquals(2, data.dimensions());
        assertEquals(3, data.classes());
        assertEquals(new Matrix(300, 2).shape(), data.features().shape());
    }

    @Test
    void labelsAreGroupedByClass() {
        Dataset data = Spiral.generate(7, 4, 0.2, new Rng(2));
        for (int row = 0; row < data.size(); row++) {
            assertEquals(row / 7, data.labels()[row], "row " + row);
        }
    }

    @Test
    void eachArmStartsAtTheOriginAndRadiiFollowLinspace() {
        int n = 50;
        Dataset data = Spiral.generate(n, 3, 0.2, new Rng(3));
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < n; i++) {
                float x = data.features().get(j * n + i, 0);
                float y = data.features().get(j * n + i, 1);
                assertEquals((double) i / (n - 1), Math.hypot(x, y), 1e-6, "arm " + j + " point " + i);
                assertTrue(Math.abs(x) <= 1f && Math.abs(y) <= 1f, "arm " + j + " point " + i);
            }
            // r = 0 gives 0 · sin t, which would be -0.0 where sin t < 0, and be written so.
            assertEquals(0, Float.floatToRawIntBits(data.features().get(j * n, 0)), "arm " + j + " starts at 0.0");
            assertEquals(0, Float.floatToRawIntBits(data.features().get(j * n, 1)), "arm " + j + " starts at 0.0");
        }
    }

    @Test
    void withoutNoiseArmJSweepsAnglesFour_jToFour_jPlusFour() {
        int n = 11;
        Dataset data = Spiral.generate(n, 2, 0.0, new Rng(0));
        for (int j = 0; j < 2; j++) {
            for (int i = 1; i < n; i++) {
                double r = (double) i / (n - 1);
                double t = 4.0 * j + 4.0 * i / (n - 1);
                assertEquals(r * Math.sin(t), data.features().get(j * n + i, 0), 1e-6);
                assertEquals(r * Math.cos(t), data.features().get(j * n + i, 1), 1e-6);
            }
        }
    }

    @Test
    void sameSeedGivesTheSameData() {
        Dataset a = Spiral.generate(5);
        Dataset b = Spiral.generate(Spiral.POINTS_PER_CLASS, Spiral.CLASSES, Spiral.NOISE, new Rng(5));
        assertEquals(a.features(), b.features());
        assertTrue(java.util.Arrays.equals(a.labels(), b.labels()));
        assertTrue(!a.features().equals(Spiral.generate(6).features()), "another seed moves the points");
    }

    @Test
    void onePointPerClassSitsAtTheOrigin() {
        Dataset data = Spiral.generate(1, 3, 0.2, new Rng(1));
        assertEquals(3, data.size());
        for (float v : data.features().data()) {
            assertTrue(v == 0f, "value " + v);
        }
    }

    @Test
    void rejectsEmptySpirals() {
        assertEquals("a spiral needs at least one point and one class, got 0 points per class and 3 classes",
                assertThrows(IllegalArgumentException.class, () -> Spiral.generate(0, 3, 0.2, new Rng(1))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Spiral.generate(10, 0, 0.2, new Rng(1)));
    }
}
