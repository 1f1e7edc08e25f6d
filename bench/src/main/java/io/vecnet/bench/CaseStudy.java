package io.vecnet.bench;

import io.vecnet.Matrix;
import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.data.Spiral;
import io.vecnet.model.SoftmaxClassifier;
import io.vecnet.model.TwoLayerNet;

/**
 * The workloads the benchmarks and {@link CompareMain} share, built the way {@code vecnet train}
 * builds them: one {@link Rng} draws the data first and then the initial weights.
 */
final class CaseStudy {
    static final long SEED = 1;
    static final int HIDDEN = 100;

    private CaseStudy() {
    }

    /** A spiral and a freshly initialised two-layer net drawn from the same generator. */
    record NetProblem(Dataset data, TwoLayerNet net) {
    }

    /** A spiral and a freshly initialised linear classifier drawn from the same generator. */
    record LinearProblem(Dataset data, SoftmaxClassifier classifier) {
    }

    static NetProblem spiralNet(int pointsPerClass, int hidden) {
        Rng rng = new Rng(SEED);
        Dataset data = Spiral.generate(pointsPerClass, Spiral.CLASSES, Spiral.NOISE, rng);
        return new NetProblem(data, TwoLayerNet.initialise(data.dimensions(), hidden, data.classes(), rng));
    }

    /** The case study's net: 300 spiral points, 100 hidden units, 3 classes. */
    static NetProblem seedNet() {
        return spiralNet(Spiral.POINTS_PER_CLASS, HIDDEN);
    }

    /** The case study's linear classifier on the 300-point spiral. */
    static LinearProblem seedLinear() {
        Rng rng = new Rng(SEED);
        Dataset data = Spiral.generate(Spiral.POINTS_PER_CLASS, Spiral.CLASSES, Spiral.NOISE, rng);
        return new LinearProblem(data, SoftmaxClassifier.initialise(data.dimensions(), data.classes(), rng));
    }

    /** Standard-normal features and uniformly drawn labels, then a net initialised as the case study does. */
    static NetProblem randomNet(int examples, int inputs, int hidden, int classes) {
        Rng rng = new Rng(SEED);
        Matrix x = new Matrix(examples, inputs);
        rng.fillGaussian(x.data(), 1f);
        int[] labels = new int[examples];
        for (int i = 0; i < examples; i++) {
            labels[i] = (int) (rng.nextDouble() * classes);
        }
        Dataset data = new Dataset(x, labels, classes);
        return new NetProblem(data, TwoLayerNet.initialise(inputs, hidden, classes, rng));
    }
}
