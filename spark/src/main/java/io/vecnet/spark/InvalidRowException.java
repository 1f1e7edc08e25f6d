package io.vecnet.spark;

import java.util.Optional;
import java.util.function.Supplier;

/** A row vecnet cannot train on or predict for, named by its column, partition and index in that partition. */
public final class InvalidRowException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidRowException(String column, int partition, long row, String problem) {
        super("column '" + column + "', partition " + partition + ", row " + row + ": " + problem);
    }

    /**
     * Runs a Spark job and, when a task failed on an invalid row, throws that row's exception itself
     * rather than the job failure that wraps it.
     */
    static <T> T unwrapped(Supplier<T> job) {
        try {
            return job.get();
        } catch (RuntimeException e) {
            throw rowProblemIn(e).orElse(e);
        } catch (Exception e) { // Spark's SparkException is checked in Java but thrown unchecked from Scala
            throw rowProblemIn(e).orElseThrow(() -> new IllegalStateException(e.getMessage(), e));
        }
    }

    private static Optional<RuntimeException> rowProblemIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidRowException invalid) {
                return Optional.of(invalid);
            }
        }
        return Optional.empty();
    }
}
