package io.vecnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class MatrixTest {

    private static void assertRejected(String message, Executable create) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, create).getMessage());
    }

    @Test
    void indexOfNonFiniteFindsTheFirstNaNOrInfinity() {
        assertEquals(-1, new Matrix(2, 2, new float[] {0f, -1f, Float.MAX_VALUE, 3f}).indexOfNonFinite());
        assertEquals(1, new Matrix(2, 2, new float[] {0f, Float.NaN, Float.POSITIVE_INFINITY, 3f}).indexOfNonFinite());
        assertEquals(3, new Matrix(2, 2, new float[] {0f, 1f, 2f, Float.NEGATIVE_INFINITY}).indexOfNonFinite());
        assertEquals(-1, new Matrix(0, 2).indexOfNonFinite());
    }

    @Test
    void storesRowMajorAndExposesItsArray() {
        Matrix m = Matrix.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        assertEquals(2, m.rows());
        assertEquals(3, m.cols());
        assertEquals(6, m.size());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, m.data());
        m.set(1, 0, 9);
        assertEquals(9, m.data()[3]);
        assertEquals(6, m.get(1, 2));
        assertEquals("2x3", m.shape());
    }

    @Test
    void wrapsWithoutCopying() {
        float[] data = new float[6];
        assertSame(data, new Matrix(3, 2, data).data());
    }

    @Test
    void toArrayAndRowAreCopies() {
        Matrix m = Matrix.of(new float[][] {{1, 2}, {3, 4}});
        float[] all = m.toArray();
        float[] second = m.row(1);
        all[0] = 9;
        second[0] = 9;
        assertArrayEquals(new float[] {1, 2, 3, 4}, m.data());
        assertArrayEquals(new float[] {3, 4}, m.row(1));
        assertEquals("row 2 is outside 2x2", assertThrows(IndexOutOfBoundsException.class, () -> m.row(2)).getMessage());
    }

    @Test
    void shapeErrorsAreClear() {
        assertRejected("negative matrix shape -1x2", () -> new Matrix(-1, 2));
        assertRejected("a 2x3 matrix needs 6 values, got 5", () -> new Matrix(2, 3, new float[5]));
        assertRejected("a 65536x65536 matrix is too large for one Java array", () -> new Matrix(65536, 65536));
        assertRejected("row 1 has 2 values, row 0 has 3", () -> Matrix.of(new float[][] {{1, 2, 3}, {4, 5}}));
    }

    @Test
    void indexOutsideTheShapeNamesIt() {
        Matrix m = new Matrix(2, 3);
        assertEquals("(2, 0) is outside 2x3", assertThrows(IndexOutOfBoundsException.class, () -> m.get(2, 0)).getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> m.set(0, 3, 1f));
        assertThrows(IndexOutOfBoundsException.class, () -> m.get(0, -1));
    }

    @Test
    void emptyMatricesAreAllowed() {
        assertEquals("0x0", Matrix.of(new float[0][]).shape());
        assertEquals(0, new Matrix(0, 5).size());
    }

    @Test
    void copyAndTransposeAreIndependent() {
        Matrix m = Matrix.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        Matrix copy = m.copy();
        Matrix t = m.transpose();
        m.set(0, 0, 7);
        assertEquals(1, copy.get(0, 0));
        assertEquals(Matrix.of(new float[][] {{1, 4}, {2, 5}, {3, 6}}), t);
        assertEquals(Matrix.of(new float[][] {{1, 2, 3}, {4, 5, 6}}), t.transpose());
    }

    @Test
    void equalityNeedsSameShapeAndValues() {
        Matrix a = new Matrix(2, 3);
        assertEquals(a, new Matrix(2, 3));
        assertEquals(a.hashCode(), new Matrix(2, 3).hashCode());
        assertNotEquals(a, new Matrix(3, 2));
        Matrix b = new Matrix(2, 3);
        b.fill(1f);
        assertNotEquals(a, b);
    }
}
