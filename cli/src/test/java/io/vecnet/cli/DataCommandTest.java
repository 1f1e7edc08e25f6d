package io.vecnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vecnet.io.CsvDataset;
import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.data.Spiral;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesTheSpiralThatTrainGeneratesForTheSeed() throws IOException {
        Path csv = dir.resolve("spiral.csv");
        Cli.Run run = Cli.run("data", "spiral", "--points", "40", "--classes", "5", "--seed", "9", "--out", csv.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("wrote 200 points of 5 classes to " + csv + "\n", run.out());
        Dataset expected = Spiral.generate(40, 5, Spiral.NOISE, new Rng(9));
        Dataset written = CsvDataset.read(csv);
        assertEquals(expected.features(), written.features());
        assertArrayEquals(expected.labels(), written.labels());
    }

    @Test
    void writesToStandardOutputWithoutOut() throws IOException {
        Cli.Run run = Cli.run("data", "spiral", "--points", "3", "--classes", "2");
        assertEquals(0, run.exitCode(), run.err());
        Path csv = Files.writeString(dir.resolve("stdout.csv"), run.out());
        assertEquals(Spiral.generate(3, 2, Spiral.NOISE, new Rng(1)).features(), CsvDataset.read(csv).features());
        assertEquals("x1,x2,label", run.out().lines().findFirst().orElseThrow());
    }

    /** The arms start at radius 0, where 0 · sin t of a negative sine would be written -0.0. */
    @Test
    void noCoordinateIsWrittenAsNegativeZero() {
        String csv = Cli.run("data", "spiral").out();
        assertTrue(csv.contains("\n0.0,0.0,1\n"), "the second arm starts at the origin");
        assertFalse(csv.contains("-0.0,"), csv);
    }

    @Test
    void devStdoutIsThisProcesssStandardOutputEvenWhenThatIsAFile() throws Exception {
        for (String name : new String[] {"/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"}) {
            Path alias = Path.of(name);
            assumeTrue(Files.isSymbolicLink(alias) || Files.isSymbolicLink(alias.getParent()),
                    name + " is not this system's link to the standard output");
            ForkedCli.Result result = ForkedCli.run(dir, List.of(), "data", "spiral", "--points", "2", "--out", name);
            assertEquals(0, result.exitCode(), result.err());
            String csv = Cli.run("data", "spiral", "--points", "2").out();
            assertEquals(csv, result.out(), "the CSV alone in the file the output was redirected to");
            assertEquals(List.of("wrote 6 points of 3 classes to " + name), result.errLines(),
                    "the summary on stderr, out of the data");
            assertTrue(Files.isSymbolicLink(alias) || Files.isSymbolicLink(alias.getParent()), name + " was replaced");
        }
    }

    @Test
    void refusesAnAbsurdSpiral() {
        Cli.Run run = Cli.run("data", "spiral", "--points", "2000000000");
        assertEquals(VecnetCommand.EXIT_USAGE, run.exitCode());
        assertEquals(1, run.errLines().length);
    }
}
