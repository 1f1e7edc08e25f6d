package io.vecnet.internal;

import io.vecnet.data.Dataset;

/**
 * The engine's read access to a {@link Dataset}'s own arrays, so that training and evaluating on a
 * whole data set copy nothing (a copy of 60,000 x 784 features is 188 MB). Not API: the module does
 * not export this package. A data set is immutable because its public accessors hand out copies, so
 * code given these arrays must only read them.
 */
public final class DatasetArrays {
    /** Implemented by {@link Dataset}, which installs it when its class is initialised. */
    public interface Reader {
        float[] features(Dataset data);

        int[] labels(Dataset data);
    }

    // Set by Dataset's static initialiser, which runs before any Dataset exists, so every caller
    // holding a data set finds it set.
    private static volatile Reader reader;

    private DatasetArrays() {
    }

    public static synchronized void install(Reader datasetReader) {
        if (reader != null) {
            throw new IllegalStateException("the data set reader is installed already");
        }
        reader = datasetReader;
    }

    /** {@code data}'s features, row-major, {@code size() x dimensions()}: read only. */
    public static float[] features(Dataset data) {
        return reader.features(data);
    }

    /** {@code data}'s labels, one per row: read only. */
    public static int[] labels(Dataset data) {
        return reader.labels(data);
    }
}
