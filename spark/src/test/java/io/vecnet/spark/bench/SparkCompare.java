package io.vecnet.spark.bench;

import io.vecnet.data.Rng;
import io.vecnet.data.Spiral;
import io.vecnet.spark.VecnetClassifier;
import java.util.ArrayList;
import java.util.Arrays;
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
 * on the same cached data frame, layer sizes and partitions, and reports each one's training accuracy
 * after n iterations. Two comparisons: the same arithmetic on both sides (sigmoid hidden units, plain
 * gradient descent; on the spiral at three step sizes each, since MLlib decays its step as 1/sqrt(t)
 * and vecnet does not), and each side's best full-batch method (vecnet's Adam on ReLU units, MLlib's
 * default L-BFGS) for the accuracy an iteration buys. An iteration's time is (fastest n-iteration fit -
 * fastest 1-iteration fit) / (n - 1), of {@link #ROUNDS} rounds after a warm-up fit of n, so the packing and
 * start-up that every fit pays once cancel out, and so do the pauses (collections, the JIT) that made
 * single fits of 60000 rows vary by seconds here.
 * Arguments: mnist|spiral PARTITIONS ITERATIONS.
 */
public final class SparkCompare {
    /** Each contender's fits of 1 and of n are repeated this often; the fastest of each count. */
    private static final int ROUNDS = 3;
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
        if (mnist) {
            // The same arithmetic on both sides (sigmoid, plain gradient descent): the cost of an iteration.
            report(workload, partitions, "vecnet gd sigmoid", iterations, data, n -> vecnet(hidden, n)
                    .setActivation("sigmoid").setOptimizer("gd").setLr(0.5));
            report(workload, partitions, "mllib gd (sigmoid)", iterations, data, n -> mllib(layers, "gd", n)
                    .setStepSize(0.5));
            // Each side's best full-batch method, for the accuracy an iteration buys.
            report(workload, partitions, "vecnet adam relu", iterations, data, n -> vecnet(hidden, n)
                    .setActivation("relu").setOptimizer("adam").setLr(0.001).setStandardize(true));
        } else {
            // Step sizes around each side's best for 60 steps of gd: vecnet's mean gradient takes the
            // given step, MLlib's decays it as 1/sqrt(step) from a random init of its own.
            for (double rate : new double[] {0.05, 0.1, 0.2}) {
                report(workload, partitions, "vecnet gd sigmoid lr " + rate, iterations, data, n -> vecnet(hidden, n)
                        .setActivation("sigmoid").setOptimizer("gd").setLr(rate));
            }
            for (double rate : new double[] {0.3, 1, 3}) {
                report(workload, partitions, "mllib gd (sigmoid) " + rate, iterations, data, n -> mllib(layers, "gd", n)
                        .setStepSize(rate));
            }
            report(workload, partitions, "vecnet gd relu", iterations, data, n -> vecnet(hidden, n)
                    .setActivation("relu").setOptimizer("gd").setLr(1.0));
            report(workload, partitions, "vecnet adam relu", iterations, data, n -> vecnet(hidden, n)
                    .setActivation("relu").setOptimizer("adam").setLr(0.2));
        }
        report(workload, partitions, "mllib l-bfgs (sigmoid)", iterations, data, n -> mllib(layers, "l-bfgs", n));
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
        // A warm-up fit as long as the timed one: the JIT compiles the kernels here, not in the timed fits
        // (3 iterations left vecnet's 30000-row spiral steps at twice their warm time).
        estimator.apply(iterations).fit(data);
        double[] ones = new double[ROUNDS];
        double[] alls = new double[ROUNDS];
        Model<?> model = null;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            estimator.apply(1).fit(data);
            ones[round] = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            model = estimator.apply(iterations).fit(data);
            alls[round] = (System.nanoTime() - start) / 1e9;
        }
        double one = Arrays.stream(ones).min().orElseThrow();
        double all = Arrays.stream(alls).min().orElseThrow();
        double accuracy = new MulticlassClassificationEvaluator().setMetricName("accuracy")
                .evaluate(model.transform(data));
        System.out.printf(Locale.ROOT, "%s\t%d partitions\t%-26s\t%.4f s/iteration\taccuracy %.4f after %d iterations"
                + "\t(fastest fit of 1: %.2f s, of %d: %.2f s; all fits of 1 %s, of %d %s)%n", workload, partitions,
                name, (all - one) / (iterations - 1), accuracy, iterations, one, iterations, all, seconds(ones),
                iterations, seconds(alls));
    }

    private static String seconds(double[] values) {
        return Arrays.stream(values).mapToObj(t -> String.format(Locale.ROOT, "%.2f", t)).toList().toString();
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
