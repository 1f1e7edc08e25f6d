package io.vecnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's embedding example, kept runnable: if this changes, change the README with it. */
class EmbeddingExampleTest {

    @Test
    void theReadmeExampleTrainsPredictsAndSaves(@TempDir Path dir) throws Exception {
        // --- README example starts ---
        Kernels kernels = KernelProvider.get();                    // vector if the JVM allows, else scalar
        Dataset data = Spiral.generate(100, 3, 0.2, new Rng(42));  // or new Dataset(features, labels, classes)
        NetworkSpec spec = NetworkSpec.of(data.dimensions(), data.classes(), Activation.RELU, 64, 32);
        Mlp initial = Mlp.initialise(spec, new Rng(7));            // He init for two hidden layers

        List<Float> losses = new ArrayList<>();
        TrainingResult result = new Trainer(kernels).train(initial, data,
                new TrainingConfig(1e-3f, 5_000, 500),             // L2, iterations, report every
                new GradientDescent(0.5f),
                progress -> {
                    losses.add(progress.loss());
                    if (progress.loss() < 0.05f) {
                        progress.stop();                           // keeps the weights of this loss
                    }
                });
        Mlp net = result.model();                                  // immutable: share it between threads

        int predicted = net.predict(new float[] {0.5f, -0.2f});
        float[] probabilities = net.probabilities(new float[] {0.5f, -0.2f});
        float accuracy = net.accuracy(data);
        Matrix secondWeights = net.weights(1);                     // a copy, 64 x 32
        ModelFile.save(net, dir.resolve("spiral.vnet"));
        Classifier loaded = ModelFile.load(dir.resolve("spiral.vnet"));  // network, scaling, class names
        // --- README example ends ---

        assertEquals(10, losses.size());
        assertEquals(5_000, result.iterations());
        assertTrue(predicted >= 0 && predicted < 3);
        assertEquals(3, probabilities.length);
        assertTrue(accuracy >= 0.97f, "accuracy " + accuracy);
        assertEquals(64, secondWeights.rows());
        assertArrayEquals(net.predict(data.features()), loaded.predict(data.features()));
    }
}
