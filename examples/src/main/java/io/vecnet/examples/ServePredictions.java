package io.vecnet.examples;

import io.vecnet.Matrix;
import io.vecnet.io.CsvDataset;
import io.vecnet.io.ModelFile;
import io.vecnet.nn.Classifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Loads a model and answers prediction requests from many threads at once, as a server would: one
 * immutable Classifier shared by every thread, no locks.
 */
public final class ServePredictions {
    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 4) {
            System.err.println("usage: ServePredictions MODEL.vnet ROWS.csv [THREADS] [REQUESTS]");
            System.exit(2);
        }
        Classifier model = ModelFile.load(Path.of(args[0]));        // immutable and thread-safe
        Matrix rows = CsvDataset.readExamples(Path.of(args[1]), model.inputs(), model.classes()).features();
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;

        List<Callable<Integer>> calls = new ArrayList<>();
        for (int r = 0; r < requests; r++) {
            float[] row = rows.row(r % rows.rows());                // a request: one row of raw features
            calls.add(() -> model.predict(row));                    // scales the row, runs the net
        }
        long start = System.nanoTime();
        int[] answers = new int[requests];
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Integer>> futures = pool.invokeAll(calls);
            for (int r = 0; r < requests; r++) {
                answers[r] = futures.get(r).get();
            }
        }
        long micros = (System.nanoTime() - start) / 1_000;

        int[] batch = model.predict(rows);                          // all rows in one call, for comparison
        int[] expected = new int[requests];
        Arrays.setAll(expected, r -> batch[r % rows.rows()]);
        System.out.println(requests + " requests on " + threads + " threads in " + micros / 1_000 + " ms ("
                + (micros == 0 ? "-" : requests * 1_000_000L / micros) + " a second); "
                + (Arrays.equals(answers, expected) ? "every answer matches" : "ANSWERS DIFFER FROM")
                + " the single-threaded batch prediction");
        System.out.println("first row: class " + model.className(answers[0]) + ", probabilities "
                + Arrays.toString(model.probabilities(rows.row(0))));
    }
}
