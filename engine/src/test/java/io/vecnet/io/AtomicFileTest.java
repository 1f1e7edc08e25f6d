package io.vecnet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    private long filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        }
    }

    @Test
    void aFailedWriteLeavesNothingBehindAndTheOldFileIntact() throws IOException {
        Path target = Files.writeString(dir.resolve("out.csv"), "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(1, filesIn(dir));
    }

    @Test
    void aFailedFirstWriteCreatesNoFile() {
        Path target = dir.resolve("new.csv");
        assertThrows(IllegalStateException.class, () -> AtomicFile.write(target, out -> {
            throw new IllegalStateException("boom");
        }));
        assertFalse(Files.exists(target));
    }

    @Test
    void refusesADirectoryOrAMissingDirectory() {
        assertEquals(dir + ": is a directory, not a file",
                assertThrows(IOException.class, () -> AtomicFile.write(dir, out -> { })).getMessage());
        Path orphan = dir.resolve("missing").resolve("x.csv");
        assertEquals(orphan + ": directory " + orphan.getParent() + " does not exist",
                assertThrows(IOException.class, () -> AtomicFile.write(orphan, out -> { })).getMessage());
    }
}
