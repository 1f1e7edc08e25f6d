package io.vecnet.model;

import io.vecnet.Matrix;
import io.vecnet.kernels.Kernels;
import java.util.List;

/** Shared part of the models' objectives: the L2 term {@code 0.5·reg·ΣW²} and its gradient {@code reg·W}. */
abstract class FullBatchObjective implements Objective {
    final Kernels kernels;
    private final List<Parameter> parameters;
    private final List<Matrix> gradients;
    private final float reg;

    FullBatchObjective(Kernels kernels, List<Parameter> parameters, float reg) {
        if (!(reg >= 0f) || !Float.isFinite(reg)) {
            throw new IllegalArgumentException("regularisation strength must be finite and >= 0, got " + reg);
        }
        this.kernels = kernels;
        this.parameters = parameters;
        this.gradients = parameters.stream().map(p -> new Matrix(p.value().rows(), p.value().cols())).toList();
        this.reg = reg;
    }

    /** Computes the data loss and writes its gradients into {@link #gradients()}. */
    abstract float dataLossAndGradients();

    @Override
    public final float evaluate() {
        float loss = dataLossAndGradients();
        float squares = 0f;
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            if (p.regularised()) {
                squares += kernels.sumOfSquares(p.value());
                kernels.axpy(reg, p.value(), gradients.get(i));
            }
        }
        return loss + 0.5f * reg * squares;
    }

    @Override
    public final List<Matrix> gradients() {
        return gradients;
    }

    Matrix gradient(int index) {
        return gradients.get(index);
    }
}
