package io.vecnet.spark;

import io.vecnet.data.Rng;
import io.vecnet.data.Spiral;
import io.vecnet.kernels.KernelProvider;

/** Trains on the spiral with the default kernels and prints which kernels ran and the training accuracy. */
public final class ScalarFallbackProbe {
    private ScalarFallbackProbe() {
    }

    public static void main(String[] args) {
        io.vecnet.data.Dataset spiral = Spiral.generate(100, 3, Spiral.NOISE, new Rng(11));
        VecnetClassificationModel model = new VecnetClassifier().setLayers(32).setLr(0.05).setBatchSize(100)
                .setMaxIter(100).fit(LocalSpark.frame(spiral, 2));
        System.out.println("vector module: " + KernelProvider.vectorAvailable());
        System.out.println("accuracy: " + model.classifier().accuracy(spiral));
    }
}
