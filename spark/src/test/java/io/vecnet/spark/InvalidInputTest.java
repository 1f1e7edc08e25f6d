package io.vecnet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.Metadata;
import org.junit.jupiter.api.Test;

class InvalidInputTest {
    /** Rows of two features in two partitions of three rows, with one row replaced. */
    private static String trainingError(int replaced, Row row) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(i == replaced ? row : RowFactory.create(Vectors.dense(i, -i), (double) (i % 2)));
        }
        return trainingError(rows, 2);
    }

    private static String trainingError(List<Row> rows, int partitions) {
        VecnetClassifier classifier = new VecnetClassifier().setLayers(3).setMaxIter(1);
        return assertThrows(IllegalArgumentException.class,
                () -> classifier.fit(LocalSpark.frame(rows, partitions))).getMessage();
    }

    @Test
    void aNaNFeatureIsNamed() {
        assertEquals("column 'features', partition 1, row 1: feature 1 is NaN; features must be finite",
                trainingError(4, RowFactory.create(Vectors.dense(1, Double.NaN), 0.0)));
    }

    @Test
    void aNullFeaturesVectorIsNamed() {
        assertEquals("column 'features', partition 0, row 2: the features vector is null",
                trainingError(2, RowFactory.create(null, 1.0)));
    }

    @Test
    void aNegativeLabelIsNamed() {
        assertEquals("column 'label', partition 0, row 0: label -1.0 is not a class index, a whole number >= 0 "
                + "(StringIndexer makes them from any labels)", trainingError(0, RowFactory.create(Vectors.dense(1, 2), -1.0)));
    }

    @Test
    void aFractionalLabelIsNamed() {
        assertEquals("column 'label', partition 1, row 2: label 1.5 is not a class index, a whole number >= 0 "
                + "(StringIndexer makes them from any labels)", trainingError(5, RowFactory.create(Vectors.dense(1, 2), 1.5)));
    }

    @Test
    void aNullLabelIsNamed() {
        assertEquals("column 'label', partition 1, row 0: the label is null",
                trainingError(3, RowFactory.create(Vectors.dense(1, 2), null)));
    }

    @Test
    void aVectorOfAnotherSizeIsNamed() {
        assertEquals("column 'features', partition 0, row 1: a vector of 3 features, but row 0 of this partition has 2",
                trainingError(1, RowFactory.create(Vectors.dense(1, 2, 3), 0.0)));
    }

    @Test
    void partitionsOfDifferentWidthsAreNamed() {
        List<Row> rows = List.of(RowFactory.create(Vectors.dense(1, 2), 0.0), RowFactory.create(Vectors.dense(1), 1.0));
        assertEquals("column 'features', partition 1, row 0: a vector of 1 features, but the rows of partition 0 have 2",
                trainingError(rows, 2));
    }

    @Test
    void aLabelBeyondTheClassesTheMetadataDeclaresIsNamed() {
        List<Row> rows = List.of(RowFactory.create(Vectors.dense(1, 2), 0.0), RowFactory.create(Vectors.dense(2, 1), 2.0));
        Metadata twoClasses = NominalAttribute.defaultAttr().withValues("cat", "dog").toMetadata();
        org.apache.spark.sql.Dataset<Row> frame = LocalSpark.frame(rows, 1)
                .withColumn("label", functions.col("label").as("label", twoClasses));
        VecnetClassifier classifier = new VecnetClassifier().setLayers(3).setMaxIter(1);
        assertEquals("column 'label', partition 0, row 1: label 2.0 is not a class index 0..1, as the column's "
                + "metadata declares", assertThrows(IllegalArgumentException.class, () -> classifier.fit(frame)).getMessage());
    }

    /** A stray label sized the output layer: 1e9 asked for a billion classes' weights. */
    @Test
    void labelsMustBeClassNumbersTheRowsCanFill() {
        assertEquals("column 'label': the largest label is 1000000000, but labels are class numbers 0..K-1 and there "
                + "are only 6 rows; index other labels with a StringIndexer",
                trainingError(3, RowFactory.create(Vectors.dense(1, 2), 1e9)));
        List<Row> oneClass = List.of(RowFactory.create(Vectors.dense(1, 2), 0.0), RowFactory.create(Vectors.dense(2, 1), 0.0));
        assertEquals("column 'label': every row has class 0; a classifier needs at least 2 classes",
                trainingError(oneClass, 1));
    }

    @Test
    void anotherOptimizersCoefficientIsRefused() {
        List<Row> rows = FOUR_ROWS;
        VecnetClassifier adam = new VecnetClassifier().setLayers(3).setMaxIter(1).setOptimizer("adam").setMomentum(0.5);
        assertEquals("momentum is sgd's; the optimizer is adam",
                assertThrows(IllegalArgumentException.class, () -> adam.fit(LocalSpark.frame(rows, 1))).getMessage());
        VecnetClassifier sgd = new VecnetClassifier().setLayers(3).setMaxIter(1).setOptimizer("sgd").setWeightDecay(0.5);
        assertEquals("weightDecay is adamw's; the optimizer is sgd",
                assertThrows(IllegalArgumentException.class, () -> sgd.fit(LocalSpark.frame(rows, 1))).getMessage());
    }

    @Test
    void anEmptyDataFrameIsRefused() {
        assertEquals("column 'features': no rows to train on", trainingError(Collections.emptyList(), 2));
    }

    /** Four rows of two features: the prediction tests' training data, and good rows to predict. */
    private static final List<Row> FOUR_ROWS = List.of(RowFactory.create(Vectors.dense(0, 1), 0.0),
            RowFactory.create(Vectors.dense(1, 1), 1.0), RowFactory.create(Vectors.dense(2, 1), 0.0),
            RowFactory.create(Vectors.dense(3, 1), 1.0));

    private static VecnetClassificationModel model() {
        return new VecnetClassifier().setLayers(3).setMaxIter(1).fit(LocalSpark.frame(FOUR_ROWS, 1));
    }

    /** A model's predictions for the first {@code good} of the four rows followed by {@code bad}, collected. */
    private static List<Row> predict(int good, Row bad) {
        List<Row> rows = new ArrayList<>(FOUR_ROWS.subList(0, good));
        rows.add(bad);
        return model().transform(LocalSpark.frame(rows, 1)).collectAsList();
    }

    private static String predictionError(int good, Row bad) {
        return assertThrows(IllegalArgumentException.class,
                () -> InvalidRowException.unwrapped(() -> predict(good, bad))).getMessage();
    }

    @Test
    void predictingARowOfTheWrongSizeIsNamed() {
        assertEquals("column 'features', partition 0, row 1: a vector of 3 features, but the model takes 2",
                predictionError(1, RowFactory.create(Vectors.dense(1, 2, 3), 0.0)));
    }

    @Test
    void predictingANaNOrAnOutOfRangeFeatureIsNamedAsInTraining() {
        assertEquals("column 'features', partition 0, row 2: feature 1 is NaN; features must be finite",
                predictionError(2, RowFactory.create(Vectors.dense(1, Double.NaN), 0.0)));
        VecnetClassificationModel model = model();
        assertEquals("feature 0 is 1.0E300, beyond float32's range; features must be finite",
                assertThrows(IllegalArgumentException.class, () -> model.predictRaw(Vectors.dense(1e300, 0)))
                        .getMessage());
    }

    /** What a user sees from an action on {@code transform}'s result: Spark's job failure, quoting the row. */
    @Test
    void anActionOnABadTransformQuotesTheRowAndCarriesTheException() {
        Exception failure = assertThrows(Exception.class, () -> predict(1, RowFactory.create(null, 0.0)));
        String line = "column 'features', partition 0, row 1: the features vector is null";
        assertTrue(failure.getMessage().contains(line), failure.getMessage());
        Throwable cause = failure;
        while (cause != null && !(cause instanceof InvalidRowException)) {
            cause = cause.getCause();
        }
        assertEquals(line, assertInstanceOf(InvalidRowException.class, cause).getMessage());
    }
}
