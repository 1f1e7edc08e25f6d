package io.vecnet.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AtomicFile} against generated output paths (see {@link Fuzz} for the iteration count and
 * seed): new and existing files, links, chains of links, dangling links and loops, directories,
 * missing directories, FIFOs, devices and sockets, with content that succeeds or fails halfway and
 * stale temporary files of dead and live processes beside the target. Every write must land whole
 * where the path leads or change nothing, leave no temporary file of its own, never replace a link,
 * device or pipe, and fail only with an IOException whose one-line message starts with the path.
 */
class AtomicFileFuzzTest {
    private static final long DEAD_PID = 2_000_000_001L;
    private static final byte[] OLD = "old content".getBytes();

    @TempDir
    Path root;

    private volatile String at = "starting";

    private enum Kind {
        NEW, REGULAR, LINK, LINK_CHAIN, LINK_ELSEWHERE, DANGLING_LINK, DANGLING_INTO_NOWHERE, LINK_LOOP, DIRECTORY,
        LINK_TO_DIRECTORY, MISSING_DIRECTORY, FIFO, DEVICE, SOCKET, RELATIVE
    }

    /**
     * A target and what writing it must do: land in {@code lands} (null when it must fail), keep
     * {@code links}, and for a device or pipe ({@code special}) stay what it is.
     */
    private record Case(Path target, Path lands, List<Path> links, boolean special) {
        boolean fifo() {
            return special && target.getFileName().toString().equals("fifo");
        }
    }

    @Test
    void everyWriteLandsWholeOrChangesNothing() {
        boolean devices = SpecialFiles.nullDevice(root.resolve("probe-device"));
        boolean fifos = SpecialFiles.mkfifo(root.resolve("probe-fifo"));
        int iterations = Fuzz.iterations(100);
        assertTimeoutPreemptively(Fuzz.budget(iterations), () -> {
            for (int i = 0; i < iterations; i++) {
                Random random = Fuzz.random(i);
                Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
                if (kind == Kind.DEVICE && !devices || kind == Kind.FIFO && !fifos) {
                    kind = Kind.REGULAR;
                }
                at = "iteration " + i + " of seed " + Fuzz.SEED + ", " + kind;
                try {
                    writeOnce(Files.createDirectory(root.resolve("case" + i)), kind, random);
                } catch (Throwable e) {
                    throw new AssertionError(at + ": " + e, e);
                }
            }
        }, () -> "stuck at " + at);
    }

    private void writeOnce(Path dir, Kind kind, Random random) throws Exception {
        Path other = Files.createDirectory(dir.resolve("other"));
        ServerSocketChannel socket = null;
        Case c;
        switch (kind) {
            case NEW -> {
                Path target = dir.resolve(name(random));
                c = new Case(target, target, List.of(), false);
            }
            case REGULAR -> c = regular(dir.resolve(name(random)));
            case LINK -> {
                Path real = Files.write(dir.resolve("real"), OLD);
                Path link = Files.createSymbolicLink(dir.resolve(name(random)), Path.of("real"));
                c = new Case(link, real, List.of(link), false);
            }
            case LINK_CHAIN, LINK_ELSEWHERE -> {
                Path real = Files.write(other.resolve("real"), OLD);
                Path middle = Files.createSymbolicLink(other.resolve("middle"), kind == Kind.LINK_CHAIN
                        ? Path.of("real") : real);
                Path link = Files.createSymbolicLink(dir.resolve(name(random)), kind == Kind.LINK_CHAIN
                        ? Path.of("other/middle") : middle);
                c = new Case(link, real, List.of(link, middle), false);
            }
            case DANGLING_LINK -> {
                Path link = Files.createSymbolicLink(dir.resolve(name(random)), Path.of("other/created"));
                c = new Case(link, other.resolve("created"), List.of(link), false);
            }
            case DANGLING_INTO_NOWHERE -> {
                Path link = Files.createSymbolicLink(dir.resolve(name(random)), Path.of("nowhere/created"));
                c = new Case(link, null, List.of(link), false);
            }
            case LINK_LOOP -> {
                Path a = dir.resolve("a");
                Files.createSymbolicLink(a, Path.of("b"));
                Files.createSymbolicLink(dir.resolve("b"), Path.of("a"));
                c = new Case(a, null, List.of(a), false);
            }
            case DIRECTORY -> c = new Case(other, null, List.of(), false);
            case LINK_TO_DIRECTORY -> {
                Path link = Files.createSymbolicLink(dir.resolve(name(random)), Path.of("other"));
                c = new Case(link, null, List.of(link), false);
            }
            case MISSING_DIRECTORY -> c = new Case(dir.resolve("missing").resolve(name(random)), null, List.of(), false);
            case FIFO -> {
                Path fifo = dir.resolve("fifo");
                assertTrue(SpecialFiles.mkfifo(fifo));
                c = new Case(fifo, fifo, List.of(), true);
            }
            case DEVICE -> {
                Path device = dir.resolve("device");
                assertTrue(SpecialFiles.nullDevice(device));
                c = new Case(device, device, List.of(), true);
            }
            case SOCKET -> {
                socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                socket.bind(UnixDomainSocketAddress.of(dir.resolve("socket")));
                c = new Case(dir.resolve("socket"), null, List.of(), true);
            }
            default -> {
                Path absolute = dir.resolve(name(random));
                c = new Case(Path.of("").toAbsolutePath().relativize(absolute), absolute, List.of(), false);
            }
        }
        try {
            check(dir, c, random);
        } finally {
            if (socket != null) {
                socket.close();
            }
        }
    }

    private Case regular(Path target) throws IOException {
        return new Case(Files.write(target, OLD), target, List.of(), false);
    }

    private static String name(Random random) {
        String[] names = {"out.csv", "model.vnet", "a b.png", "\u00e9t\u00e9.csv", "x".repeat(200), ".hidden", "-dash",
            "n.tmp", "weird.1.2.tmp"};
        return names[random.nextInt(names.length)];
    }

    private void check(Path dir, Case c, Random random) throws Exception {
        byte[] content = new byte[random.nextInt(4) == 0 ? random.nextInt(300_000) : random.nextInt(100)];
        random.nextBytes(content);
        int failure = random.nextInt(5);  // 0: an IOException halfway, 1: a RuntimeException halfway
        Path lands = c.lands() == null ? null : c.lands().toAbsolutePath();
        boolean existed = lands != null && Files.exists(lands) && !c.special();
        List<Path> plantedLive = new ArrayList<>();
        if (lands != null && !c.special() && random.nextBoolean()) {
            String prefix = "." + shortName(lands) + ".";
            Files.write(lands.resolveSibling(prefix + DEAD_PID + ".1.tmp"), OLD);
            plantedLive.add(Files.write(lands.resolveSibling(prefix + "1.2.tmp"), OLD));
        }
        List<Path> linkTargets = new ArrayList<>();
        for (Path link : c.links()) {
            linkTargets.add(Files.readSymbolicLink(link));
        }
        CompletableFuture<byte[]> reader = c.fifo() ? read(lands) : null;
        Exception thrown = null;
        IOException halfway = new IOException("content failed halfway");
        RuntimeException broken = new IllegalStateException("content broke halfway");
        try {
            AtomicFile.write(c.target(), out -> {
                out.write(content, 0, content.length / 2);
                if (failure == 0) {
                    throw halfway;
                }
                if (failure == 1) {
                    throw broken;
                }
                out.write(content, content.length / 2, content.length - content.length / 2);
            });
        } catch (IOException | RuntimeException e) {
            thrown = e;
        }
        if (reader != null) {
            byte[] got = reader.get(30, TimeUnit.SECONDS);
            if (failure > 1) {
                assertArrayEquals(content, got);
            }
        }
        if (lands == null) {
            assertTrue(thrown instanceof IOException, "expected an IOException, got " + thrown);
            if (thrown != halfway) {
                String message = thrown.getMessage();
                assertTrue(message.startsWith(c.target() + ": ") && message.lines().count() == 1, message);
            }
        } else if (failure <= 1) {
            assertSame(failure == 0 ? halfway : broken, thrown);
            if (!c.special()) {
                if (existed) {
                    assertArrayEquals(OLD, Files.readAllBytes(lands), "the old content was changed");
                } else {
                    assertFalse(Files.exists(lands, LinkOption.NOFOLLOW_LINKS), "a failed write created the file");
                }
            }
        } else {
            if (thrown != null) {
                fail("the write failed: " + thrown, thrown);
            }
            if (c.special()) {
                assertTrue(Files.readAttributes(lands, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther(),
                        "the device or pipe was replaced");
            } else {
                assertArrayEquals(content, Files.readAllBytes(lands));
            }
        }
        for (int l = 0; l < c.links().size(); l++) {
            assertTrue(Files.isSymbolicLink(c.links().get(l)), c.links().get(l) + " is no longer a link");
            assertEquals(linkTargets.get(l), Files.readSymbolicLink(c.links().get(l)));
        }
        List<String> leftovers = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".tmp") && f.getFileName().toString().startsWith("."))
                    .filter(f -> !plantedLive.contains(f))
                    .forEach(f -> leftovers.add(dir.relativize(f).toString()));
        }
        assertEquals(List.of(), leftovers, "temporary files left behind");
        for (Path live : plantedLive) {
            assertTrue(Files.exists(live), "a live process's temporary file was deleted");
        }
    }

    private static String shortName(Path path) {
        String name = path.getFileName().toString();
        return name.length() <= 100 ? name : name.substring(0, 100);
    }

    private static CompletableFuture<byte[]> read(Path fifo) {
        return CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
