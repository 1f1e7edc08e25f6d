package io.vecnet.spark;

import io.vecnet.Matrix;
import io.vecnet.kernels.Backend;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.kernels.Kernels;
import io.vecnet.nn.Classifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Predicts one partition in chunks: up to {@value #CHUNK_ROWS} rows at a time become one matrix that
 * the engine's kernels score in one call, and each row gets the columns asked for appended in the
 * given order: raw scores, probabilities (softmax of the scores, in float64) and the predicted class.
 */
final class BatchedPrediction implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    static final int CHUNK_ROWS = 1024;

    enum Output { RAW, PROBABILITY, PREDICTION }

    private final PortableClassifier model;
    private final String featuresColumn;
    private final int featuresIndex;
    private final List<Output> outputs;

    BatchedPrediction(PortableClassifier model, String featuresColumn, int featuresIndex, List<Output> outputs) {
        this.model = model;
        this.featuresColumn = featuresColumn;
        this.featuresIndex = featuresIndex;
        this.outputs = List.copyOf(outputs);
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        Kernels kernels = KernelProvider.select(Backend.AUTO, 1);
        int partition = TaskContext.getPartitionId();
        ArrayDeque<Row> ready = new ArrayDeque<>();
        return new Iterator<>() {
            private long index;

            @Override
            public boolean hasNext() {
                if (ready.isEmpty() && rows.hasNext()) {
                    List<Row> chunk = new ArrayList<>(CHUNK_ROWS);
                    while (chunk.size() < CHUNK_ROWS && rows.hasNext()) {
                        chunk.add(rows.next());
                    }
                    ready.addAll(predict(chunk, partition, index, kernels));
                    index += chunk.size();
                }
                return !ready.isEmpty();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }
        };
    }

    private List<Row> predict(List<Row> chunk, int partition, long firstIndex, Kernels kernels) {
        Classifier classifier = model.get();
        int d = classifier.inputs();
        float[] x = new float[chunk.size() * d];
        for (int i = 0; i < chunk.size(); i++) {
            copyFeatures(chunk.get(i), d, x, i * d, partition, firstIndex + i);
        }
        Matrix scores = VecnetClassificationModel.scores(classifier, new Matrix(chunk.size(), d, x), kernels);
        List<Row> predicted = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            predicted.add(withOutputs(chunk.get(i), scores, i));
        }
        return predicted;
    }

    private void copyFeatures(Row row, int d, float[] x, int offset, int partition, long index) {
        if (row.isNullAt(featuresIndex)) {
            throw new InvalidRowException(featuresColumn, partition, index, "the features vector is null");
        }
        Vector features = row.getAs(featuresIndex);
        if (features.size() != d) {
            throw new InvalidRowException(featuresColumn, partition, index, "a vector of " + features.size()
                    + " features, but the model takes " + d);
        }
        double[] values = features instanceof DenseVector dense ? dense.values() : features.toArray();
        for (int j = 0; j < d; j++) {
            x[offset + j] = RowPacker.requireFloat32(values[j], featuresColumn, partition, index, j);
        }
    }

    private Row withOutputs(Row row, Matrix scores, int i) {
        int classes = scores.cols();
        double[] raw = new double[classes];
        for (int k = 0; k < classes; k++) {
            raw[k] = scores.get(i, k);
        }
        Object[] values = new Object[row.length() + outputs.size()];
        for (int c = 0; c < row.length(); c++) {
            values[c] = row.get(c);
        }
        int column = row.length();
        for (Output output : outputs) {
            values[column++] = switch (output) {
                case RAW -> Vectors.dense(raw.clone());
                case PROBABILITY -> Vectors.dense(VecnetClassificationModel.softmax(raw.clone()));
                case PREDICTION -> (double) VecnetClassificationModel.argmax(raw);
            };
        }
        return RowFactory.create(values);
    }
}
