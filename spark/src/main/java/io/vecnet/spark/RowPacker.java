package io.vecnet.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;

/**
 * Packs one partition's rows of (features vector, label) into float32 arrays, once, checking each
 * row: a null, NaN or infinite feature, a vector of another size than the partition's first, and a
 * label that is not a class index each fail with an {@link InvalidRowException} naming the row.
 */
final class RowPacker implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String featuresColumn;
    private final String labelColumn;
    /** The number of classes the label column's metadata declares, or 0 when it declares none. */
    private final int declaredClasses;

    RowPacker(String featuresColumn, String labelColumn, int declaredClasses) {
        this.featuresColumn = featuresColumn;
        this.labelColumn = labelColumn;
        this.declaredClasses = declaredClasses;
    }

    /** Packs rows whose field 0 is the features vector and field 1 the label, a double. */
    PartitionBlock pack(int partition, Iterator<Row> rows) {
        float[] x = new float[0];
        int[] labels = new int[16];
        int cols = -1;
        int n = 0;
        while (rows.hasNext()) {
            Row row = rows.next();
            double[] features = features(row, partition, n);
            if (cols < 0) {
                cols = features.length;
                x = new float[Math.multiplyExact(16, Math.max(cols, 1))];
            } else if (features.length != cols) {
                throw new InvalidRowException(featuresColumn, partition, n, "a vector of " + features.length
                        + " features, but row 0 of this partition has " + cols);
            }
            if (n == labels.length) {
                labels = Arrays.copyOf(labels, Math.multiplyExact(n, 2));
                x = Arrays.copyOf(x, Math.multiplyExact(labels.length, Math.max(cols, 1)));
            }
            for (int j = 0; j < cols; j++) {
                x[n * cols + j] = (float) features[j];
            }
            labels[n] = label(row, partition, n);
            n++;
        }
        return new PartitionBlock(partition, n, Math.max(cols, 0), Arrays.copyOf(x, n * Math.max(cols, 0)),
                Arrays.copyOf(labels, n));
    }

    private double[] features(Row row, int partition, long index) {
        if (row.isNullAt(0)) {
            throw new InvalidRowException(featuresColumn, partition, index, "the features vector is null");
        }
        Vector vector = row.getAs(0);
        double[] values = vector instanceof DenseVector dense ? dense.values() : vector.toArray();
        for (int j = 0; j < values.length; j++) {
            requireFloat32(values[j], featuresColumn, partition, index, j);
        }
        return values;
    }

    /** {@code value} as a float, or the row's error when that is not finite: the rule for training and prediction. */
    static float requireFloat32(double value, String column, int partition, long index, int feature) {
        float narrowed = (float) value;
        if (!Float.isFinite(narrowed)) {
            throw new InvalidRowException(column, partition, index, notFinite(value, feature));
        }
        return narrowed;
    }

    static String notFinite(double value, int feature) {
        return "feature " + feature + " is " + value + (Double.isFinite(value) ? ", beyond float32's range" : "")
                + "; features must be finite";
    }

    private int label(Row row, int partition, long index) {
        if (row.isNullAt(1)) {
            throw new InvalidRowException(labelColumn, partition, index, "the label is null");
        }
        double label = row.getDouble(1);
        boolean classIndex = label >= 0 && label == Math.rint(label) && label < Integer.MAX_VALUE;
        if (!classIndex || (declaredClasses > 0 && label >= declaredClasses)) {
            throw new InvalidRowException(labelColumn, partition, index, "label " + label + " is not a class index"
                    + (declaredClasses > 0 ? " 0.." + (declaredClasses - 1) + ", as the column's metadata declares"
                    : ", a whole number >= 0 (StringIndexer makes them from any labels)"));
        }
        return (int) label;
    }
}
