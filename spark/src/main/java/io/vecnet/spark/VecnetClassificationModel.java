package io.vecnet.spark;

import io.vecnet.Matrix;
import io.vecnet.io.ModelFile;
import io.vecnet.kernels.Backend;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.kernels.Kernels;
import io.vecnet.nn.Classifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.classification.ProbabilisticClassificationModel;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Option;

/**
 * A trained vecnet network as a Spark ML model: the engine's {@link Classifier} (network, input
 * scaling and class names) behind Spark's probabilistic classifier columns. {@link #transform}
 * scores each partition in chunks of rows with the engine's kernels; saved models are a directory
 * with Spark's params metadata and vecnet's own model file, {@value #MODEL_FILE}.
 */
public final class VecnetClassificationModel
        extends ProbabilisticClassificationModel<Vector, VecnetClassificationModel> implements MLWritable {
    private static final long serialVersionUID = 1L;
    /** Where, inside a saved model's directory, the vecnet model file is. */
    public static final String MODEL_FILE = "vecnet/model.vnet";

    private final String uid;
    private final PortableClassifier classifier;
    private final float[] lossHistory;

    public VecnetClassificationModel(String uid, Classifier classifier) {
        this(PendingUid.park(uid), new PortableClassifier(classifier), new float[0]);
    }

    VecnetClassificationModel(String uid, Classifier classifier, float[] lossHistory) {
        this(PendingUid.park(uid), new PortableClassifier(classifier), lossHistory);
    }

    private VecnetClassificationModel(String parkedUid, PortableClassifier classifier, float[] lossHistory) {
        this.uid = PendingUid.release(parkedUid);
        this.classifier = classifier;
        this.lossHistory = lossHistory.clone();
    }

    @Override
    public String uid() {
        return uid != null ? uid : PendingUid.parked();
    }

    /** The engine's model: network, input scaling and class names. */
    public Classifier classifier() {
        return classifier.get();
    }

    /** The training loss (mean cross-entropy plus L2) before each step; empty for a loaded model. */
    public float[] lossHistory() {
        return lossHistory.clone();
    }

    @Override
    public int numClasses() {
        return classifier().classes();
    }

    @Override
    public int numFeatures() {
        return classifier().inputs();
    }

    @Override
    public Vector predictRaw(Vector features) {
        if (features.size() != numFeatures()) {
            throw new IllegalArgumentException("a vector of " + features.size() + " features, but the model takes "
                    + numFeatures());
        }
        float[] row = new float[features.size()];
        double[] values = features.toArray();
        for (int j = 0; j < row.length; j++) {
            row[j] = (float) values[j];
            if (!Float.isFinite(row[j])) {
                throw new IllegalArgumentException(RowPacker.notFinite(values[j], j));
            }
        }
        Matrix scores = scores(classifier(), new Matrix(1, row.length, row), KernelProvider.select(Backend.AUTO, 1));
        double[] raw = new double[scores.cols()];
        for (int k = 0; k < raw.length; k++) {
            raw[k] = scores.get(0, k);
        }
        return Vectors.dense(raw);
    }

    @Override
    public Vector raw2probabilityInPlace(Vector rawPrediction) {
        if (rawPrediction instanceof DenseVector dense) {
            softmax(dense.values());
            return dense;
        }
        return Vectors.dense(softmax(rawPrediction.toArray()));
    }

    /**
     * Scores each partition in chunks through the engine; with {@code thresholds} set, Spark's own
     * per-row transform applies them.
     */
    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        if (isDefined(thresholds())) {
            return super.transform(dataset);
        }
        StructType output = transformSchema(dataset.schema(), true);
        List<BatchedPrediction.Output> outputs = new ArrayList<>();
        List<StructField> added = new ArrayList<>();
        addIfNamed(getRawPredictionCol(), BatchedPrediction.Output.RAW, output, outputs, added);
        addIfNamed(getProbabilityCol(), BatchedPrediction.Output.PROBABILITY, output, outputs, added);
        addIfNamed(getPredictionCol(), BatchedPrediction.Output.PREDICTION, output, outputs, added);
        StructType schema = dataset.schema();
        for (StructField field : added) {
            schema = schema.add(field);
        }
        BatchedPrediction prediction = new BatchedPrediction(classifier, getFeaturesCol(),
                dataset.schema().fieldIndex(getFeaturesCol()), outputs);
        return dataset.toDF().mapPartitions(prediction, Encoders.row(schema));
    }

    private static void addIfNamed(String column, BatchedPrediction.Output kind, StructType output,
                                   List<BatchedPrediction.Output> outputs, List<StructField> added) {
        if (!column.isEmpty()) {
            outputs.add(kind);
            added.add(output.apply(column));
        }
    }

    static Matrix scores(Classifier classifier, Matrix rows, Kernels kernels) {
        Matrix scaled = classifier.scaler().map(scaler -> scaler.apply(rows)).orElse(rows);
        return classifier.network().scores(scaled, kernels);
    }

    /** The softmax of {@code values}, in place, in float64; returns {@code values}. */
    static double[] softmax(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            max = Math.max(max, value);
        }
        double sum = 0;
        for (int k = 0; k < values.length; k++) {
            values[k] = Math.exp(values[k] - max);
            sum += values[k];
        }
        for (int k = 0; k < values.length; k++) {
            values[k] /= sum;
        }
        return values;
    }

    /** The index of the largest value, the first of equals. */
    static int argmax(double[] values) {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        return best;
    }

    /**
     * Spark's own; restated because Java sees two inherited versions whose return types differ only
     * in a Scala covariance that Java cannot express.
     */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public scala.Tuple3 findSummaryModel() {
        return super.findSummaryModel();
    }

    @Override
    public VecnetClassificationModel copy(ParamMap extra) {
        VecnetClassificationModel copy = new VecnetClassificationModel(uid(), classifier(), lossHistory);
        return copyValues(copy, extra).setParent(parent());
    }

    @Override
    public String toString() {
        return "VecnetClassificationModel: uid=" + uid() + ", network=" + classifier().network();
    }

    @Override
    public MLWriter write() {
        return new Writer(this);
    }

    public static MLReader<VecnetClassificationModel> read() {
        return new Reader();
    }

    public static VecnetClassificationModel load(String path) {
        return read().load(path);
    }

    /** Spark's params metadata, then the vecnet model file beside it. */
    private static final class Writer extends MLWriter {
        private final VecnetClassificationModel model;

        Writer(VecnetClassificationModel model) {
            this.model = model;
        }

        @Override
        public void saveImpl(String path) {
            DefaultParamsWriter.saveMetadata(model, path, sparkSession());
            Path file = new Path(path, MODEL_FILE);
            try (OutputStream out = file.getFileSystem(sc().hadoopConfiguration()).create(file, true)) {
                ModelFile.write(model.classifier(), out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }
    }

    private static final class Reader extends MLReader<VecnetClassificationModel> {
        @Override
        public VecnetClassificationModel load(String path) {
            DefaultParamsReader.Metadata metadata = DefaultParamsReader.loadMetadata(path, sparkSession(),
                    VecnetClassificationModel.class.getName());
            Path file = new Path(path, MODEL_FILE);
            try {
                FileSystem fs = file.getFileSystem(sc().hadoopConfiguration());
                try (InputStream in = fs.open(file)) {
                    Classifier classifier = ModelFile.read(in, fs.getFileStatus(file).getLen(), file.toString());
                    VecnetClassificationModel model = new VecnetClassificationModel(metadata.uid(), classifier);
                    metadata.getAndSetParams(model, Option.empty());
                    return model;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the vecnet model " + file, e);
            }
        }
    }
}
