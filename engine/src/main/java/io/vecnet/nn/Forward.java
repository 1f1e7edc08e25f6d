package io.vecnet.nn;

import io.vecnet.kernels.Kernels;
import java.util.List;

/** The forward pass shared by prediction and training: every layer affine, hidden ones activated. */
final class Forward {
    private Forward() {
    }

    /**
     * Runs {@code rows} rows of {@code x} through the network into {@code outputs}: {@code outputs[l]}
     * receives layer l's activations (rows x width), the last one the class scores.
     */
    static void run(Kernels kernels, NetworkSpec spec, List<DenseLayer> layers, float[] parameters, float[] x, int rows,
                    float[][] outputs) {
        float[] in = x;
        for (DenseLayer layer : layers) {
            float[] out = outputs[layer.index()];
            kernels.affine(in, parameters, layer.weightOffset(), parameters, layer.biasOffset(), out,
                    rows, layer.inputs(), layer.outputs());
            if (layer.index() < spec.hidden().size()) {
                spec.activation().forward(kernels, out, rows * layer.outputs());
            }
            in = out;
        }
    }

    /** Buffers for {@link #run}: one rows x width array per layer. */
    static float[][] buffers(NetworkSpec spec, int rows) {
        float[][] outputs = new float[spec.depth()][];
        for (int l = 0; l < spec.depth(); l++) {
            outputs[l] = new float[Math.multiplyExact(rows, spec.width(l + 1))];
        }
        return outputs;
    }
}
