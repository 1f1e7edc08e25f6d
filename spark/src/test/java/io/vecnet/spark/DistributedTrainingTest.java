package io.vecnet.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.data.Spiral;
import io.vecnet.kernels.Backend;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.nn.Activation;
import io.vecnet.nn.Init;
import io.vecnet.nn.Mlp;
import io.vecnet.nn.NetworkSpec;
import io.vecnet.nn.Standardizer;
import io.vecnet.train.GradientDescent;
import io.vecnet.train.Trainer;
import io.vecnet.train.TrainingConfig;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DistributedTrainingTest {
    private static final Dataset SPIRAL = Spiral.generate(100, 3, Spiral.NOISE, new Rng(11));
    private static final int STEPS = 40;
    private static final float LR = 0.5f;
    private static final float L2 = 1e-3f;
    /**
     * Partitions add partial gradients where one pass adds all rows in one sum, so the roundings
     * differ in the last bits of each step's gradient. After these 40 steps the weights (of order 0.1
     * to 1) differ by at most 3.6e-7 (measured with 2, 3 and 7 partitions); gradient descent then
     * amplifies such differences, to about 0.06 after 400 steps at this rate.
     */
    private static final float PARTITIONED_TOLERANCE = 2e-6f;

    private static VecnetClassifier fullBatchGd() {
        return new VecnetClassifier().setLayers(12, 8).setActivation("tanh").setOptimizer("gd").setLr(LR)
                .setRegParam(L2).setMaxIter(STEPS).setStandardize(false).setSeed(5);
    }

    private static float[] singleMachine(Dataset data) {
        NetworkSpec spec = NetworkSpec.of(2, 3, Activation.TANH, 12, 8);
        Mlp initial = Mlp.initialise(spec, Init.defaultFor(spec), new Rng(5));
        return new Trainer(KernelProvider.select(Backend.AUTO, 1))
                .train(initial, data, new TrainingConfig(L2, STEPS, STEPS), new GradientDescent(LR))
                .model().parameters();
    }

    private static float[] parameters(VecnetClassificationModel model) {
        return model.classifier().network().parameters();
    }

    @Test
    void onePartitionGivesTheSingleMachineBits() {
        VecnetClassificationModel model = fullBatchGd().fit(LocalSpark.frame(SPIRAL, 1));
        assertArrayEquals(singleMachine(SPIRAL), parameters(model));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void partitionsMatchTheSingleMachineToFloatRounding(int partitions) {
        float[] expected = singleMachine(SPIRAL);
        float[] actual = parameters(fullBatchGd().fit(LocalSpark.frame(SPIRAL, partitions)));
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], PARTITIONED_TOLERANCE, "parameter " + i);
        }
    }

    /**
     * A network past {@link SynchronousTrainer#IN_TASK_LIMIT} parameters reaches the tasks as a
     * broadcast rather than inside each task; on one partition it too gives the single machine's bits.
     */
    @Test
    void aBroadcastNetworkGivesTheSingleMachineBits() {
        int[] hidden = {400, 400};
        NetworkSpec spec = NetworkSpec.of(2, 3, Activation.TANH, hidden);
        assertTrue(spec.parameterCount() > SynchronousTrainer.IN_TASK_LIMIT, spec.describe());
        Dataset few = SPIRAL.rows(new int[] {0, 1, 2, 100, 101, 102, 200, 201, 202});
        int steps = 3;
        Mlp initial = Mlp.initialise(spec, Init.defaultFor(spec), new Rng(5));
        float[] expected = new Trainer(KernelProvider.select(Backend.AUTO, 1))
                .train(initial, few, new TrainingConfig(L2, steps, steps), new GradientDescent(0.1f))
                .model().parameters();
        VecnetClassifier gd = new VecnetClassifier().setLayers(hidden).setActivation("tanh").setOptimizer("gd")
                .setLr(0.1f).setRegParam(L2).setMaxIter(steps).setStandardize(false).setSeed(5);
        assertArrayEquals(expected, parameters(gd.fit(LocalSpark.frame(few, 1))));
    }

    @Test
    void rerunsGiveTheSameBits() {
        org.apache.spark.sql.Dataset<Row> frame = LocalSpark.frame(SPIRAL, 2);
        VecnetClassifier adam = new VecnetClassifier().setLayers(16).setBatchSize(50).setMaxIter(20).setSeed(3);
        VecnetClassificationModel first = adam.fit(frame);
        VecnetClassificationModel second = adam.fit(frame);
        assertArrayEquals(parameters(first), parameters(second));
        assertArrayEquals(first.lossHistory(), second.lossHistory());
        assertEquals(first.classifier().scaler(), second.classifier().scaler());
    }

    @Test
    void theScalerHasTheTrainingRowsStatistics() {
        VecnetClassifier oneStep = new VecnetClassifier().setLayers(4).setMaxIter(1);
        Standardizer expected = Standardizer.fit(SPIRAL);
        assertEquals(expected, oneStep.fit(LocalSpark.frame(SPIRAL, 1)).classifier().scaler().orElseThrow());
        Standardizer partitioned = oneStep.fit(LocalSpark.frame(SPIRAL, 3)).classifier().scaler().orElseThrow();
        assertArrayEquals(expected.mean(), partitioned.mean(), 1e-6f);
        assertArrayEquals(expected.std(), partitioned.std(), 1e-6f);
    }

    @Test
    void miniBatchAdamLearnsTheSpiral() {
        VecnetClassificationModel model = new VecnetClassifier().setLayers(64).setOptimizer("adam").setLr(0.05)
                .setBatchSize(100).setEpochs(33).setMaxIter(0).setSeed(2).fit(LocalSpark.frame(SPIRAL, 2));
        assertEquals(99, model.lossHistory().length);
        float accuracy = model.classifier().accuracy(SPIRAL);
        assertTrue(accuracy >= 0.95f, "training accuracy " + accuracy);
    }

    @Test
    void theScalarKernelsTrainAWorkingModel() {
        VecnetClassificationModel model = new VecnetClassifier().setKernels("scalar").setLayers(32).setLr(0.05)
                .setBatchSize(100).setMaxIter(100).fit(LocalSpark.frame(SPIRAL, 2));
        float accuracy = model.classifier().accuracy(SPIRAL);
        assertTrue(accuracy >= 0.9f, "training accuracy " + accuracy);
    }
}
