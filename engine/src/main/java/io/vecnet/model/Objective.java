package io.vecnet.model;

import io.vecnet.Matrix;
import java.util.List;

/**
 * The training loss of a model on a fixed data set, with its gradients. Buffers are allocated
 * once, when the objective is created, so {@link #evaluate()} allocates no buffers (work split
 * over threads allocates only a few small task objects per split).
 */
public interface Objective {

    /** Loss (data loss plus L2 term) at the current parameter values; also fills {@link #gradients()}. */
    float evaluate();

    /** d loss / d parameter, in the order of {@link Model#parameters()}, valid after {@link #evaluate()}. */
    List<Matrix> gradients();
}
