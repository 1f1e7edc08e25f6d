package io.vecnet.examples;

import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.data.Spiral;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.nn.Activation;
import io.vecnet.nn.Mlp;
import io.vecnet.nn.NetworkSpec;
import io.vecnet.train.Evaluation;
import io.vecnet.train.GradientDescent;
import io.vecnet.train.Trainer;
import io.vecnet.train.TrainingConfig;
import io.vecnet.train.TrainingListener;
import io.vecnet.train.TrainingResult;
import java.time.Duration;

/**
 * Trains with a listener that stops early: when the held-out accuracy reaches a target, or when a time
 * budget is spent. (TrainingConfig.withPatience stops on a validation loss that no longer improves.)
 */
public final class EarlyStop {
    public static void main(String[] args) {
        Dataset.Split split = Spiral.generate(200, 3, 0.2, new Rng(3)).split(0.25, new Rng(4));
        NetworkSpec spec = NetworkSpec.of(2, 3, Activation.RELU, 100);
        int maxIterations = 20_000;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();

        TrainingListener stopWhenGoodEnough = progress -> {        // called every 250 iterations here
            Evaluation held = progress.validation();                // loss and accuracy on the held-out rows
            System.out.println("iteration " + progress.iteration() + ": loss " + progress.loss()
                    + ", validation accuracy " + held.accuracy());
            if (held.accuracy() >= 0.95f || System.nanoTime() > deadline) {
                progress.stop();                                    // the result keeps these weights
            }
        };
        TrainingResult result = new Trainer(KernelProvider.get()).train(Mlp.initialise(spec, new Rng(5)),
                split.training(), split.validation(), new TrainingConfig(1e-3f, maxIterations, 250),
                new GradientDescent(1f), stopWhenGoodEnough);
        System.out.println("stopped after " + result.iterations() + " of " + maxIterations
                + " iterations, validation accuracy " + result.validation().accuracy());
    }
}
