package io.vecnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.data.Spiral;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.kernels.Kernels;
import io.vecnet.model.Model;
import io.vecnet.io.ModelFile;
import io.vecnet.model.TwoLayerNet;
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
        List<Float> losses = new ArrayList<>();

        // --- README example starts ---
        Kernels kernels = KernelProvider.get();                    // vector if the JVM allows, else scalar
        Dataset data = Spiral.generate(100, 3, 0.2, new Rng(42));  // or new Dataset(features, labels, classes)
        TwoLayerNet net = TwoLayerNet.initialise(data.dimensions(), 100, data.classes(), new Rng(7));

        TrainingResult result = new Trainer(kernels).train(net, data, TrainingConfig.netCaseStudy(),
                (iteration, loss) -> losses.add(loss));            // called at 0, 1000, 2000, ...

        int[] predicted = net.predict(Matrix.of(new float[][] {{0.5f, -0.2f}, {-0.1f, 0.7f}}), kernels);
        Matrix probabilities = net.probabilities(data.features(), kernels);
        float accuracy = net.accuracy(data, kernels);
        Matrix w1 = net.firstWeights();                            // live weights, row-major float[] inside
        ModelFile.save(net, dir.resolve("spiral.vnet"));
        Model loaded = ModelFile.load(dir.resolve("spiral.vnet"));
        // --- README example ends ---

        assertEquals(10, losses.size());
        assertEquals(10_000, result.iterations());
        assertEquals(2, predicted.length);
        assertEquals(data.size(), probabilities.rows());
        assertTrue(accuracy >= 0.96f, "accuracy " + accuracy);
        assertEquals(2, w1.rows());
        assertArrayEquals(net.predict(data.features(), kernels), loaded.predict(data.features(), kernels));
    }
}
