package io.vecnet.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The shape of a feed-forward classifier: {@code inputs} features, fully connected hidden layers of
 * the given widths, each followed by {@code activation}, and a linear output layer of
 * {@code classes} scores trained with softmax cross-entropy. No hidden layer makes the linear
 * softmax classifier.
 */
public record NetworkSpec(int inputs, List<Integer> hidden, int classes, Activation activation) {
    /** Hidden layers a spec may have; far beyond what trains without residual connections. */
    public static final int MAX_HIDDEN_LAYERS = 1024;

    public NetworkSpec {
        hidden = List.copyOf(Objects.requireNonNull(hidden, "hidden widths (an empty list for none)"));
        if (inputs < 1) {
            throw new IllegalArgumentException("a network needs at least 1 input, got " + inputs);
        }
        if (classes < 1) {
            throw new IllegalArgumentException("a network needs at least 1 class, got " + classes);
        }
        if (hidden.size() > MAX_HIDDEN_LAYERS) {
            throw new IllegalArgumentException("at most " + MAX_HIDDEN_LAYERS + " hidden layers, got " + hidden.size());
        }
        for (int width : hidden) {
            if (width < 1) {
                throw new IllegalArgumentException("hidden layers need at least 1 unit, got " + hidden);
            }
        }
        if (activation == null) {
            throw new IllegalArgumentException("a network needs an activation");
        }
        long count = countParameters(inputs, hidden, classes);
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a " + describe(inputs, hidden, classes) + " network has " + count
                    + " parameters; at most " + (Integer.MAX_VALUE - 8) + " fit in one array");
        }
    }

    /** {@code inputs → hidden[0] → … → classes}, each hidden layer followed by {@code activation}. */
    public static NetworkSpec of(int inputs, int classes, Activation activation, int... hidden) {
        List<Integer> widths = new ArrayList<>();
        for (int width : hidden) {
            widths.add(width);
        }
        return new NetworkSpec(inputs, widths, classes, activation);
    }

    /** The linear softmax classifier: no hidden layer. */
    public static NetworkSpec linear(int inputs, int classes) {
        return new NetworkSpec(inputs, List.of(), classes, Activation.RELU);
    }

    /** Dense layers: the hidden ones, then the output layer. */
    public int depth() {
        return hidden.size() + 1;
    }

    /** The layers in order, with their places in the flat parameter array. */
    public List<DenseLayer> layers() {
        List<DenseLayer> layers = new ArrayList<>(depth());
        int offset = 0;
        for (int l = 0; l < depth(); l++) {
            int in = width(l);
            int out = width(l + 1);
            layers.add(new DenseLayer(l, in, out, offset, offset + in * out));
            offset += in * out + out;
        }
        return Collections.unmodifiableList(layers);
    }

    /** The width of activation {@code index}: 0 is the input, {@link #depth()} the class scores. */
    public int width(int index) {
        if (index == 0) {
            return inputs;
        }
        return index <= hidden.size() ? hidden.get(index - 1) : classes;
    }

    /** The widest layer, input and output included. */
    public int maxWidth() {
        int max = 0;
        for (int i = 0; i <= depth(); i++) {
            max = Math.max(max, width(i));
        }
        return max;
    }

    public int parameterCount() {
        return (int) countParameters(inputs, hidden, classes);
    }

    /** For messages: {@code 2 → 64 relu → 32 relu → 3}, or {@code 2 → 3 (linear)}. */
    public String describe() {
        if (hidden.isEmpty()) {
            return inputs + " → " + classes + " (linear)";
        }
        StringBuilder text = new StringBuilder().append(inputs);
        for (int width : hidden) {
            text.append(" → ").append(width).append(' ').append(activation.id());
        }
        return text.append(" → ").append(classes).toString();
    }

    private static String describe(int inputs, List<Integer> hidden, int classes) {
        List<Integer> all = new ArrayList<>();
        all.add(inputs);
        all.addAll(hidden);
        all.add(classes);
        return all.stream().map(String::valueOf).collect(Collectors.joining(" → "));
    }

    private static long countParameters(int inputs, List<Integer> hidden, int classes) {
        long count = 0;
        long previous = inputs;
        for (int width : hidden) {
            count += previous * width + width;
            previous = width;
        }
        return count + previous * classes + classes;
    }
}
