package io.vecnet.train;

import io.vecnet.data.Dataset;
import io.vecnet.nn.Activation;
import io.vecnet.nn.DenseLayer;
import io.vecnet.nn.NetworkSpec;

/**
 * The training loss recomputed in float64 with plain loops, independent of the kernels: the
 * gradient check differentiates this, so float32 rounding in the loss cannot swamp small gradients.
 */
final class ReferenceLoss {
    private ReferenceLoss() {
    }

    static double of(NetworkSpec spec, float[] parameters, Dataset data, double l2) {
        int n = data.size();
        double[] activations = new double[n * spec.inputs()];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < spec.inputs(); d++) {
                activations[i * spec.inputs() + d] = data.feature(i, d);
            }
        }
        double squares = 0;
        for (DenseLayer layer : spec.layers()) {
            boolean hidden = layer.index() < spec.hidden().size();
            activations = affine(activations, n, layer, parameters, hidden ? spec.activation() : null);
            for (int w = layer.weightOffset(); w < layer.biasOffset(); w++) {
                squares += (double) parameters[w] * parameters[w];
            }
        }
        return crossEntropy(activations, data, spec.classes()) + 0.5 * l2 * squares;
    }

    /** {@code x·W + b} for n rows, through {@code activation} unless it is null (the output layer). */
    private static double[] affine(double[] x, int n, DenseLayer layer, float[] p, Activation activation) {
        int in = layer.inputs(), out = layer.outputs();
        double[] result = new double[n * out];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < out; j++) {
                double sum = p[layer.biasOffset() + j];
                for (int k = 0; k < in; k++) {
                    sum += x[i * in + k] * p[layer.weightOffset() + k * out + j];
                }
                result[i * out + j] = activation == null ? sum : activation.exact(sum);
            }
        }
        return result;
    }

    private static double crossEntropy(double[] scores, Dataset data, int classes) {
        double total = 0;
        for (int i = 0; i < data.size(); i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                max = Math.max(max, scores[i * classes + k]);
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                sum += Math.exp(scores[i * classes + k] - max);
            }
            total += Math.log(sum) - (scores[i * classes + data.label(i)] - max);
        }
        return data.size() == 0 ? 0 : total / data.size();
    }
}
