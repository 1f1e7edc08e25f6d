package io.vecnet.nn;

/**
 * Where one fully connected layer lives in a network's flat parameter array: its weights, an
 * {@code inputs x outputs} row-major block at {@code weightOffset}, then its bias of {@code outputs}
 * values at {@code biasOffset}. Gradients use the same layout.
 */
public record DenseLayer(int index, int inputs, int outputs, int weightOffset, int biasOffset) {

    public int weightCount() {
        return inputs * outputs;
    }

    /** One past the layer's last parameter. */
    public int end() {
        return biasOffset + outputs;
    }

    /** The name of its weights in reports, from 1 as in the case study: {@code W1}, {@code W2}, ... */
    public String weightName() {
        return "W" + (index + 1);
    }

    public String biasName() {
        return "b" + (index + 1);
    }
}
