package io.vecnet.io;

import io.vecnet.data.Dataset;
import java.nio.file.Path;

/** Reads the CSV file named by its argument in a JVM of its own, and prints the shape or the error. */
public final class CsvReadProbe {
    private CsvReadProbe() {
    }

    public static void main(String[] args) {
        try {
            Dataset data = CsvDataset.read(Path.of(args[0]));
            System.out.println("read " + data.size() + "x" + data.dimensions());
        } catch (CsvException e) {
            System.out.println("refused: " + e.getMessage());
        } catch (Throwable e) {
            System.out.println("failed: " + e);
        }
    }
}
