package io.vecnet.train;

import io.vecnet.Matrix;
import io.vecnet.data.Dataset;
import io.vecnet.internal.DatasetArrays;
import io.vecnet.kernels.Kernels;
import io.vecnet.nn.Mlp;

/** A network's mean cross-entropy (no L2 term) and accuracy on a data set. */
public record Evaluation(float loss, float accuracy) {

    /**
     * {@code model}'s loss and accuracy on {@code data}.
     *
     * @throws IllegalArgumentException when {@code data} has no rows: a mean over none is undefined
     */
    public static Evaluation of(Mlp model, Dataset data, Kernels kernels) {
        int n = data.size();
        if (n == 0) {
            throw new IllegalArgumentException("no rows to evaluate a model on");
        }
        Matrix scores = model.scores(new Matrix(n, data.dimensions(), DatasetArrays.features(data)), kernels);
        int[] predicted = Mlp.mostLikely(scores);
        int correct = 0;
        for (int i = 0; i < n; i++) {
            correct += predicted[i] == data.label(i) ? 1 : 0;
        }
        float loss = kernels.softmaxCrossEntropy(scores.data(), DatasetArrays.labels(data), new float[scores.size()], n,
                scores.cols());
        return new Evaluation(loss, (float) correct / n);
    }
}
