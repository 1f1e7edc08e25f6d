package io.vecnet.data;

import io.vecnet.Matrix;

/**
 * The case study's spiral: {@code classes} arms of {@code pointsPerClass} points in 2-D. Arm j has
 * radius {@code linspace(0, 1, N)} and angle {@code linspace(4j, 4(j+1), N) + noise · N(0, 1)},
 * and point (r, t) is placed at {@code (r sin t, r cos t)}, the centre at (0, 0), not -0.0;
 * rows are grouped by class.
 */
public final class Spiral {
    public static final int POINTS_PER_CLASS = 100;
    public static final int CLASSES = 3;
    public static final double NOISE = 0.2;

    private Spiral() {
    }

    /** The case study's data set: 100 points per class, 3 classes, noise 0.2. */
    public static Dataset generate(long seed) {
        return generate(POINTS_PER_CLASS, CLASSES, NOISE, new Rng(seed));
    }

    public static Dataset generate(int pointsPerClass, int classes, double noise, Rng rng) {
        if (pointsPerClass < 1 || classes < 1) {
            throw new IllegalArgumentException("a spiral needs at least one point and one class, got "
                    + pointsPerClass + " points per class and " + classes + " classes");
        }
        Matrix x = new Matrix(Math.multiplyExact(pointsPerClass, classes), 2);
        int[] y = new int[x.rows()];
        for (int j = 0; j < classes; j++) {
            for (int i = 0; i < pointsPerClass; i++) {
                int row = j * pointsPerClass + i;
                double r = linspace(0.0, 1.0, pointsPerClass, i);
                double t = linspace(j * 4.0, (j + 1) * 4.0, pointsPerClass, i) + rng.nextGaussian() * noise;
                x.set(row, 0, coordinate(r, StrictMath.sin(t)));
                x.set(row, 1, coordinate(r, StrictMath.cos(t)));
                y[row] = j;
            }
        }
        return Dataset.adopt(x, y, classes);
    }

    /**
     * {@code r·trig} as a float, never -0.0: at radius 0 the product takes the sign of the sine or
     * cosine, and adding +0.0 turns -0.0, and nothing else, into 0.0.
     */
    private static float coordinate(double r, double trig) {
        return (float) (r * trig) + 0f;
    }

    /** Element i of NumPy's {@code linspace(start, stop, count)}, both ends included. */
    static double linspace(double start, double stop, int count, int i) {
        return count == 1 ? start : start + (stop - start) * i / (count - 1);
    }
}
