package io.vecnet.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.data.Spiral;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceAndPipelineTest {
    private static final Dataset SPIRAL = Spiral.generate(60, 3, Spiral.NOISE, new Rng(4));
    private static final String[] ARMS = {"north", "east", "south"};

    @TempDir
    Path dir;

    private static VecnetClassifier quick() {
        return new VecnetClassifier().setLayers(24).setLr(0.05).setMaxIter(120).setSeed(9);
    }

    private static List<Row> predictions(org.apache.spark.sql.Dataset<Row> transformed) {
        return transformed.select("rawPrediction", "probability", "prediction").collectAsList();
    }

    @Test
    void aSavedModelLoadsAndPredictsTheSame() throws IOException {
        org.apache.spark.sql.Dataset<Row> frame = LocalSpark.frame(SPIRAL, 2);
        VecnetClassificationModel model = quick().fit(frame);
        String path = dir.resolve("model").toString();
        model.write().save(path);
        assertTrue(Files.isRegularFile(dir.resolve("model").resolve(VecnetClassificationModel.MODEL_FILE)));
        VecnetClassificationModel loaded = VecnetClassificationModel.load(path);
        assertEquals(model.uid(), loaded.uid());
        assertArrayEquals(model.classifier().network().parameters(), loaded.classifier().network().parameters());
        assertEquals(model.classifier().scaler(), loaded.classifier().scaler());
        assertEquals(predictions(model.transform(frame)), predictions(loaded.transform(frame)));
    }

    @Test
    void chunkedTransformAgreesWithSparksPerRowPath() {
        org.apache.spark.sql.Dataset<Row> frame = LocalSpark.frame(SPIRAL, 2);
        VecnetClassificationModel model = quick().fit(frame);
        for (Row row : model.transform(frame).select("features", "rawPrediction", "probability").collectAsList()) {
            Vector features = row.getAs(0);
            Vector raw = model.predictRaw(features);
            assertEquals(raw, row.getAs(1));
            assertEquals(model.raw2probabilityInPlace(raw.copy()), row.getAs(2));
        }
    }

    @Test
    void anEstimatorSavesAndLoadsItsParams() throws IOException {
        String path = dir.resolve("estimator").toString();
        quick().setOptimizer("sgd").setLayers(7, 5).write().save(path);
        VecnetClassifier loaded = VecnetClassifier.load(path);
        assertEquals("sgd", loaded.getOptimizer());
        assertArrayEquals(new int[] {7, 5}, loaded.getLayers());
        assertEquals(0.05, loaded.getStepSize());
        assertEquals(9L, loaded.getSeed());
    }

    @Test
    void aPipelineIndexesAssemblesTrainsAndRoundTrips() throws IOException {
        org.apache.spark.sql.Dataset<Row> raw = namedArms();
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
            new StringIndexer().setInputCol("arm").setOutputCol("label"),
            new VectorAssembler().setInputCols(new String[] {"x", "y"}).setOutputCol("features"),
            quick()});
        PipelineModel fitted = pipeline.fit(raw);
        org.apache.spark.sql.Dataset<Row> predicted = fitted.transform(raw);
        long right = predicted.filter("prediction = label").count();
        assertTrue(right >= 0.9 * SPIRAL.size(), right + " of " + SPIRAL.size() + " right");
        VecnetClassificationModel network = (VecnetClassificationModel) fitted.stages()[2];
        assertEquals(List.of("east", "north", "south"), network.classifier().classNames());
        String path = dir.resolve("pipeline").toString();
        fitted.write().save(path);
        assertEquals(predictions(predicted), predictions(PipelineModel.load(path).transform(raw)));
    }

    /** The spiral with the arms named (StringIndexer numbers them by frequency, then by name). */
    private static org.apache.spark.sql.Dataset<Row> namedArms() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < SPIRAL.size(); i++) {
            rows.add(RowFactory.create((double) SPIRAL.feature(i, 0), (double) SPIRAL.feature(i, 1),
                    ARMS[SPIRAL.label(i)]));
        }
        StructType schema = new StructType().add("x", DataTypes.DoubleType).add("y", DataTypes.DoubleType)
                .add("arm", DataTypes.StringType);
        return LocalSpark.session().createDataFrame(rows, schema).repartition(1);
    }
}
