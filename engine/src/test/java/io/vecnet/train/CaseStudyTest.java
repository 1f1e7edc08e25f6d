package io.vecnet.train;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.kernels.Backend;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.kernels.Kernels;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CS231n case study's numbers over seeds 0..9: first loss ln 3, the course's final losses and accuracies. */
class CaseStudyTest {
    private static final double LN_3 = Math.log(3);
    private static final Kernels VECTOR = KernelProvider.select(Backend.VECTOR);
    private static final Map<String, CaseStudyRun> RUNS = new ConcurrentHashMap<>();

    private static CaseStudyRun run(boolean net, long seed) {
        return RUNS.computeIfAbsent((net ? "net" : "linear") + seed,
                key -> net ? CaseStudyRun.net(seed, VECTOR) : CaseStudyRun.linear(seed, VECTOR));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void linearClassifierReachesTheCaseStudyLossAndAccuracy(long seed) {
        CaseStudyRun run = run(false, seed);
        float accuracy = run.accuracy(VECTOR);
        float loss = run.result().finalLoss();
        assertAll("final loss " + loss + ", accuracy " + accuracy,
                () -> assertEquals(LN_3, run.reportedLosses().get(0), 0.01, "first loss"),
                () -> assertEquals(20, run.reportedLosses().size(), "loss lines for 200 iterations every 10"),
                () -> assertTrue(loss >= 0.74 && loss <= 0.80, "final loss in [0.74, 0.80]"),
                () -> assertTrue(accuracy >= 0.46 && accuracy <= 0.58, "accuracy in [0.46, 0.58]"));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void twoLayerNetReachesTheCaseStudyLossAndAccuracy(long seed) {
        CaseStudyRun run = run(true, seed);
        float accuracy = run.accuracy(VECTOR);
        float loss = run.result().finalLoss();
        assertAll("final loss " + loss + ", accuracy " + accuracy,
                () -> assertEquals(LN_3, run.reportedLosses().get(0), 0.01, "first loss"),
                () -> assertEquals(10, run.reportedLosses().size(), "loss lines for 10,000 iterations every 1,000"),
                () -> assertTrue(loss >= 0.23 && loss <= 0.28, "final loss in [0.23, 0.28]"),
                () -> assertTrue(accuracy >= 0.96, "accuracy >= 0.96"));
    }
}
