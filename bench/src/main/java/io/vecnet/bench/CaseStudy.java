package io.vecnet.bench;

import io.vecnet.Matrix;
import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.data.Spiral;
import io.vecnet.nn.Activation;
import io.vecnet.nn.Mlp;
import io.vecnet.nn.NetworkSpec;
import io.vecnet.train.TrainingConfig;

/**
 * The workloads the benchmarks and {@link CompareMain} share, built the way {@code vecnet train}
 * builds them: one {@link Rng} draws the data first and then the initial weights.
 */
final class CaseStudy {
    static final long SEED = 1;
    static final int HIDDEN = 100;
    /** The case study's run of the net and of the linear classifier: L2 1e-3, with step 1. */
    static final TrainingConfig NET_RUN = new TrainingConfig(1e-3f, 10_000, 1_000);
    static final TrainingConfig LINEAR_RUN = new TrainingConfig(1e-3f, 200, 10);
    static final float STEP = 1f;

    private CaseStudy() {
    }

    /** A data set and a freshly initialised network drawn from the same generator. */
    record Problem(Dataset data, Mlp model) {
    }

    static Problem spiralNet(int pointsPerClass, int hidden) {
        Rng rng = new Rng(SEED);
        Dataset data = Spiral.generate(pointsPerClass, Spiral.CLASSES, Spiral.NOISE, rng);
        return new Problem(data, Mlp.initialise(NetworkSpec.of(2, data.classes(), Activation.RELU, hidden), rng));
    }

    /** The case study's net: 300 spiral points, 100 hidden units, 3 classes. */
    static Problem seedNet() {
        return spiralNet(Spiral.POINTS_PER_CLASS, HIDDEN);
    }

    /** The case study's linear classifier on the 300-point spiral. */
    static Problem seedLinear() {
        Rng rng = new Rng(SEED);
        Dataset data = Spiral.generate(Spiral.POINTS_PER_CLASS, Spiral.CLASSES, Spiral.NOISE, rng);
        return new Problem(data, Mlp.initialise(NetworkSpec.linear(2, data.classes()), rng));
    }

    /**
     * Standard-normal features and uniformly drawn labels, then a ReLU network with the given hidden
     * widths and its default initialisation (the case study's for one hidden layer, He for more).
     */
    static Problem randomNet(int examples, int inputs, int classes, int... hidden) {
        Rng rng = new Rng(SEED);
        Matrix x = new Matrix(examples, inputs);
        rng.fillGaussian(x.data(), 1f);
        int[] labels = new int[examples];
        for (int i = 0; i < examples; i++) {
            labels[i] = (int) (rng.nextDouble() * classes);
        }
        Dataset data = Dataset.adopt(x, labels, classes);
        return new Problem(data, Mlp.initialise(NetworkSpec.of(inputs, classes, Activation.RELU, hidden), rng));
    }

    /** The first {@code rows} rows of {@code problem}'s data with the same network: a mini-batch-sized step. */
    static Problem firstRows(Problem problem, int rows) {
        Dataset data = problem.data();
        float[] x = new float[rows * data.dimensions()];
        int[] labels = new int[rows];
        data.copyRows(0, rows, x, labels);
        return new Problem(Dataset.adopt(new Matrix(rows, data.dimensions(), x), labels, data.classes()),
                problem.model());
    }
}
