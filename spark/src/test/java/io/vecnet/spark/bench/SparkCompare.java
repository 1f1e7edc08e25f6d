package io.vecnet.spark.bench;

import io.vecnet.data.Rng;
import io.vecnet.data.Spiral;
import io.vecnet.spark.VecnetClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Times one full-batch iteration of vecnet on Spark against Spark MLlib's MultilayerPerceptronClassifier
 * (solver gd, and l-bfgs, its default) on the same cached data frame, network and partitions, and
 * reports each one's training accuracy; on the spiral also vecnet with ReLU (its fused pass) and
 * full-batch Adam, and MLlib's default solver, L-BFGS, for the accuracy each reaches in as many iterations. An iteration's time is (time of an n-iteration fit - time of a
 * 1-iteration fit) / (n - 1), after a warm-up fit of a few iterations, so the packing and start-up
 * that every fit pays once cancel out.
 * Arguments: mnist|spiral PARTITIONS ITERATIONS.
 */
public final class SparkCompare {
    private static final int WARM_UP_ITERATIONS = 3;
    private static final StructType SCHEMA = new StructType()
            .add("features", SQLDataTypes.VectorType()).add("label", DataTypes.DoubleType);

    private SparkCompare() {
    }

    public static void main(String[] args) {
        String workload = args[0];
        int partitions = Integer.parseInt(args[1]);
        int iterations = Integer.parseInt(args[2]);
        SparkSession spark = SparkSession.builder().appName("vecnet SparkCompare")
                .master("local[" + partitions + "]").getOrCreate();
        boolean mnist = workload.equals("mnist");
        Dataset<Row> data = mnist ? mnistShaped(spark, 60_000, partitions) : spiral(spark, 10_000, partitions);
        data.cache().count();
        int[] hidden = mnist ? new int[] {256} : new int[] {100};
        int[] layers = mnist ? new int[] {784, 256, 10} : new int[] {2, 100, 3};
        double rate = mnist ? 0.5 : 1.0;
        // vecnet's fit of 1 iteration varies by about a second (packing 60000 rows): more iterations dilute that.
        int vecnetIterations = mnist ? 4 * iterations : iterations;
        report(workload, partitions, "vecnet gd sigmoid", vecnetIterations, data, n -> vecnet(hidden, n)
                .setActivation("sigmoid").setOptimizer("gd").setLr(rate));
        report(workload, partitions, "mllib gd (sigmoid)", iterations, data, n -> mllib(layers, "gd", n)
                .setStepSize(rate));
        if (!mnist) {
            report(workload, partitions, "vecnet gd relu", iterations, data, n -> vecnet(hidden, n)
                    .setActivation("relu").setOptimizer("gd").setLr(rate));
            report(workload, partitions, "vecnet adam relu", iterations, data, n -> vecnet(hidden, n)
                    .setActivation("relu").setOptimizer("adam").setLr(0.05));
            report(workload, partitions, "mllib l-bfgs (sigmoid)", iterations, data, n -> mllib(layers, "l-bfgs", n));
        }
        spark.stop();
    }

    private static VecnetClassifier vecnet(int[] hidden, int iterations) {
        return new VecnetClassifier().setLayers(hidden).setRegParam(0).setStandardize(false).setMaxIter(iterations)
                .setSeed(1);
    }

    private static MultilayerPerceptronClassifier mllib(int[] layers, String solver, int iterations) {
        return new MultilayerPerceptronClassifier().setLayers(layers).setSolver(solver).setMaxIter(iterations)
                .setTol(0).setSeed(1);
    }

    private static void report(String workload, int partitions, String name, int iterations, Dataset<Row> data,
                               IntFunction<org.apache.spark.ml.Estimator<? extends Model<?>>> estimator) {
        estimator.apply(WARM_UP_ITERATIONS).fit(data); // the JIT compiles the kernels here, not in the timed fits
        long start = System.nanoTime();
        estimator.apply(1).fit(data);
        double one = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        Model<?> model = estimator.apply(iterations).fit(data);
        double all = (System.nanoTime() - start) / 1e9;
        double accuracy = new MulticlassClassificationEvaluator().setMetricName("accuracy")
                .evaluate(model.transform(data));
        System.out.printf(Locale.ROOT, "%s\t%d partitions\t%-24s\t%.4f s/iteration\taccuracy %.4f after %d iterations"
                + "\t(fit of 1: %.2f s, of %d: %.2f s)%n", workload, partitions, name, (all - one) / (iterations - 1),
                accuracy, iterations, one, iterations, all);
    }

    /**
     * Rows of 784 features uniform in [0, 1), labelled by a fixed random linear teacher (the largest of
     * 10 scores), generated on the executors from each row's index: the same data at any partitioning.
     */
    private static Dataset<Row> mnistShaped(SparkSession spark, int rows, int partitions) {
        float[] teacher = new float[784 * 10];
        new Rng(7).fillGaussian(teacher, 1f);
        List<Integer> indices = IntStream.range(0, rows).boxed().toList();
        return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(indices, partitions).map(i -> {
                    Rng rng = new Rng(1_000_003L * i + 11);
                    double[] x = new double[784];
                    double[] scores = new double[10];
                    for (int j = 0; j < x.length; j++) {
                        x[j] = rng.nextDouble();
                        for (int k = 0; k < 10; k++) {
                            scores[k] += (x[j] - 0.5) * teacher[j * 10 + k];
                        }
                    }
                    int label = 0;
                    for (int k = 1; k < 10; k++) {
                        label = scores[k] > scores[label] ? k : label;
                    }
                    return RowFactory.create(Vectors.dense(x), (double) label);
                }), SCHEMA);
    }

    /** The case study's spiral, 100 times the points: 3 arms of {@code perClass} points. */
    private static Dataset<Row> spiral(SparkSession spark, int perClass, int partitions) {
        io.vecnet.data.Dataset points = Spiral.generate(perClass, 3, Spiral.NOISE, new Rng(1));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            rows.add(RowFactory.create(Vectors.dense(points.feature(i, 0), points.feature(i, 1)),
                    (double) points.label(i)));
        }
        return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(rows, partitions), SCHEMA);
    }
}
