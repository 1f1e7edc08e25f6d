package io.vecnet.train;

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
import io.vecnet.model.Model;
import io.vecnet.model.Objective;
import io.vecnet.model.SoftmaxClassifier;
import io.vecnet.model.TwoLayerNet;
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

    private static Model linear() {
        return SoftmaxClassifier.initialise(2, 3, new Rng(6));
    }

    private static Model net() {
        return TwoLayerNet.initialise(2, 10, 3, new Rng(6));
    }

    @Test
    void listenerSeesIterationZeroAndEveryReportInterval() {
        List<Integer> iterations = new ArrayList<>();
        new Trainer(VECTOR).train(linear(), data(), new TrainingConfig(1f, 1e-3f, 25, 10),
                (iteration, loss) -> iterations.add(iteration));
        assertEquals(List.of(0, 10, 20), iterations);

        iterations.clear();
        new Trainer(VECTOR).train(linear(), data(), new TrainingConfig(1f, 1e-3f, 21, 10),
                (iteration, loss) -> iterations.add(iteration));
        assertEquals(List.of(0, 10, 20), iterations);
    }

    @Test
    void zeroIterationsReportNothingAndLeaveTheModelUnchanged() {
        Model model = linear();
        Matrix before = model.parameters().get(0).value().copy();
        List<Integer> iterations = new ArrayList<>();
        TrainingResult result = new Trainer(VECTOR).train(model, data(), new TrainingConfig(1f, 1e-3f, 0, 1),
                (iteration, loss) -> iterations.add(iteration));
        assertEquals(List.of(), iterations);
        assertEquals(0, result.iterations());
        assertEquals(before, model.parameters().get(0).value());
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"VECTOR", "SCALAR"})
    void reportedLossIsTheLossBeforeThatIterationsUpdate(Backend backend) {
        Kernels kernels = KernelProvider.select(backend);
        float initialLoss = net().objective(data(), 1e-3f, kernels).evaluate();
        List<Float> losses = new ArrayList<>();
        TrainingResult result = new Trainer(kernels).train(net(), data(), new TrainingConfig(1f, 1e-3f, 7, 1),
                (iteration, loss) -> losses.add(loss));
        assertEquals(7, losses.size());
        assertEquals(initialLoss, losses.get(0));
        assertEquals(losses.get(6), result.finalLoss(), "the final loss is the last one computed");
        assertEquals(7, result.iterations());
        assertTrue(result.nanos() >= 0);
    }

    @Test
    void eachIterationStepsEveryParameterAgainstItsGradient() {
        Model trained = net();
        Model reference = net();
        Objective objective = reference.objective(data(), 1e-3f, VECTOR);
        objective.evaluate();
        float step = 0.5f;
        new Trainer(VECTOR).train(trained, data(), new TrainingConfig(step, 1e-3f, 1, 1), TrainingListener.NONE);
        for (int i = 0; i < reference.parameters().size(); i++) {
            float[] expected = reference.parameters().get(i).value().data().clone();
            float[] gradient = objective.gradients().get(i).data();
            for (int e = 0; e < expected.length; e++) {
                expected[e] = Math.fma(-step, gradient[e], expected[e]);
            }
            assertEquals(new Matrix(1, expected.length, expected),
                    new Matrix(1, expected.length, trained.parameters().get(i).value().data()),
                    reference.parameters().get(i).name());
        }
    }

    @Test
    void trainingLowersTheLoss() {
        List<Float> losses = new ArrayList<>();
        new Trainer(VECTOR).train(net(), data(), new TrainingConfig(1f, 1e-3f, 500, 100),
                (iteration, loss) -> losses.add(loss));
        assertTrue(losses.get(4) < losses.get(0) - 0.1, losses.toString());
    }

    @Test
    void aHugeStepDivergesWithAnExceptionNamingTheIteration() {
        List<Float> losses = new ArrayList<>();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> new Trainer(VECTOR).train(net(), data(), new TrainingConfig(1e20f, 1e-3f, 100, 1),
                        (iteration, loss) -> losses.add(loss)));
        assertTrue(e.iteration() >= 1, "the first loss is finite, got iteration " + e.iteration());
        assertEquals(e.iteration(), losses.size(), "every earlier iteration was reported");
        assertTrue(losses.stream().allMatch(Float::isFinite), losses.toString());
        assertTrue(e.getMessage().contains("at iteration " + e.iteration()), e.getMessage());
        assertTrue(e.getMessage().contains(String.valueOf(1e20f)), e.getMessage());
    }
}
