package io.vecnet.spark;

import io.vecnet.kernels.Backend;
import io.vecnet.nn.Activation;
import io.vecnet.nn.Init;
import io.vecnet.nn.NetworkSpec;
import io.vecnet.train.Adam;
import io.vecnet.train.GradientDescent;
import io.vecnet.train.Optimizer;
import io.vecnet.train.Sgd;
import java.io.Serializable;

/**
 * How {@link VecnetClassifier} trains, read from its params: the network, the optimiser and its
 * rate, L2, how long (at most {@code maxIter} steps and {@code epochs} passes, 0 meaning no limit),
 * the batch size (0: full batch), input standardisation, the seed and the kernel backend.
 */
record TrainingPlan(int[] hidden, Activation activation, Init init, String optimizer, float stepSize, float momentum,
                    float weightDecay, float l2, int maxIter, int epochs, int batchSize, boolean standardize,
                    long seed, Backend backend) implements Serializable {

    TrainingPlan {
        if (maxIter == 0 && epochs == 0) {
            throw new IllegalArgumentException("training needs a limit: maxIter or epochs above 0");
        }
    }

    NetworkSpec spec(int inputs, int classes) {
        return NetworkSpec.of(inputs, classes, activation, hidden);
    }

    /** The initial weights' scheme: the one asked for, or the engine's default for the network. */
    Init initFor(NetworkSpec spec) {
        return init != null ? init : Init.defaultFor(spec);
    }

    Optimizer newOptimizer() {
        return switch (optimizer) {
            case "gd" -> new GradientDescent(stepSize);
            case "sgd" -> new Sgd(stepSize, momentum, false);
            case "adam" -> new Adam(stepSize);
            case "adamw" -> Adam.adamW(stepSize, weightDecay);
            default -> throw new IllegalArgumentException("unknown optimizer '" + optimizer
                    + "' (known: gd, sgd, adam, adamw)");
        };
    }

    boolean fullBatch(long rows) {
        return batchSize == 0 || batchSize >= rows;
    }

    /** Optimiser steps on {@code rows} rows: the fewer of maxIter and epochs' worth of steps. */
    int totalSteps(long rows) {
        long perEpoch = fullBatch(rows) ? 1 : (rows + batchSize - 1) / batchSize;
        long byEpochs = epochs == 0 ? Long.MAX_VALUE : epochs * perEpoch;
        long byIterations = maxIter == 0 ? Long.MAX_VALUE : maxIter;
        return (int) Math.min(Integer.MAX_VALUE, Math.min(byEpochs, byIterations));
    }
}
