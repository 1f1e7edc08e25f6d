package io.vecnet.train;

import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.data.Spiral;
import io.vecnet.kernels.Kernels;
import io.vecnet.nn.Activation;
import io.vecnet.nn.Mlp;
import io.vecnet.nn.NetworkSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * One case-study run set up as {@code vecnet train} does it: the spiral from {@code new Rng(seed)},
 * then the initial weights from the same generator, full-batch gradient descent with step 1 and
 * L2 1e-3: 10,000 iterations reported every 1,000 for the net, 200 every 10 for the linear model.
 */
record CaseStudyRun(Dataset data, TrainingResult result, List<Float> reportedLosses) {

    static CaseStudyRun net(long seed, Kernels kernels) {
        return run(seed, kernels, true);
    }

    static CaseStudyRun linear(long seed, Kernels kernels) {
        return run(seed, kernels, false);
    }

    private static CaseStudyRun run(long seed, Kernels kernels, boolean net) {
        Rng rng = new Rng(seed);
        Dataset data = Spiral.generate(Spiral.POINTS_PER_CLASS, Spiral.CLASSES, Spiral.NOISE, rng);
        NetworkSpec spec = net ? NetworkSpec.of(2, 3, Activation.RELU, 100) : NetworkSpec.linear(2, 3);
        TrainingConfig config = net ? new TrainingConfig(1e-3f, 10_000, 1_000) : new TrainingConfig(1e-3f, 200, 10);
        List<Float> losses = new ArrayList<>();
        TrainingResult result = new Trainer(kernels).train(Mlp.initialise(spec, rng), data, config,
                new GradientDescent(1f), progress -> losses.add(progress.loss()));
        return new CaseStudyRun(data, result, losses);
    }

    Mlp model() {
        return result.model();
    }

    float accuracy(Kernels kernels) {
        return model().accuracy(data, kernels);
    }
}
