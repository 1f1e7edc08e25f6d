package io.vecnet.bench;

import io.vecnet.Matrix;
import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.kernels.Backend;
import io.vecnet.nn.Activation;
import io.vecnet.nn.Mlp;
import io.vecnet.nn.NetworkSpec;
import io.vecnet.train.Adam;
import io.vecnet.train.Trainer;
import io.vecnet.train.TrainingConfig;
import io.vecnet.train.TrainingListener;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One epoch of Adam on 200-row batches (10 steps over 2,000 random rows) of {@code inputs} -> 100 ->
 * 10, through {@link Trainer} as {@code vecnet train --data} runs it, on 1 and 2 threads. The first
 * layer's products (200 x inputs x 100 multiply-adds) straddle the size from which the packed GEMM
 * splits over threads: the benchmark that places that threshold, which a product timed alone
 * places far too low (its operands are then in both cores' caches; in training the batch and the
 * weights were just written by the training thread).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public abstract class SmallBatchThreadsBenchmark {
    private static final int ROWS = 2_000;
    private static final int BATCH = 200;
    private static final int HIDDEN = 100;
    private static final int CLASSES = 10;

    @Param({"64", "128", "256", "784"})
    public int inputs;

    @Param({"1", "2"})
    public int threads;

    private Trainer trainer;
    private Dataset data;
    private Mlp model;
    private TrainingConfig epoch;
    private Adam optimizer;

    @Setup
    public void setUp() {
        Rng rng = new Rng(1);
        float[] features = new float[ROWS * inputs];
        for (int i = 0; i < features.length; i++) {
            features[i] = (float) rng.nextGaussian();
        }
        int[] labels = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            labels[i] = i % CLASSES;
        }
        data = new Dataset(new Matrix(ROWS, inputs, features), labels, CLASSES);
        model = Mlp.initialise(NetworkSpec.of(inputs, CLASSES, Activation.RELU, HIDDEN), new Rng(2));
        epoch = new TrainingConfig(1e-4f, ROWS / BATCH, 1).withBatches(BATCH, 3);
        trainer = new Trainer(BenchJvm.kernels(Backend.VECTOR, threads));
        optimizer = new Adam(1e-3f);
    }

    /** Ten steps; the model and Adam's moments keep training from one call to the next, as in a real run. */
    @Benchmark
    public Mlp epochOfAdam() {
        model = trainer.train(model, data, null, epoch, optimizer, TrainingListener.NONE).model();
        return model;
    }

    @Fork(value = 3, jvmArgs = {BenchJvm.SERIAL_GC, BenchJvm.HEAP}, jvmArgsAppend = BenchJvm.VECTOR_MODULE)
    public static class Vector extends SmallBatchThreadsBenchmark {
    }
}
