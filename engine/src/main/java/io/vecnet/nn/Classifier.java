package io.vecnet.nn;

import io.vecnet.Matrix;
import io.vecnet.data.Dataset;
import io.vecnet.kernels.Kernels;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a model file holds and what prediction needs: the network, the input scaling it was trained
 * with (if any), the names of its classes (if the data named them) and of its features (if the
 * training file's header did). Prediction takes raw rows and scales them itself, so a scaled model
 * can never be fed unscaled rows by mistake. Immutable.
 */
public final class Classifier {
    private final Mlp network;
    private final Standardizer scaler;
    private final List<String> classNames;
    private final List<String> featureNames;

    /**
     * @param scaler     the scaling applied to rows before the network, or null for none
     * @param classNames one name per class, or empty when the classes are numbered
     */
    public Classifier(Mlp network, Standardizer scaler, List<String> classNames) {
        this(network, scaler, classNames, List.of());
    }

    /** @param featureNames one name per input, in order, or empty when they are not known */
    public Classifier(Mlp network, Standardizer scaler, List<String> classNames, List<String> featureNames) {
        Objects.requireNonNull(network, "network");
        if (classNames.stream().distinct().count() < classNames.size()) {
            throw new IllegalArgumentException("class names must differ, got " + classNames);
        }
        if (scaler != null && scaler.features() != network.inputs()) {
            throw new IllegalArgumentException("a scaler of " + scaler.features() + " features for a network of "
                    + network.inputs() + " inputs");
        }
        if (!classNames.isEmpty() && classNames.size() != network.classes()) {
            throw new IllegalArgumentException(classNames.size() + " class names for " + network.classes() + " classes");
        }
        if (!featureNames.isEmpty() && featureNames.size() != network.inputs()) {
            throw new IllegalArgumentException(featureNames.size() + " feature names for " + network.inputs() + " inputs");
        }
        this.network = network;
        this.scaler = scaler;
        this.classNames = List.copyOf(classNames);
        this.featureNames = List.copyOf(featureNames);
    }

    /** The network alone: raw rows, numbered classes. */
    public static Classifier of(Mlp network) {
        return new Classifier(network, null, List.of());
    }

    public Mlp network() {
        return network;
    }

    public Optional<Standardizer> scaler() {
        return Optional.ofNullable(scaler);
    }

    /** The class names, or an empty list when the classes are numbered 0..classes-1. */
    public List<String> classNames() {
        return classNames;
    }

    /** The names of the features, in input order, or an empty list when they are not known. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** Class {@code k}'s name, or its number. */
    public String className(int k) {
        return classNames.isEmpty() ? Integer.toString(k) : classNames.get(k);
    }

    public int inputs() {
        return network.inputs();
    }

    public int classes() {
        return network.classes();
    }

    /** The network's class scores (logits) for raw rows, scaled first when the model scales. */
    public Matrix scores(Matrix rows, Kernels kernels) {
        return network.scores(scaled(rows), kernels);
    }

    public int[] predict(Matrix rows) {
        return network.predict(scaled(rows));
    }

    public int[] predict(Matrix rows, Kernels kernels) {
        return network.predict(scaled(rows), kernels);
    }

    public int predict(float[] row) {
        return network.predict(scaler == null ? row : scaler.apply(row));
    }

    public Matrix probabilities(Matrix rows) {
        return network.probabilities(scaled(rows));
    }

    public Matrix probabilities(Matrix rows, Kernels kernels) {
        return network.probabilities(scaled(rows), kernels);
    }

    public float[] probabilities(float[] row) {
        return network.probabilities(scaler == null ? row : scaler.apply(row));
    }

    /** {@link Mlp#accuracy(Dataset)} on raw rows, scaled first when the model scales; no rows is refused. */
    public float accuracy(Dataset data) {
        return network.accuracy(scaler == null ? data : scaler.apply(data));
    }

    private Matrix scaled(Matrix rows) {
        return scaler == null ? rows : scaler.apply(rows);
    }
}
