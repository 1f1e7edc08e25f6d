package io.vecnet.train;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.data.Spiral;
import io.vecnet.kernels.Backend;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.kernels.Kernels;
import io.vecnet.model.Model;
import io.vecnet.model.SoftmaxClassifier;
import io.vecnet.model.TwoLayerNet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CS231n case study's numbers, over seeds 0..9, set up as {@code vecnet train} does it: the spiral
 * from {@code new Rng(seed)}, then the model's initial weights from the same generator.
 */
class CaseStudyTest {
    private static final double LN_3 = Math.log(3);
    private static final Map<String, Run> VECTOR_RUNS = new ConcurrentHashMap<>();

    /** The reported losses, the last loss computed and the training accuracy of one run. */
    record Run(List<Float> reportedLosses, float finalLoss, float accuracy) {
        @Override
        public String toString() {
            return "first loss " + reportedLosses.get(0) + ", final loss " + finalLoss + ", accuracy " + accuracy;
        }
    }

    static Run train(String kind, long seed, Kernels kernels) {
        Rng rng = new Rng(seed);
        Dataset data = Spiral.generate(Spiral.POINTS_PER_CLASS, Spiral.CLASSES, Spiral.NOISE, rng);
        boolean net = kind.equals(TwoLayerNet.KIND);
        Model model = net ? TwoLayerNet.initialise(data.dimensions(), 100, data.classes(), rng)
                : SoftmaxClassifier.initialise(data.dimensions(), data.classes(), rng);
        TrainingConfig config = net ? TrainingConfig.netCaseStudy() : TrainingConfig.linearCaseStudy();
        List<Float> losses = new ArrayList<>();
        TrainingResult result = new Trainer(kernels).train(model, data, config, (iteration, loss) -> losses.add(loss));
        return new Run(losses, result.finalLoss(), model.accuracy(data, kernels));
    }

    private static Run vectorRun(String kind, long seed) {
        return VECTOR_RUNS.computeIfAbsent(kind + seed,
                key -> train(kind, seed, KernelProvider.select(Backend.VECTOR)));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void linearClassifierReachesTheCaseStudyLossAndAccuracy(long seed) {
        Run run = vectorRun(SoftmaxClassifier.KIND, seed);
        assertAll(run.toString(),
                () -> assertEquals(LN_3, run.reportedLosses().get(0), 0.01, "first loss"),
                () -> assertEquals(20, run.reportedLosses().size(), "loss lines for 200 iterations every 10"),
                () -> assertTrue(run.finalLoss() >= 0.74 && run.finalLoss() <= 0.80, "final loss in [0.74, 0.80]"),
                () -> assertTrue(run.accuracy() >= 0.46 && run.accuracy() <= 0.58, "accuracy in [0.46, 0.58]"));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void twoLayerNetReachesTheCaseStudyLossAndAccuracy(long seed) {
        Run run = vectorRun(TwoLayerNet.KIND, seed);
        assertAll(run.toString(),
                () -> assertEquals(LN_3, run.reportedLosses().get(0), 0.01, "first loss"),
                () -> assertEquals(10, run.reportedLosses().size(), "loss lines for 10,000 iterations every 1,000"),
                () -> assertTrue(run.finalLoss() >= 0.23 && run.finalLoss() <= 0.28, "final loss in [0.23, 0.28]"),
                () -> assertTrue(run.accuracy() >= 0.96, "accuracy >= 0.96"));
    }

    @Test
    void sameSeedAndBackendGiveIdenticalLossLines() {
        assertEquals(vectorRun(TwoLayerNet.KIND, 1), train(TwoLayerNet.KIND, 1, KernelProvider.select(Backend.VECTOR)));
        Kernels scalar = KernelProvider.select(Backend.SCALAR);
        assertEquals(train(SoftmaxClassifier.KIND, 1, scalar), train(SoftmaxClassifier.KIND, 1, scalar));
    }

    @Test
    void vectorAndScalarBackendsReachTheSameFinalLoss() {
        Kernels scalar = KernelProvider.select(Backend.SCALAR);
        for (long seed = 0; seed < 10; seed++) {
            assertEquals(vectorRun(SoftmaxClassifier.KIND, seed).finalLoss(),
                    train(SoftmaxClassifier.KIND, seed, scalar).finalLoss(), 1e-3, "linear, seed " + seed);
        }
        assertEquals(vectorRun(TwoLayerNet.KIND, 1).finalLoss(), train(TwoLayerNet.KIND, 1, scalar).finalLoss(), 1e-3,
                "net, seed 1");
    }
}
