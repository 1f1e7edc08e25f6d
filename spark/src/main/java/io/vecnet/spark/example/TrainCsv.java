package io.vecnet.spark.example;

import io.vecnet.kernels.KernelProvider;
import io.vecnet.spark.VecnetClassificationModel;
import io.vecnet.spark.VecnetClassifier;
import java.io.IOException;
import java.util.Arrays;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Trains vecnet with Spark on a CSV file with a header, its last column the class (a name or a
 * number), the others numeric features; prints the accuracy on a test file and saves the fitted
 * pipeline. Arguments: TRAIN.csv TEST.csv [OUTPUT_DIR]. The master comes from spark-submit, or is
 * local[*] when started without it.
 */
public final class TrainCsv {
    private TrainCsv() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: TrainCsv TRAIN.csv TEST.csv [OUTPUT_DIR]");
            System.exit(2);
        }
        SparkSession spark = SparkSession.builder().appName("vecnet TrainCsv")
                .master(System.getProperty("spark.master", "local[*]")).getOrCreate();
        try {
            Dataset<Row> train = read(spark, args[0]);
            Dataset<Row> test = read(spark, args[1]);
            String[] columns = train.columns();
            String label = columns[columns.length - 1];
            Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
                new StringIndexer().setInputCol(label).setOutputCol("classIndex"),
                new VectorAssembler().setInputCols(Arrays.copyOf(columns, columns.length - 1))
                        .setOutputCol("features"),
                new VecnetClassifier().setLabelCol("classIndex").setLayers(32).setOptimizer("adam").setLr(0.01)
                        .setBatchSize(32).setEpochs(100).setMaxIter(0).setSeed(1)});
            PipelineModel model = pipeline.fit(train);
            VecnetClassificationModel network = (VecnetClassificationModel) model.stages()[2];
            float[] losses = network.lossHistory();
            double accuracy = new MulticlassClassificationEvaluator().setLabelCol("classIndex")
                    .setMetricName("accuracy").evaluate(model.transform(test));
            System.out.printf("kernels on the driver: %s%n", KernelProvider.get().description());
            System.out.printf("trained %s in %d steps on %d partitions; loss %.4f -> %.4f%n",
                    network.classifier().network(), losses.length, train.javaRDD().getNumPartitions(), losses[0],
                    losses[losses.length - 1]);
            System.out.printf("test accuracy: %.4f (%d rows)%n", accuracy, test.count());
            if (args.length > 2) {
                model.write().overwrite().save(args[2]);
                System.out.println("saved the pipeline to " + args[2]);
            }
        } catch (IOException e) {
            System.err.println("cannot save the model: " + e.getMessage());
            System.exit(1);
        } finally {
            spark.stop();
        }
    }

    private static Dataset<Row> read(SparkSession spark, String file) {
        return spark.read().option("header", "true").option("inferSchema", "true").csv(file);
    }
}
