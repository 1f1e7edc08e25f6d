package io.vecnet;

import java.util.Arrays;

/**
 * A dense row-major float32 matrix over a flat {@code float[]}: element (i, j) lives at
 * {@code data[i * cols + j]}. A mutable buffer, like a NumPy array: {@link #set}, {@link #fill} and
 * {@link #data()} change it in place, and it is not safe to change from several threads at once.
 *
 * <p>The backing array is shared on purpose, so that kernels and embedding code work on it without
 * copies: {@link #Matrix(int, int, float[])} wraps the caller's array and {@link #data()} returns it.
 * {@link #toArray()} gives a copy instead. The engine's immutable types never hand out a matrix they
 * keep: {@code Dataset.features()}, {@code Mlp.weights(l)} and the like return fresh copies, and
 * {@code Mlp.scores}, {@code probabilities} and {@code Standardizer.apply} return new matrices the
 * caller owns.
 */
public final class Matrix {
    private final int rows;
    private final int cols;
    private final float[] data;

    public Matrix(int rows, int cols) {
        this(rows, cols, new float[checkedSize(rows, cols)]);
    }

    /** Wraps {@code data} (not copied), which must hold exactly {@code rows * cols} values. */
    public Matrix(int rows, int cols, float[] data) {
        checkedSize(rows, cols);
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException(
                    "a " + rows + "x" + cols + " matrix needs " + ((long) rows * cols)
                            + " values, got " + data.length);
        }
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** Copies a rectangular array of rows. */
    public static Matrix of(float[][] values) {
        int cols = values.length == 0 ? 0 : values[0].length;
        Matrix m = new Matrix(values.length, cols);
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != cols) {
                throw new IllegalArgumentException(
                        "row " + i + " has " + values[i].length + " values, row 0 has " + cols);
            }
            System.arraycopy(values[i], 0, m.data, i * cols, cols);
        }
        return m;
    }

    static int checkedSize(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative matrix shape " + rows + "x" + cols);
        }
        long size = (long) rows * cols;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "a " + rows + "x" + cols + " matrix is too large for one Java array");
        }
        return (int) size;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int size() {
        return data.length;
    }

    /**
     * The live backing array, row-major, {@link #size()} long: not a copy, so writes to it change this
     * matrix, and a matrix made by {@link #Matrix(int, int, float[])} shares it with whoever made it.
     * For a snapshot that later changes cannot reach, use {@link #toArray()}.
     */
    public float[] data() {
        return data;
    }

    /** A copy of the values, row-major. */
    public float[] toArray() {
        return data.clone();
    }

    /** A copy of row {@code i}. */
    public float[] row(int i) {
        if (i < 0 || i >= rows) {
            throw new IndexOutOfBoundsException("row " + i + " is outside " + shape());
        }
        return Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
    }

    public float get(int i, int j) {
        return data[index(i, j)];
    }

    public void set(int i, int j, float value) {
        data[index(i, j)] = value;
    }

    private int index(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("(" + i + ", " + j + ") is outside " + shape());
        }
        return i * cols + j;
    }

    public Matrix copy() {
        return new Matrix(rows, cols, data.clone());
    }

    public void fill(float value) {
        Arrays.fill(data, value);
    }

    public Matrix transpose() {
        Matrix t = new Matrix(cols, rows);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t.data[j * rows + i] = data[i * cols + j];
            }
        }
        return t;
    }

    /** The shape as {@code rows x cols}, the form every shape error uses. */
    public String shape() {
        return rows + "x" + cols;
    }

    /** The row-major index of the first NaN or infinite element, or -1 when every element is finite. */
    public int indexOfNonFinite() {
        for (int i = 0; i < data.length; i++) {
            if (!Float.isFinite(data[i])) {
                return i;
            }
        }
        return -1;
    }

    public boolean sameShape(Matrix other) {
        return rows == other.rows && cols == other.cols;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && sameShape(m) && Arrays.equals(data, m.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Matrix " + shape();
    }
}
