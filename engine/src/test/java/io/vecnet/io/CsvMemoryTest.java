package io.vecnet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.testing.ForkedJvm;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader's memory: a file whose numbers take 12 MB as float32 is read in a 56 MB heap (the
 * data, a copy, and room for the JVM), and a heap too small for it is refused before reading.
 */
class CsvMemoryTest {
    private static final int ROWS = 1_000_000;

    @TempDir
    static Path dir;

    private static Path csv;

    @BeforeAll
    static void writeAMillionRows() throws IOException {
        csv = dir.resolve("million.csv");
        Random random = new Random(3);
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            out.write("x1,x2,label\n");
            for (int i = 0; i < ROWS; i++) {
                out.write(String.format(Locale.ROOT, "%.8f,%.8f,%d%n", random.nextGaussian(), random.nextGaussian(),
                        random.nextInt(3)));
            }
        }
    }

    @Test
    void readsIntoFloat32StorageWithinAboutTwiceTheDataSize() {
        ForkedJvm.Result result = ForkedJvm.run(List.of("-Xmx56m", "-XX:+UseSerialGC"), CsvReadProbe.class,
                csv.toString());
        assertEquals("read " + ROWS + "x2\n", result.stdout(), result.stderr());
    }

    @Test
    void aHeapTooSmallIsRefusedBeforeReadingInOneLine() {
        ForkedJvm.Result result = ForkedJvm.run(List.of("-Xmx16m", "-XX:+UseSerialGC"), CsvReadProbe.class,
                csv.toString());
        assertEquals(1, result.stdoutLines().size(), result.stdout());
        assertTrue(result.stdout().startsWith("refused: " + csv + ": "), result.stdout());
        assertTrue(result.stdout().contains(" of memory, more than the "), result.stdout());
    }
}
