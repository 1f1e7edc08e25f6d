package io.vecnet.spark;

import io.vecnet.data.Rng;
import io.vecnet.kernels.Backend;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.kernels.Kernels;
import io.vecnet.nn.Classifier;
import io.vecnet.nn.Mlp;
import io.vecnet.nn.NetworkSpec;
import io.vecnet.nn.Standardizer;
import io.vecnet.train.Objective;
import io.vecnet.train.Optimizer;
import io.vecnet.train.TrainingDivergedException;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Data-parallel, synchronous training on Spark. The rows are packed once into float32 blocks, one per
 * partition, and cached. Each step the driver broadcasts the flat parameters; every partition
 * computes the engine's data term over its rows (or its share of a mini-batch) scaled by 1/N of the
 * whole step; the driver adds the partitions' gradients in partition order, adds the L2 term once and
 * lets the engine's optimiser update the parameters. The sum's fixed order makes reruns on the same
 * data, partitioning and seed give the same bits.
 */
final class SynchronousTrainer {
    /**
     * Parameter vectors of at most this many floats (512 KiB) travel inside each task: for them a
     * broadcast, created and destroyed every step, costs more than the copies it saves.
     */
    static final int IN_TASK_LIMIT = 1 << 17;
    private final TrainingPlan plan;
    private final String featuresColumn;
    private final String labelColumn;

    SynchronousTrainer(TrainingPlan plan, String featuresColumn, String labelColumn) {
        this.plan = plan;
        this.featuresColumn = featuresColumn;
        this.labelColumn = labelColumn;
    }

    /** A trained model and the loss (data term + L2) before each step. */
    record Outcome(Classifier classifier, float[] lossHistory) {
    }

    Outcome train(Dataset<Row> data) {
        LabelClasses declared = LabelClasses.of(data.schema().apply(labelColumn));
        RowPacker packer = new RowPacker(featuresColumn, labelColumn, declared.count());
        JavaRDD<PartitionBlock> packed = data.select(featuresColumn, labelColumn).javaRDD()
                .mapPartitionsWithIndex((partition, rows) -> List.of(packer.pack(partition, rows)).iterator(), true)
                .persist(StorageLevel.MEMORY_AND_DISK());
        JavaRDD<PartitionBlock> blocks = packed.filter(block -> block.rows() > 0);
        try {
            List<PartitionBlock.Shape> shapes = InvalidRowException.unwrapped(
                    () -> blocks.map(PartitionBlock::shape).collect());
            long rows = shapes.stream().mapToLong(PartitionBlock.Shape::rows).sum();
            if (rows == 0) {
                throw new IllegalArgumentException("column '" + featuresColumn + "': no rows to train on");
            }
            int inputs = inputs(shapes);
            int classes = declared.count() > 0 ? declared.count() : classesOfLabels(shapes, rows);
            NetworkSpec spec = plan.spec(inputs, classes);
            Standardizer scaler = plan.standardize() ? standardizer(blocks, inputs, rows) : null;
            JavaRDD<PartitionBlock> training = scaler == null ? blocks : scaled(blocks, scaler);
            try {
                Steps steps = new Steps(spec, training, shapes, rows);
                Mlp network = Mlp.of(spec, steps.run());
                return new Outcome(new Classifier(network, scaler, declared.names()), steps.losses);
            } finally {
                training.unpersist(false);
            }
        } finally {
            packed.unpersist(false);
        }
    }

    /**
     * The class count numbered labels imply, the largest plus one. A label above the row count cannot
     * be one of classes 0..K-1 that the rows fill, and would size the output layer by a stray value.
     */
    private int classesOfLabels(List<PartitionBlock.Shape> shapes, long rows) {
        int largest = shapes.stream().mapToInt(PartitionBlock.Shape::maxLabel).max().orElseThrow();
        if (largest < 1) {
            throw new IllegalArgumentException("column '" + labelColumn + "': every row has class 0; a classifier "
                    + "needs at least 2 classes");
        }
        if (largest >= rows) {
            throw new IllegalArgumentException("column '" + labelColumn + "': the largest label is " + largest
                    + ", but labels are class numbers 0..K-1 and there are only " + rows + " rows; index other "
                    + "labels with a StringIndexer");
        }
        return largest + 1;
    }

    private int inputs(List<PartitionBlock.Shape> shapes) {
        PartitionBlock.Shape first = shapes.get(0);
        for (PartitionBlock.Shape shape : shapes) {
            if (shape.cols() != first.cols()) {
                throw new InvalidRowException(featuresColumn, shape.partition(), 0, "a vector of " + shape.cols()
                        + " features, but the rows of partition " + first.partition() + " have " + first.cols());
            }
        }
        if (first.cols() == 0) {
            throw new InvalidRowException(featuresColumn, first.partition(), 0, "the features vector is empty");
        }
        return first.cols();
    }

    /** The training rows' statistics: per-partition float64 sums, added in partition order on the driver. */
    private static Standardizer standardizer(JavaRDD<PartitionBlock> blocks, int inputs, long rows) {
        double[] mean = inPartitionOrder(blocks.map(PartitionBlock::featureSums).collect(), inputs);
        for (int j = 0; j < inputs; j++) {
            mean[j] /= rows;
        }
        double[] std = inPartitionOrder(blocks.map(block -> block.centredSquares(mean)).collect(), inputs);
        for (int j = 0; j < inputs; j++) {
            std[j] = Math.sqrt(std[j] / rows);
        }
        return Standardizer.fromFloat64(mean, std);
    }

    private static double[] inPartitionOrder(List<double[]> parts, int length) {
        double[] total = new double[length];
        for (double[] part : parts) {
            for (int j = 0; j < length; j++) {
                total[j] += part[j];
            }
        }
        return total;
    }

    private static JavaRDD<PartitionBlock> scaled(JavaRDD<PartitionBlock> blocks, Standardizer scaler) {
        float[] mean = scaler.mean();
        float[] std = scaler.std();
        JavaRDD<PartitionBlock> scaled = blocks.map(block -> block.scaled(mean, std))
                .persist(StorageLevel.MEMORY_AND_DISK());
        scaled.count();
        return scaled;
    }

    /** The step loop: broadcast, per-partition data terms, the ordered sum, L2 and the update. */
    private final class Steps {
        private final NetworkLayout layout;
        private final JavaRDD<PartitionBlock> blocks;
        private final JavaSparkContext spark;
        private final Kernels kernels = KernelProvider.select(plan.backend(), 1);
        private final Objective penalty;
        private final float[] parameters;
        private final float[] gradient;
        private final BatchSampler sampler;
        private final float scale;
        private final int total;
        private float[] losses;

        Steps(NetworkSpec spec, JavaRDD<PartitionBlock> blocks, List<PartitionBlock.Shape> shapes, long rows) {
            this.layout = NetworkLayout.of(spec);
            this.blocks = blocks;
            this.spark = JavaSparkContext.fromSparkContext(blocks.context());
            this.penalty = Objective.withoutRows(spec, plan.l2(), kernels);
            this.parameters = Mlp.initialise(spec, plan.initFor(spec), new Rng(plan.seed())).parameters();
            this.gradient = new float[parameters.length];
            this.sampler = plan.fullBatch(rows) ? null : BatchSampler.plan(plan.seed(), plan.batchSize(), shapes, rows);
            this.scale = 1f / (sampler == null ? rows : sampler.rowsPerStep());
            this.total = plan.totalSteps(rows);
        }

        float[] run() {
            Optimizer optimizer = plan.newOptimizer();
            losses = new float[total];
            for (int step = 0; step < total; step++) {
                float loss = lossAndGradient(step) + penalty.addL2(parameters, gradient);
                if (!Float.isFinite(loss)) {
                    throw new TrainingDivergedException(step, loss);
                }
                losses[step] = loss;
                optimizer.step(parameters, gradient, kernels);
            }
            return parameters;
        }

        /** The partitions' data terms at this step, summed in partition order into {@link #gradient}. */
        private float lossAndGradient(int step) {
            boolean large = parameters.length > IN_TASK_LIMIT;
            Broadcast<float[]> shared = large ? spark.broadcast(parameters.clone()) : null;
            float[] inTask = large ? null : parameters.clone();
            NetworkLayout layout = this.layout;
            float scale = this.scale;
            Backend backend = plan.backend();
            BatchSampler sampler = this.sampler;
            try {
                List<PartitionBlock.PartialGradient> parts = blocks.map(block -> {
                    float[] theta = inTask != null ? inTask : shared.value();
                    return sampler == null
                            ? block.fullBatch(layout, theta, scale, backend)
                            : block.batch(layout, theta, scale, backend,
                                    sampler.choose(step, block.partition(), block.rows()));
                }).collect();
                float loss = 0f;
                System.arraycopy(parts.get(0).gradient(), 0, gradient, 0, gradient.length);
                for (int p = 0; p < parts.size(); p++) {
                    loss += parts.get(p).loss();
                    if (p > 0) {
                        // fma(1, x, y) rounds as x + y does: the same bits as a plain sum.
                        kernels.axpy(1f, parts.get(p).gradient(), gradient, gradient.length);
                    }
                }
                return loss;
            } finally {
                if (shared != null) {
                    shared.destroy();
                }
            }
        }
    }
}
