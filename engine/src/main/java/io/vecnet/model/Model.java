package io.vecnet.model;

import io.vecnet.Matrix;
import io.vecnet.data.Dataset;
import io.vecnet.kernels.Kernels;
import java.util.List;

/** A classifier from {@link #inputs()} features to {@link #classes()} class scores. */
public sealed interface Model permits SoftmaxClassifier, TwoLayerNet {

    /** The model kind as the CLI and the model file name it: {@code linear} or {@code net}. */
    String kind();

    int inputs();

    int classes();

    /** The trainable parameters, live: changing their values changes the model. */
    List<Parameter> parameters();

    /** The full-batch training objective on {@code data}, with L2 strength {@code reg}. */
    Objective objective(Dataset data, float reg, Kernels kernels);

    /** Unnormalised class scores, one row per row of {@code x}. */
    Matrix scores(Matrix x, Kernels kernels);

    /** Class probabilities (softmax of the scores), one row per row of {@code x}. */
    default Matrix probabilities(Matrix x, Kernels kernels) {
        Matrix scores = scores(x, kernels);
        kernels.softmax(scores);
        return scores;
    }

    /** The most likely class of each row of {@code x} (the lowest index on ties). */
    default int[] predict(Matrix x, Kernels kernels) {
        Matrix scores = scores(x, kernels);
        int[] predicted = new int[scores.rows()];
        float[] s = scores.data();
        for (int i = 0; i < predicted.length; i++) {
            int best = 0;
            for (int j = 1; j < scores.cols(); j++) {
                if (s[i * scores.cols() + j] > s[i * scores.cols() + best]) {
                    best = j;
                }
            }
            predicted[i] = best;
        }
        return predicted;
    }

    /** Fraction of rows of {@code data} whose predicted class is their label. */
    default float accuracy(Dataset data, Kernels kernels) {
        int[] predicted = predict(data.features(), kernels);
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == data.labels()[i]) {
                correct++;
            }
        }
        return data.size() == 0 ? 0f : (float) correct / data.size();
    }

    default void requireInputs(Matrix x) {
        if (x.cols() != inputs()) {
            throw new IllegalArgumentException("the model takes " + inputs() + " features per row, the data has "
                    + x.cols() + " (data " + x.shape() + ")");
        }
    }
}
