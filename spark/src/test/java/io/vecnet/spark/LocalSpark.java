package io.vecnet.spark;

import io.vecnet.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** One local Spark session for all the module's tests (Spark stops it when the JVM exits), and test data frames. */
final class LocalSpark {
    static final StructType SCHEMA = new StructType()
            .add("features", SQLDataTypes.VectorType())
            .add("label", DataTypes.DoubleType);

    private LocalSpark() {
    }

    static SparkSession session() {
        return SparkSession.builder()
                .master("local[2]")
                .appName("vecnet-spark tests")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
    }

    /** {@code data} as a data frame of (features, label) in {@code partitions} contiguous slices of its rows. */
    static org.apache.spark.sql.Dataset<Row> frame(Dataset data, int partitions) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            double[] features = new double[data.dimensions()];
            for (int j = 0; j < features.length; j++) {
                features[j] = data.feature(i, j);
            }
            rows.add(RowFactory.create(Vectors.dense(features), (double) data.label(i)));
        }
        return frame(rows, partitions);
    }

    static org.apache.spark.sql.Dataset<Row> frame(List<Row> rows, int partitions) {
        SparkSession spark = session();
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return spark.createDataFrame(context.parallelize(rows, partitions), SCHEMA);
    }
}
