package io.vecnet.spark;

import io.vecnet.data.Rng;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Which rows each partition takes in each mini-batch step. A global batch of B rows out of N is
 * shared among partitions in proportion to their sizes (⌈B·n_p/N⌉ rows of a partition of n_p), so
 * each step trains on about B rows and an epoch is ⌈N/B⌉ steps. A partition draws its rows without
 * replacement from a generator seeded by (seed, step, partition), so reruns take the same rows.
 */
final class BatchSampler implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long seed;
    /** Rows per step of each partition, indexed by partition number. */
    private final int[] rowsPerStep;

    private BatchSampler(long seed, int[] rowsPerStep) {
        this.seed = seed;
        this.rowsPerStep = rowsPerStep;
    }

    static BatchSampler plan(long seed, int batchSize, List<PartitionBlock.Shape> shapes, long totalRows) {
        int partitions = shapes.stream().mapToInt(PartitionBlock.Shape::partition).max().orElse(-1) + 1;
        int[] rows = new int[partitions];
        for (PartitionBlock.Shape shape : shapes) {
            long share = (batchSize * (long) shape.rows() + totalRows - 1) / totalRows;
            rows[shape.partition()] = (int) Math.min(shape.rows(), share);
        }
        return new BatchSampler(seed, rows);
    }

    /** The rows one step trains on, over all partitions: the denominator of the step's mean loss. */
    int rowsPerStep() {
        return Arrays.stream(rowsPerStep).sum();
    }

    /** The indices, ascending, of the rows partition {@code partition} (of {@code available} rows) takes at {@code step}. */
    int[] choose(int step, int partition, int available) {
        int wanted = rowsPerStep[partition];
        Rng rng = new Rng(new Rng(new Rng(seed).nextLong() + step).nextLong() + partition);
        boolean[] taken = new boolean[available];
        // Floyd's algorithm: `wanted` distinct rows in `wanted` draws.
        for (int candidate = available - wanted; candidate < available; candidate++) {
            int drawn = rng.nextInt(candidate + 1);
            taken[taken[drawn] ? candidate : drawn] = true;
        }
        int[] chosen = new int[wanted];
        for (int i = 0, b = 0; i < available; i++) {
            if (taken[i]) {
                chosen[b++] = i;
            }
        }
        return chosen;
    }
}
