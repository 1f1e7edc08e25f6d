package io.vecnet.examples;

import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.data.Spiral;
import io.vecnet.io.ModelFile;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.kernels.Kernels;
import io.vecnet.nn.Activation;
import io.vecnet.nn.Classifier;
import io.vecnet.nn.Mlp;
import io.vecnet.nn.NetworkSpec;
import io.vecnet.train.GradientDescent;
import io.vecnet.train.Trainer;
import io.vecnet.train.TrainingConfig;
import io.vecnet.train.TrainingResult;
import java.io.IOException;
import java.nio.file.Path;

/** Trains a net with two hidden layers on the spiral, predicts, saves and loads it. */
public final class QuickStart {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        Kernels kernels = KernelProvider.get();                     // vector if the JVM allows, else scalar
        System.out.println("kernels: " + kernels.description());   // e.g. vector (256-bit, 8 float lanes, 4 threads)

        Dataset data = Spiral.generate(100, 3, 0.2, new Rng(42));   // or CsvDataset.read(file), new Dataset(...)
        NetworkSpec spec = NetworkSpec.of(data.dimensions(), data.classes(), Activation.RELU, 64, 32);
        Mlp initial = Mlp.initialise(spec, new Rng(7));             // He init for two hidden layers

        TrainingResult result = new Trainer(kernels).train(initial, data,
                new TrainingConfig(1e-3f, 5_000, 1_000),            // L2, iterations, report every
                new GradientDescent(0.5f),
                progress -> System.out.println("iteration " + progress.iteration() + ": loss " + progress.loss()));
        Mlp net = result.model();                                   // immutable: share it between threads

        float[] point = {0.5f, -0.2f};
        int predicted = net.predict(point);
        float[] probabilities = net.probabilities(point);
        System.out.println("training accuracy " + net.accuracy(data) + "; (0.5, -0.2) is class " + predicted
                + " with probability " + probabilities[predicted]);

        Path file = dir.resolve("spiral.vnet");
        ModelFile.save(net, file);                                  // written whole or not at all
        Classifier loaded = ModelFile.load(file);                   // network, input scaling, class names
        System.out.println("loaded " + loaded.network() + ", which predicts class " + loaded.predict(point));
    }
}
