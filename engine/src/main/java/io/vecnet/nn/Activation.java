package io.vecnet.nn;

import io.vecnet.kernels.Kernels;
import java.util.Arrays;
import java.util.Locale;

/** The nonlinearity of the hidden layers. Backward passes need only the layer's output, never its input. */
public enum Activation {
    RELU("relu") {
        @Override
        void forward(Kernels kernels, float[] x, int length) {
            kernels.relu(x, length);
        }

        @Override
        void backward(Kernels kernels, float[] grad, float[] output, int length) {
            kernels.reluBackward(grad, output, length);
        }

        @Override
        void backwardWithColumnSums(Kernels kernels, float[] grad, float[] output, int rows, int cols, float[] sums,
                                    int sumsOffset) {
            kernels.reluBackwardColumnSums(grad, output, rows, cols, sums, sumsOffset);
        }

        @Override
        public double exact(double z) {
            return Math.max(z, 0);
        }
    },
    LEAKY_RELU("leaky-relu") {
        @Override
        void forward(Kernels kernels, float[] x, int length) {
            kernels.leakyRelu(x, LEAKY_SLOPE, length);
        }

        @Override
        void backward(Kernels kernels, float[] grad, float[] output, int length) {
            kernels.leakyReluBackward(grad, output, LEAKY_SLOPE, length);
        }

        @Override
        public double exact(double z) {
            return z > 0 ? z : LEAKY_SLOPE * z;
        }
    },
    TANH("tanh") {
        @Override
        void forward(Kernels kernels, float[] x, int length) {
            kernels.tanh(x, length);
        }

        @Override
        void backward(Kernels kernels, float[] grad, float[] output, int length) {
            kernels.tanhBackward(grad, output, length);
        }

        @Override
        public double exact(double z) {
            return Math.tanh(z);
        }
    },
    SIGMOID("sigmoid") {
        @Override
        void forward(Kernels kernels, float[] x, int length) {
            kernels.sigmoid(x, length);
        }

        @Override
        void backward(Kernels kernels, float[] grad, float[] output, int length) {
            kernels.sigmoidBackward(grad, output, length);
        }

        @Override
        public double exact(double z) {
            return 1 / (1 + Math.exp(-z));
        }
    };

    /** The slope of {@link #LEAKY_RELU} below zero. */
    public static final float LEAKY_SLOPE = 0.01f;

    private final String id;

    Activation(String id) {
        this.id = id;
    }

    /** Applies the activation to the first {@code length} values of {@code x}, in place. */
    abstract void forward(Kernels kernels, float[] x, int length);

    /** Multiplies {@code grad} by the derivative, read from the activation's {@code output}. */
    abstract void backward(Kernels kernels, float[] grad, float[] output, int length);

    /**
     * {@link #backward} over grad (rows x cols), then the masked grad's column sums (the layer's bias
     * gradient) into sums from sumsOffset; an activation whose kernels do both in one pass overrides it.
     */
    void backwardWithColumnSums(Kernels kernels, float[] grad, float[] output, int rows, int cols, float[] sums,
                                int sumsOffset) {
        backward(kernels, grad, output, rows * cols);
        kernels.columnSums(grad, sums, sumsOffset, rows, cols);
    }

    /** The activation in float64, the reference that gradient checks differentiate. */
    public abstract double exact(double z);

    /** The name the command line and model files use, such as {@code leaky-relu}. */
    public String id() {
        return id;
    }

    /** The activation named {@code id} ({@code relu}, {@code leaky-relu}, {@code tanh}, {@code sigmoid}). */
    public static Activation parse(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.id.equals(wanted)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown activation '" + id + "' (known: relu, leaky-relu, tanh, sigmoid)"));
    }

    @Override
    public String toString() {
        return id;
    }
}
