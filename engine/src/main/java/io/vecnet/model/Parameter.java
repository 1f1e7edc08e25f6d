package io.vecnet.model;

import io.vecnet.Matrix;

/** A named, trainable matrix of a model; weights are L2-regularised, biases are not. */
public record Parameter(String name, Matrix value, boolean regularised) {
}
