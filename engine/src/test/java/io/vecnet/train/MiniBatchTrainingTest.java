package io.vecnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.data.Spiral;
import io.vecnet.kernels.Backend;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.kernels.Kernels;
import io.vecnet.nn.Activation;
import io.vecnet.nn.Mlp;
import io.vecnet.nn.NetworkSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MiniBatchTrainingTest {
    private static final Kernels VECTOR = KernelProvider.select(Backend.VECTOR);
    private static final Dataset SPIRAL = Spiral.generate(100, 3, Spiral.NOISE, new Rng(1));

    private static Mlp net() {
        return Mlp.initialise(NetworkSpec.of(2, 3, Activation.RELU, 32, 16), new Rng(2));
    }

    private static TrainingConfig batches(int size, int epochs) {
        return new TrainingConfig(1e-4f, TrainingConfig.UNLIMITED, 1, size, epochs, 9, LearningRateSchedule.CONSTANT, 0);
    }

    @Test
    void adamOnMiniBatchesLearnsTheSpiral() {
        TrainingResult result = new Trainer(VECTOR).train(net(), SPIRAL, batches(32, 150), new Adam(0.01f));
        assertEquals(150, result.epochs());
        assertEquals(150 * 10, result.iterations(), "300 rows in batches of 32: 10 steps an epoch");
        assertTrue(result.model().accuracy(SPIRAL) >= 0.95f, "accuracy " + result.model().accuracy(SPIRAL));
    }

    @Test
    void theSameSeedGivesTheSameBitsOnAnyThreadCount() {
        float[] one = new Trainer(KernelProvider.select(Backend.VECTOR, 1))
                .train(net(), SPIRAL, batches(50, 5), new Adam(0.01f)).model().parameters();
        float[] two = new Trainer(KernelProvider.select(Backend.VECTOR, 2))
                .train(net(), SPIRAL, batches(50, 5), new Adam(0.01f)).model().parameters();
        assertArrayEquals(one, two);
        float[] otherSeed = new Trainer(VECTOR).train(net(), SPIRAL,
                batches(50, 5).withBatches(50, 10), new Adam(0.01f)).model().parameters();
        assertFalse(Arrays.equals(one, otherSeed), "another shuffle seed, other batches");
    }

    @Test
    void epochsAndIterationsBothLimitTheRun() {
        TrainingResult capped = new Trainer(VECTOR).train(net(), SPIRAL, batches(64, 100).withIterations(7),
                new Adam(0.01f));
        assertEquals(7, capped.iterations());
        assertEquals(2, capped.epochs(), "5 steps an epoch: the 7th step is in the second epoch");
        List<Integer> reported = new ArrayList<>();
        new Trainer(VECTOR).train(net(), SPIRAL, batches(64, 3), new Adam(0.01f),
                progress -> reported.add(progress.epoch()));
        assertEquals(List.of(1, 2, 3), reported);
    }

    @Test
    void aBatchAsLargeAsTheDataIsFullBatchGradientDescent() {
        TrainingConfig full = new TrainingConfig(1e-3f, 20, 1);
        float[] expected = new Trainer(VECTOR).train(net(), SPIRAL, full, new GradientDescent(0.5f)).model()
                .parameters();
        float[] asBatch = new Trainer(VECTOR).train(net(), SPIRAL, full.withBatches(1000, 3),
                new GradientDescent(0.5f)).model().parameters();
        assertArrayEquals(expected, asBatch);
    }

    @Test
    void validationIsReportedAndEarlyStoppingKeepsTheBestWeights() {
        Dataset.Split split = SPIRAL.split(0.2, new Rng(4));
        List<TrainingListener.Progress> reports = new ArrayList<>();
        TrainingResult result = new Trainer(VECTOR).train(net(), split.training(), split.validation(),
                batches(16, 500).withPatience(5), new Adam(0.05f), reports::add);
        assertTrue(result.stoppedEarly(), "a rate this high stops improving well before 500 epochs");
        assertTrue(result.epochs() < 500);
        float best = (float) reports.stream().mapToDouble(p -> p.validation().loss()).min().orElseThrow();
        assertNotNull(result.validation());
        assertEquals(best, result.validation().loss(), 1e-6f, "the returned weights are the best reported");
        assertTrue(reports.stream().allMatch(p -> p.validation().accuracy() >= 0f && p.validation().accuracy() <= 1f));
    }

    @Test
    void withoutValidationEarlyStoppingWatchesTheTrainingLoss() {
        TrainingResult result = new Trainer(VECTOR).train(net(), SPIRAL, new TrainingConfig(0f, 100_000, 1)
                .withPatience(3), new GradientDescent(1e-9f));
        assertTrue(result.stoppedEarly(), "a tiny rate never improves the loss by 1e-4");
        assertEquals(3, result.iterations(), "reports at 0 (best), 1, 2, 3: patience runs out at the third");
        assertNull(result.validation());
        assertArrayEquals(net().parameters(), result.model().parameters(), "the best was the very start");
    }

    @Test
    void theSplitIsStratifiedAndComplete() {
        Dataset.Split split = SPIRAL.split(0.1, new Rng(5));
        assertEquals(270, split.training().size());
        assertEquals(30, split.validation().size());
        int[] perClass = new int[3];
        for (int i = 0; i < split.validation().size(); i++) {
            perClass[split.validation().label(i)]++;
        }
        assertArrayEquals(new int[] {10, 10, 10}, perClass);
        Dataset.Split again = SPIRAL.split(0.1, new Rng(5));
        assertEquals(split.validation().features(), again.validation().features());
    }
}
