package io.vecnet.train;

import io.vecnet.Matrix;
import io.vecnet.data.Dataset;
import io.vecnet.model.Model;
import io.vecnet.model.SoftmaxClassifier;
import io.vecnet.model.TwoLayerNet;

/**
 * The training loss recomputed in float64 with plain loops, independent of the kernels: the
 * gradient check differentiates this, so float32 rounding in the loss cannot swamp small gradients.
 */
final class ReferenceLoss {
    private ReferenceLoss() {
    }

    static double of(Model model, Dataset data, double reg) {
        return switch (model) {
            case SoftmaxClassifier linear -> linear(linear, data, reg);
            case TwoLayerNet net -> net(net, data, reg);
        };
    }

    private static double linear(SoftmaxClassifier model, Dataset data, double reg) {
        double[] scores = affine(features(data), data.dimensions(), model.weights(), model.bias(), false);
        return crossEntropy(scores, data.labels(), model.classes()) + 0.5 * reg * squares(model.weights());
    }

    private static double net(TwoLayerNet model, Dataset data, double reg) {
        double[] hidden = affine(features(data), data.dimensions(), model.firstWeights(), model.firstBias(), true);
        double[] scores = affine(hidden, model.hidden(), model.secondWeights(), model.secondBias(), false);
        return crossEntropy(scores, data.labels(), model.classes())
                + 0.5 * reg * (squares(model.firstWeights()) + squares(model.secondWeights()));
    }

    private static double[] features(Dataset data) {
        float[] x = data.features().data();
        double[] wide = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            wide[i] = x[i];
        }
        return wide;
    }

    /** {@code x·w + b} in double for x with {@code d} columns, optionally through ReLU. */
    private static double[] affine(double[] x, int d, Matrix w, Matrix b, boolean relu) {
        int n = d == 0 ? 0 : x.length / d, h = w.cols();
        double[] out = new double[n * h];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < h; j++) {
                double sum = b.get(0, j);
                for (int p = 0; p < d; p++) {
                    sum += x[i * d + p] * w.get(p, j);
                }
                out[i * h + j] = relu ? Math.max(sum, 0) : sum;
            }
        }
        return out;
    }

    private static double crossEntropy(double[] scores, int[] labels, int classes) {
        double total = 0;
        for (int i = 0; i < labels.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                max = Math.max(max, scores[i * classes + k]);
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                sum += Math.exp(scores[i * classes + k] - max);
            }
            total += Math.log(sum) - (scores[i * classes + labels[i]] - max);
        }
        return labels.length == 0 ? 0 : total / labels.length;
    }

    private static double squares(Matrix w) {
        double sum = 0;
        for (float v : w.data()) {
            sum += (double) v * v;
        }
        return sum;
    }
}
