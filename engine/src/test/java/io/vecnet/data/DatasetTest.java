package io.vecnet.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vecnet.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class DatasetTest {

    private static void assertRejected(String message, Executable create) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, create).getMessage());
    }

    @Test
    void exposesWhatItWasGiven() {
        Matrix x = Matrix.of(new float[][] {{1, 2}, {3, 4}, {5, 6}});
        Dataset data = new Dataset(x, new int[] {0, 2, 1}, 3);
        assertEquals(3, data.size());
        assertEquals(2, data.dimensions());
        assertEquals(3, data.classes());
        assertEquals(x, data.features());
    }

    @Test
    void nothingOutsideCanChangeItAfterValidation() {
        Matrix x = Matrix.of(new float[][] {{1, 2}, {3, 4}});
        int[] labels = {0, 1};
        Dataset data = new Dataset(x, labels, 2);
        labels[1] = 99;
        x.set(0, 0, Float.NaN);
        data.labels()[0] = 77;
        data.features().set(1, 1, -1f);
        assertEquals(1, data.label(1));
        assertEquals(0, data.labels()[0]);
        assertEquals(Matrix.of(new float[][] {{1, 2}, {3, 4}}), data.features());
    }

    @Test
    void copiesRowsInAnyOrder() {
        Dataset data = new Dataset(Matrix.of(new float[][] {{1, 2}, {3, 4}, {5, 6}}), new int[] {0, 1, 2}, 3);
        float[] x = new float[4];
        int[] y = new int[2];
        data.copyRows(new int[] {9, 2, 0}, 1, 2, x, y);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {5, 6, 1, 2}, x);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {2, 0}, y);
        data.copyRows(1, 2, x, y);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {3, 4, 5, 6}, x);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {1, 2}, y);
    }

    @Test
    void labelCountMustMatchRows() {
        assertRejected("features have 2 rows but there are 3 labels",
                () -> new Dataset(new Matrix(2, 2), new int[3], 2));
    }

    @Test
    void needsAClass() {
        assertRejected("a data set needs at least one class, got 0", () -> new Dataset(new Matrix(0, 2), new int[0], 0));
    }

    @Test
    void labelsMustNameAClass() {
        assertRejected("row 1 has label 3, outside 0..2", () -> new Dataset(new Matrix(2, 2), new int[] {0, 3}, 3));
        assertRejected("row 0 has label -1, outside 0..2", () -> new Dataset(new Matrix(2, 2), new int[] {-1, 0}, 3));
    }

    @Test
    void featuresMustBeFinite() {
        Matrix x = new Matrix(3, 2);
        x.set(1, 0, Float.NaN);
        assertRejected("row 1, feature 0 is NaN; features must be finite", () -> new Dataset(x, new int[3], 1));
        Matrix y = new Matrix(3, 2);
        y.set(2, 1, Float.NEGATIVE_INFINITY);
        assertRejected("row 2, feature 1 is -Infinity; features must be finite", () -> new Dataset(y, new int[3], 1));
    }
}
