package io.vecnet.train;

import io.vecnet.Matrix;
import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.data.Spiral;
import io.vecnet.kernels.Backend;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.kernels.Kernels;
import io.vecnet.nn.Activation;
import io.vecnet.nn.Mlp;
import io.vecnet.nn.NetworkSpec;
import java.util.Optional;

/**
 * Pays the vector kernels' one-time set-up on a daemon thread, ahead of the caller's first step.
 *
 * <p>The first call of each Vector API operation in a JVM spins the lambda that implements it and
 * initialises classes: about 0.2 s before the case study's first step can finish, which no compiler
 * flag or AOT cache of JDK 25 removes (measured in bench/README.md). A program that starts this
 * first and reads its options and data meanwhile gets that time back wherever a second core is free.
 * The warm-up trains a tiny network on its own data along the route the caller names (the fused
 * two-layer pass, or the layers one by one with mini-batches, Adam, validation and prediction);
 * it shares nothing with the caller but the JVM's classes and compiled code, so results are the
 * same with or without it.
 */
public final class WarmUp {
    private static final int FEATURES = 5;
    private static final int CLASSES = 4;

    /** The ways through the engine a warm-up can take, each with its own kernels. */
    public enum Route {
        /**
         * Full-batch gradient descent on a net the kernels fuse into one pass (2 inputs, one ReLU
         * layer, up to 3 classes: the case study); see {@link Trainer#usesFusedPass}.
         */
        FUSED_PASS,
        /** The layers one by one: any other net, mini-batches, Adam, validation and prediction. */
        LAYERS
    }

    private WarmUp() {
    }

    /**
     * Starts warming up {@code route} on a daemon thread, which it returns, unless the JVM lacks the
     * vector module (the scalar kernels need none). A route the caller will not take costs a core
     * the caller's own start-up and C2 could use, so name the one it will.
     */
    public static Optional<Thread> startInBackground(Route route) {
        if (!KernelProvider.vectorAvailable()) {
            return Optional.empty();
        }
        Thread thread = new Thread(() -> run(route), "vecnet-warm-up");
        thread.setDaemon(true);
        thread.start();
        return Optional.of(thread);
    }

    /**
     * Trains and evaluates a tiny network along {@code route} on the calling thread: one unit per
     * layer and a few rows, so that every operation runs once but no kernel runs often enough to be
     * compiled with this run's profile, which is not the caller's.
     */
    static void run(Route route) {
        Kernels kernels = KernelProvider.select(Backend.VECTOR, 1);
        Rng rng = new Rng(1);
        switch (route) {
            case FUSED_PASS -> fusedPass(kernels, rng);
            case LAYERS -> layers(kernels, rng);
        }
    }

    private static void fusedPass(Kernels kernels, Rng rng) {
        Dataset spiral = Spiral.generate(1, Spiral.CLASSES, Spiral.NOISE, rng);
        Mlp net = Mlp.initialise(NetworkSpec.of(2, Spiral.CLASSES, Activation.RELU, 1), rng);
        new Trainer(kernels).train(net, spiral, new TrainingConfig(1e-3f, 1, 1), new GradientDescent(1f));
    }

    private static void layers(Kernels kernels, Rng rng) {
        Dataset training = gaussian(4, rng);
        Dataset validation = gaussian(2, rng);
        Mlp net = Mlp.initialise(NetworkSpec.of(FEATURES, CLASSES, Activation.RELU, 1, 1), rng);
        TrainingConfig batches = new TrainingConfig(1e-4f, TrainingConfig.UNLIMITED, 1, 2, 1, 1,
                LearningRateSchedule.CONSTANT, 0);
        Mlp trained = new Trainer(kernels).train(net, training, validation, batches,
                new Adam(Adam.DEFAULT_LEARNING_RATE), TrainingListener.NONE).model();
        trained.accuracy(validation, kernels);
    }

    private static Dataset gaussian(int rows, Rng rng) {
        float[] features = new float[rows * FEATURES];
        rng.fillGaussian(features, 1f);
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = i % CLASSES;
        }
        return new Dataset(new Matrix(rows, FEATURES, features), labels, CLASSES);
    }
}
