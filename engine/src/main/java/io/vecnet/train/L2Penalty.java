package io.vecnet.train;

import io.vecnet.kernels.Kernels;
import io.vecnet.nn.DenseLayer;
import java.util.List;

/** {@code 0.5·l2·Σ‖W‖²} over a network's weights (not its biases), and its gradient {@code l2·W}. */
final class L2Penalty {
    private final Kernels kernels;
    private final List<DenseLayer> layers;
    private final float l2;

    L2Penalty(Kernels kernels, List<DenseLayer> layers, float l2) {
        this.kernels = kernels;
        this.layers = layers;
        this.l2 = requireValid(l2);
    }

    static float requireValid(float l2) {
        if (!(l2 >= 0f) || !Float.isFinite(l2)) {
            throw new IllegalArgumentException("L2 strength must be a finite number >= 0, got " + l2);
        }
        return l2;
    }

    /** Adds {@code l2·W} to the weights' gradient and returns the penalty. */
    float addTo(float[] parameters, float[] gradient) {
        float squares = 0f;
        for (DenseLayer layer : layers) {
            squares += kernels.axpyAndSumOfSquares(l2, parameters, layer.weightOffset(), gradient,
                    layer.weightOffset(), layer.weightCount());
        }
        return 0.5f * l2 * squares;
    }
}
