package io.vecnet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
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

    /** A stream's error says what went wrong but not where: the write names its target. */
    @Test
    void aWriteErrorNamesTheTarget() {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "this system has no /dev/full");
        FileSystemException e = assertThrows(FileSystemException.class,
                () -> AtomicFile.write(full, out -> out.write(new byte[100])));
        assertEquals("/dev/full", e.getFile());
        assertEquals("No space left on device", e.getReason());
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
    @AfterEach
    void forgetAbandonedWrites() {
        AtomicFile.resetAfterShutdownForTests();
    }

    private static String names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList().toString();
        }
    }

    @Test
    void aRelativePathIsWrittenBesideItsTarget() throws IOException {
        Path relative = Path.of("").toAbsolutePath().relativize(dir.resolve("relative.csv"));
        assertFalse(relative.isAbsolute());
        AtomicFile.write(relative, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        AtomicFile.write(relative, out -> out.write("newer".getBytes(StandardCharsets.UTF_8)));
        assertEquals("newer", Files.readString(dir.resolve("relative.csv")));
        assertEquals("[relative.csv]", names(dir));
    }

    @Test
    void aFifoIsWrittenStraightAndStaysAFifo() throws Exception {
        Path fifo = dir.resolve("pipe");
        assumeTrue(SpecialFiles.mkfifo(fifo), "mkfifo is not available");
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            AtomicFile.write(fifo, out -> out.write("through the pipe".getBytes(StandardCharsets.UTF_8)));
            assertEquals("through the pipe", new String(read.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8));
        } finally {
            if (!read.isDone()) {
                try (OutputStream unblock = Files.newOutputStream(fifo)) {
                    unblock.flush();
                }
            }
        }
        assertTrue(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class).isOther(),
                "the FIFO was replaced");
        assertEquals("[pipe]", names(dir));
    }

    @Test
    void aDeviceIsWrittenStraightAndStaysADevice() throws IOException {
        Path device = dir.resolve("null");
        assumeTrue(SpecialFiles.nullDevice(device), "cannot make a device node here (not root?)");
        AtomicFile.write(device, out -> out.write(new byte[100_000]));
        assertTrue(Files.readAttributes(device, java.nio.file.attribute.BasicFileAttributes.class).isOther(),
                "the device was replaced by a regular file");
        assertEquals(0, Files.readAllBytes(device).length);
        assertEquals("[null]", names(dir));
        AtomicFile.requireWritable(device);
    }

    @Test
    void aLinkToAFifoIsWrittenStraightAndStaysALink() throws Exception {
        Path fifo = dir.resolve("pipe");
        assumeTrue(SpecialFiles.mkfifo(fifo), "mkfifo is not available");
        Path link = Files.createSymbolicLink(dir.resolve("out"), fifo);
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        AtomicFile.write(link, out -> out.write("linked".getBytes(StandardCharsets.UTF_8)));
        assertEquals("linked", new String(read.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("[out, pipe]", names(dir));
    }

    @Test
    void aSymlinkIsFollowedAndKept() throws IOException {
        Path real = Files.writeString(dir.resolve("real.csv"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("real.csv"));
        AtomicFile.write(link, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertTrue(Files.isSymbolicLink(link), "the link was replaced by a file");
        assertEquals(Path.of("real.csv"), Files.readSymbolicLink(link));
        assertEquals("new", Files.readString(real));
        assertEquals("[link.csv, real.csv]", names(dir));
    }

    @Test
    void aLinkToALinkInAnotherDirectoryWritesTheFinalTargetBesideIt() throws IOException {
        Path other = Files.createDirectory(dir.resolve("other"));
        Path real = Files.writeString(other.resolve("real.csv"), "old");
        Path middle = Files.createSymbolicLink(other.resolve("middle.csv"), Path.of("real.csv"));
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), middle);
        AtomicFile.write(link, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertTrue(Files.isSymbolicLink(link) && Files.isSymbolicLink(middle));
        assertEquals("new", Files.readString(real));
        assertEquals("[link.csv, other]", names(dir));
        assertEquals("[middle.csv, real.csv]", names(other));
    }

    @Test
    void aDanglingSymlinkCreatesWhatItPointsTo() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("sub/new.csv"));
        Files.createDirectory(dir.resolve("sub"));
        AtomicFile.write(link, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(dir.resolve("sub/new.csv")));
        assertEquals("[new.csv]", names(dir.resolve("sub")));
    }

    @Test
    void aSocketIsRefusedInOneLine() throws IOException {
        Path socket = dir.resolve("socket");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            IOException e = assertThrows(IOException.class, () -> AtomicFile.write(socket, out -> out.write(1)));
            assertEquals(socket + ": is a socket, not a file, device or pipe vecnet can write to", e.getMessage());
            assertFalse(Files.isRegularFile(socket, LinkOption.NOFOLLOW_LINKS));
        }
    }

    @Test
    void theReplacedFileKeepsItsPermissions() throws IOException {
        Path target = Files.writeString(dir.resolve("private.csv"), "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFile.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals("new", Files.readString(target));
    }

    /** A file made read-only is refused before any work, even for root, and left as it was. */
    @Test
    void aReadOnlyFileIsNotReplaced() throws IOException {
        Path target = Files.writeString(dir.resolve("kept.vnet"), "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r--r--r--"));
        IOException e = assertThrows(IOException.class, () -> AtomicFile.requireWritable(target));
        assertEquals(target + ": is read-only; vecnet does not replace it", e.getMessage());
        assertThrows(IOException.class, () -> AtomicFile.write(target, out -> out.write('x')));
        assertEquals("old", Files.readString(target));
    }

    @Test
    void staleTemporaryFilesOfDeadProcessesAreRemovedByTheNextWrite() throws IOException {
        Path target = dir.resolve("out.csv");
        long dead = 2_000_000_000L;
        assertFalse(ProcessHandle.of(dead).isPresent());
        Files.writeString(dir.resolve(".out.csv." + dead + ".123456789.tmp"), "half");
        Files.writeString(dir.resolve(".out.csv." + dead + ".-42.tmp"), "half");
        Files.writeString(dir.resolve(".out.csv.1.5.tmp"), "a live process's");        // pid 1 is alive
        Files.writeString(dir.resolve(".other.csv." + dead + ".7.tmp"), "another target's");
        Files.writeString(dir.resolve(".out.csv.x.7.tmp"), "not ours");
        AtomicFile.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("[.other.csv." + dead + ".7.tmp, .out.csv.1.5.tmp, .out.csv.x.7.tmp, out.csv]", names(dir));
    }

    @Test
    void aWriteCutShortByShutdownLeavesNothingAndReportsItsTarget() throws Exception {
        Path target = Files.writeString(dir.resolve("model.vnet"), "old");
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch abandoned = new CountDownLatch(1);
        CompletableFuture<Void> write = CompletableFuture.runAsync(() -> {
            try {
                AtomicFile.write(target, out -> {
                    out.write("half".getBytes(StandardCharsets.UTF_8));
                    writing.countDown();
                    try {
                        abandoned.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    out.write(" and the rest".getBytes(StandardCharsets.UTF_8));
                });
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        assertTrue(writing.await(10, TimeUnit.SECONDS));
        assertEquals(List.of(new AtomicFile.Interrupted(target, false)), AtomicFile.abandonInFlight());
        assertEquals("[model.vnet]", names(dir), "the temporary file is deleted at once");
        abandoned.countDown();
        Exception e = assertThrows(Exception.class, () -> write.get(10, TimeUnit.SECONDS));
        assertEquals(target + ": not written: the JVM is shutting down", e.getCause().getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals("[model.vnet]", names(dir));
        IOException later = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> { }));
        assertEquals(target + ": not written: the JVM is shutting down", later.getMessage());
    }
}
