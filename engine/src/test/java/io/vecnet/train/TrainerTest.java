package io.vecnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.Matrix;
import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.data.Spiral;
import io.vecnet.kernels.Backend;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.kernels.Kernels;
import io.vecnet.nn.Activation;
import io.vecnet.nn.Classifier;
import io.vecnet.nn.Mlp;
import io.vecnet.nn.NetworkSpec;
import io.vecnet.nn.Standardizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrainerTest {
    private static final Kernels VECTOR = KernelProvider.select(Backend.VECTOR);

    private static Dataset data() {
        return Spiral.generate(20, 3, Spiral.NOISE, new Rng(5));
    }

    private static Mlp linear() {
        return Mlp.initialise(NetworkSpec.linear(2, 3), new Rng(6));
    }

    private static Mlp net() {
        return Mlp.initialise(NetworkSpec.of(2, 3, Activation.RELU, 10), new Rng(6));
    }

    private static Mlp deep() {
        return Mlp.initialise(NetworkSpec.of(2, 3, Activation.TANH, 8, 6), new Rng(6));
    }

    /** No rows to train on, to validate on, to scale by or to measure a model on is a bad argument. */
    @Test
    void emptyTrainingOrValidationDataIsRefused() {
        Rng rng = new Rng(1);
        Dataset spiral = Spiral.generate(10, 3, Spiral.NOISE, rng);
        Dataset empty = new Dataset(new Matrix(0, 2), new int[0], 3);
        Mlp net = Mlp.initialise(NetworkSpec.of(2, 3, Activation.RELU, 4), rng);
        Trainer trainer = new Trainer(KernelProvider.select(Backend.SCALAR));
        TrainingConfig config = new TrainingConfig(1e-3f, 20, 5).withPatience(2);
        assertEquals("no rows to train on", assertThrows(IllegalArgumentException.class,
                () -> trainer.train(net, empty, config, new GradientDescent(1f))).getMessage());
        assertEquals("the validation set has no rows; pass null to train without one",
                assertThrows(IllegalArgumentException.class, () -> trainer.train(net, spiral, empty, config,
                        new GradientDescent(1f), TrainingListener.NONE)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Standardizer.fit(empty));
        assertEquals("no rows to evaluate a model on", assertThrows(IllegalArgumentException.class,
                () -> Evaluation.of(net, empty, KernelProvider.select(Backend.SCALAR))).getMessage());
        assertEquals("no rows to measure an accuracy on", assertThrows(IllegalArgumentException.class,
                () -> net.accuracy(empty)).getMessage());
        assertEquals("no rows to measure an accuracy on", assertThrows(IllegalArgumentException.class,
                () -> new Classifier(net, null, List.of()).accuracy(empty)).getMessage());
    }

    @Test
    void listenerSeesIterationZeroAndEveryReportInterval() {
        List<Integer> iterations = new ArrayList<>();
        new Trainer(VECTOR).train(linear(), data(), new TrainingConfig(1e-3f, 25, 10), new GradientDescent(1f),
                progress -> iterations.add(progress.iteration()));
        assertEquals(List.of(0, 10, 20), iterations);

        iterations.clear();
        new Trainer(VECTOR).train(linear(), data(), new TrainingConfig(1e-3f, 21, 10), new GradientDescent(1f),
                progress -> iterations.add(progress.iteration()));
        assertEquals(List.of(0, 10, 20), iterations);
    }

    @Test
    void zeroIterationsReportNothingAndReturnTheSameWeights() {
        Mlp model = linear();
        List<Integer> iterations = new ArrayList<>();
        TrainingResult result = new Trainer(VECTOR).train(model, data(), new TrainingConfig(1e-3f, 0, 1),
                new GradientDescent(1f), progress -> iterations.add(progress.iteration()));
        assertEquals(List.of(), iterations);
        assertEquals(0, result.iterations());
        assertArrayEquals(model.parameters(), result.model().parameters());
    }

    @Test
    void trainingLeavesTheStartingModelUnchanged() {
        Mlp model = net();
        float[] before = model.parameters();
        Mlp trained = new Trainer(VECTOR).train(model, data(), new TrainingConfig(1e-3f, 5, 1), new GradientDescent(1f))
                .model();
        assertArrayEquals(before, model.parameters());
        assertTrue(!java.util.Arrays.equals(before, trained.parameters()));
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"VECTOR", "SCALAR"})
    void reportedLossIsTheLossBeforeThatIterationsUpdate(Backend backend) {
        Kernels kernels = KernelProvider.select(backend);
        Mlp model = deep();
        float initialLoss = Objective.on(data(), model.spec(), 1e-3f, kernels)
                .lossAndGradient(model.parameters(), new float[model.spec().parameterCount()]);
        List<Float> losses = new ArrayList<>();
        TrainingResult result = new Trainer(kernels).train(model, data(), new TrainingConfig(1e-3f, 7, 1),
                new GradientDescent(1f), progress -> losses.add(progress.loss()));
        assertEquals(7, losses.size());
        assertEquals(initialLoss, losses.get(0));
        assertEquals(losses.get(6), result.finalLoss(), "the final loss is the last one computed");
        assertEquals(7, result.iterations());
        assertTrue(result.nanos() >= 0);
    }

    @Test
    void eachIterationStepsEveryParameterAgainstItsGradient() {
        Mlp model = deep();
        float[] expected = model.parameters();
        float[] gradient = new float[expected.length];
        Objective.on(data(), model.spec(), 1e-3f, VECTOR).lossAndGradient(expected, gradient);
        float step = 0.5f;
        for (int e = 0; e < expected.length; e++) {
            expected[e] = Math.fma(-step, gradient[e], expected[e]);
        }
        Mlp trained = new Trainer(VECTOR).train(model, data(), new TrainingConfig(1e-3f, 1, 1),
                new GradientDescent(step)).model();
        assertArrayEquals(expected, trained.parameters());
    }

    @Test
    void aListenerCanStopTrainingAndKeepTheWeightsItSawTheLossOf() {
        List<Float> losses = new ArrayList<>();
        TrainingResult stopped = new Trainer(VECTOR).train(net(), data(), new TrainingConfig(1e-3f, 100, 1),
                new GradientDescent(1f), progress -> {
                    losses.add(progress.loss());
                    if (progress.iteration() == 3) {
                        progress.stop();
                    }
                });
        assertEquals(4, losses.size());
        assertEquals(3, stopped.iterations(), "three updates ran before the stop");
        TrainingResult three = new Trainer(VECTOR).train(net(), data(), new TrainingConfig(1e-3f, 3, 1),
                new GradientDescent(1f));
        assertArrayEquals(three.model().parameters(), stopped.model().parameters());
    }

    @Test
    void trainingLowersTheLossAtEveryDepth() {
        for (Mlp model : List.of(linear(), net(), deep())) {
            List<Float> losses = new ArrayList<>();
            new Trainer(VECTOR).train(model, data(), new TrainingConfig(1e-3f, 500, 100), new GradientDescent(1f),
                    progress -> losses.add(progress.loss()));
            assertTrue(losses.get(4) < losses.get(0) - 0.1, model + ": " + losses);
        }
    }

    @Test
    void aHugeStepDivergesWithAnExceptionNamingTheIteration() {
        List<Float> losses = new ArrayList<>();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> new Trainer(VECTOR).train(net(), data(), new TrainingConfig(1e-3f, 100, 1),
                        new GradientDescent(1e20f), progress -> losses.add(progress.loss())));
        assertTrue(e.iteration() >= 1, "the first loss is finite, got iteration " + e.iteration());
        assertEquals(e.iteration(), losses.size(), "every earlier iteration was reported");
        assertTrue(losses.stream().allMatch(Float::isFinite), losses.toString());
        assertTrue(e.getMessage().contains("at iteration " + e.iteration()), e.getMessage());
    }

    @Test
    void configAndOptimizerRefuseNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(-1f, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(Float.NaN, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(0f, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(0f, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new GradientDescent(0f));
        assertThrows(IllegalArgumentException.class, () -> new GradientDescent(Float.POSITIVE_INFINITY));
    }
}
