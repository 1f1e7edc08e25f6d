package io.vecnet.nn;

import io.vecnet.data.Rng;
import java.util.Arrays;
import java.util.Locale;

/**
 * How a network's weights start: each layer's weights are drawn from {@code N(0, σ²)} in layer
 * order, biases start at 0.
 */
public enum Init {
    /** σ = 0.01, the case study's: fine for one hidden layer, vanishing signals in deeper nets. */
    SMALL("small") {
        @Override
        float sigma(DenseLayer layer) {
            return 0.01f;
        }
    },
    /** He et al. 2015: σ = √(2 / inputs), which keeps the variance through ReLU layers. */
    HE("he") {
        @Override
        float sigma(DenseLayer layer) {
            return (float) Math.sqrt(2.0 / layer.inputs());
        }
    },
    /** Glorot and Bengio 2010 (normal): σ = √(2 / (inputs + outputs)), for tanh and sigmoid. */
    XAVIER("xavier") {
        @Override
        float sigma(DenseLayer layer) {
            return (float) Math.sqrt(2.0 / (layer.inputs() + layer.outputs()));
        }
    };

    private final String id;

    Init(String id) {
        this.id = id;
    }

    abstract float sigma(DenseLayer layer);

    /**
     * The case study's {@link #SMALL} for networks of at most one hidden layer (so the case study is
     * unchanged); deeper ones get {@link #HE} under ReLU-like activations and {@link #XAVIER} under
     * tanh and sigmoid, without which their signals fade before reaching the output.
     */
    public static Init defaultFor(NetworkSpec spec) {
        if (spec.hidden().size() <= 1) {
            return SMALL;
        }
        return switch (spec.activation()) {
            case RELU, LEAKY_RELU -> HE;
            case TANH, SIGMOID -> XAVIER;
        };
    }

    /** New parameters for {@code spec}, drawn from {@code rng}. */
    public float[] parameters(NetworkSpec spec, Rng rng) {
        float[] parameters = new float[spec.parameterCount()];
        for (DenseLayer layer : spec.layers()) {
            rng.fillGaussian(parameters, layer.weightOffset(), layer.weightCount(), sigma(layer));
        }
        return parameters;
    }

    public String id() {
        return id;
    }

    public static Init parse(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(i -> i.id.equals(wanted)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown initialisation '" + id + "' (known: small, he, xavier)"));
    }

    @Override
    public String toString() {
        return id;
    }
}
