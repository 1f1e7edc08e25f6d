package io.vecnet.io;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a file all at once or not at all, and never replaces what is not a regular file.
 *
 * <ul>
 * <li>A regular file, or a new one, is written to a temporary file beside it, {@code .NAME.PID.NANOS.tmp},
 *     which is synced and then renamed over it, keeping the old file's permissions. On any failure the
 *     temporary file is deleted and the old file is left as it was.</li>
 * <li>A symbolic link is followed, through any chain of links, and what it points to is written the
 *     same way, with the temporary file beside that; the link itself stays. A dangling link creates
 *     the file it names.</li>
 * <li>An existing device or FIFO ({@code /dev/null}, a named pipe) is opened and written straight,
 *     as a shell's {@code >} does: there is nothing to rename. A socket is refused.</li>
 * <li>{@code /dev/stdout}, {@code /dev/fd/1} and {@code /proc/self/fd/1} (and the same for stderr)
 *     are written through this process's own descriptor, whatever it leads to: output redirected to
 *     a file gets the content there, in order with the rest of the process's output.</li>
 * </ul>
 *
 * <p>Temporary files in flight are registered: a JVM shutdown (Ctrl-C, SIGTERM, {@code System.exit})
 * deletes them through a shutdown hook before they are renamed, and {@link #abandonInFlight} says which
 * writes it cut short. A process killed outright (kill -9) cannot clean up; the next write of the same
 * target deletes the temporary files of it whose process is no longer alive.
 */
public final class AtomicFile {
    /** Produces a file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * A write that a shutdown cut short: its target as given to {@link #write}, and whether part of the
     * content may already have gone there (a device or pipe written straight) or nothing did.
     */
    public record Interrupted(Path target, boolean partial) {
    }

    private static final int MAX_LINKS = 40;
    /** Of the target's name in a temporary file's name, which must stay within the usual 255-byte limit. */
    private static final int MAX_NAME_CHARS = 100;
    private static final String SUFFIX = ".tmp";
    private static final int SOCKET = 0140000;
    private static final int FILE_TYPE = 0170000;

    private static final Object LOCK = new Object();
    /** The writes under way: their temporary file (or, for a straight write, a token) and what they write. */
    private static final Map<Object, Interrupted> IN_FLIGHT = new LinkedHashMap<>();
    private static final List<Interrupted> ABANDONED = new ArrayList<>();
    private static boolean shuttingDown;
    private static boolean hookInstalled;

    private AtomicFile() {
    }

    /** Where a write goes: {@code path}, after following links, and whether it is written straight. */
    private record Destination(Path path, boolean straight) {
    }

    public static void write(Path target, Content content) throws IOException {
        FileDescriptor own = ownDescriptor(target);
        if (own != null) {
            writeStraight(target, () -> {
                System.out.flush();
                System.err.flush();
                return new FileOutputStream(own);
            }, false, content);
            return;
        }
        Destination destination = destination(target);
        if (destination.straight()) {
            writeStraight(target, content);
        } else {
            replace(target, destination.path(), content);
        }
    }

    /** Fails early, with a one-line reason, when {@code target} cannot be written: before hours of work, not after. */
    public static void requireWritable(Path target) throws IOException {
        destination(target);
    }

    /**
     * Stops every write under way, for a JVM shutdown: deletes their temporary files, so that none
     * of them renames anything any more, and makes every later write fail. Returns all the writes cut
     * short so far; a shutdown hook of this class calls it, and so may an application's own hook,
     * to say what was not written.
     */
    public static List<Interrupted> abandonInFlight() {
        synchronized (LOCK) {
            shuttingDown = true;
            for (Map.Entry<Object, Interrupted> write : IN_FLIGHT.entrySet()) {
                if (write.getKey() instanceof Path temporary) {
                    try {
                        Files.deleteIfExists(temporary);
                    } catch (IOException e) {
                        // the JVM is going down; nothing more can be done about it
                    }
                }
                ABANDONED.add(write.getValue());
            }
            IN_FLIGHT.clear();
            return List.copyOf(ABANDONED);
        }
    }

    /** Undoes {@link #abandonInFlight} for the next test in the same JVM. */
    static void resetAfterShutdownForTests() {
        synchronized (LOCK) {
            shuttingDown = false;
            ABANDONED.clear();
        }
    }

    /**
     * The descriptor that {@code target} names if it is one of the names a process has for its own
     * standard output or error: written through the descriptor it already holds, rather than opened
     * anew (which, on a redirected file, would start again at its beginning) or replaced.
     */
    private static FileDescriptor ownDescriptor(Path target) {
        return switch (target.toAbsolutePath().normalize().toString()) {
            case "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1" -> FileDescriptor.out;
            case "/dev/stderr", "/dev/fd/2", "/proc/self/fd/2" -> FileDescriptor.err;
            default -> null;
        };
    }

    private static Destination destination(Path target) throws IOException {
        requireNamed(target);
        if (ownDescriptor(target) != null) {
            return new Destination(target, true);
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(target, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            attributes = null;
        }
        if (attributes == null) {
            Path path = Files.isSymbolicLink(target) ? followDanglingLink(target) : target.toAbsolutePath();
            requireWritableDirectory(target, path);
            return new Destination(path, false);
        }
        if (attributes.isDirectory()) {
            throw new IOException(target + ": is a directory, not a file");
        }
        if (attributes.isRegularFile()) {
            // Replacing needs only the directory's permission; a file made read-only is kept, as rm asks
            // before removing one, even for root (whom access checks let write anything).
            if (readOnly(target)) {
                throw new IOException(target + ": is read-only; vecnet does not replace it");
            }
            Path path = target.toRealPath();
            requireWritableDirectory(target, path);
            return new Destination(path, false);
        }
        if (isSocket(target)) {
            throw new IOException(target + ": is a socket, not a file, device or pipe vecnet can write to");
        }
        if (!Files.isWritable(target)) {
            throw new IOException(target + ": is not writable");
        }
        return new Destination(target, true);
    }

    /**
     * The absolute path a write through {@code target} reaches when target is a symbolic link whose
     * chain ends at no file: the file such a write creates. Fails after 40 links, as Linux does.
     */
    public static Path followDanglingLink(Path target) throws IOException {
        Path path = target.toAbsolutePath();
        for (int i = 0; i < MAX_LINKS && Files.isSymbolicLink(path); i++) {
            path = path.resolveSibling(Files.readSymbolicLink(path));
        }
        if (Files.isSymbolicLink(path)) {
            throw new IOException(target + ": too many levels of symbolic links");
        }
        return path;
    }

    private static void requireWritableDirectory(Path target, Path path) throws IOException {
        Path directory = path.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory)) {
            throw new IOException(target + ": " + (Files.exists(directory) ? directory + " is a file, not a directory"
                    : "directory " + directory + " does not exist"));
        }
        if (!Files.isWritable(directory)) {
            throw new IOException(target + ": directory " + directory + " is not writable");
        }
    }

    private static boolean readOnly(Path file) {
        if (!Files.isWritable(file)) {
            return true;
        }
        try {
            return !Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static boolean isSocket(Path path) {
        try {
            return ((Integer) Files.getAttribute(path, "unix:mode") & FILE_TYPE) == SOCKET;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return false;
        }
    }

    /** A device or pipe: opened and written, with no temporary file and no rename. */
    private static void writeStraight(Path target, Content content) throws IOException {
        writeStraight(target, () -> Files.newOutputStream(target, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING), true, content);
    }

    /** Writes {@code content} to the stream {@code open} opens, closing it afterwards only if {@code close}. */
    private static void writeStraight(Path target, Registration<OutputStream> open, boolean close, Content content)
            throws IOException {
        Object token = new Object();
        register(target, () -> {
            IN_FLIGHT.put(token, new Interrupted(target, true));
            return null;
        });
        try {
            OutputStream out = new BufferedOutputStream(new NamingErrors(target, open.run()), 1 << 16);
            try {
                content.writeTo(out);
                out.flush();
            } finally {
                if (close) {
                    out.close();
                }
            }
        } finally {
            synchronized (LOCK) {
                IN_FLIGHT.remove(token);
            }
        }
    }

    private static void replace(Path target, Path path, Content content) throws IOException {
        removeStaleTemporaryFiles(path);
        Path temporary = path.resolveSibling("." + shortName(path) + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime() + SUFFIX);
        FileChannel channel = register(target, () -> {
            FileChannel created = createTemporary(target, temporary);
            IN_FLIGHT.put(temporary, new Interrupted(target, false));
            return created;
        });
        try {
            try (channel; OutputStream out = new BufferedOutputStream(
                    new NamingErrors(target, Channels.newOutputStream(channel)), 1 << 16)) {
                copyOwnerAndPermissions(path, temporary);
                content.writeTo(out);
                out.flush();
                NamingErrors.naming(target, () -> channel.force(true));
            }
            synchronized (LOCK) {
                if (IN_FLIGHT.remove(temporary) == null) {
                    throw notWritten(target);
                }
                Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException | Error e) {
            synchronized (LOCK) {
                IN_FLIGHT.remove(temporary);
            }
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        syncDirectory(path.getParent());
    }

    /** Refuses the empty path, which Java resolves to the working directory. */
    static void requireNamed(Path file) throws FileSystemException {
        if (file.toString().isEmpty()) {
            throw new FileSystemException(null, null, "an empty file name names no file");
        }
    }

    /** The temporary file beside the target; an error names the target, not a file the user never named. */
    private static FileChannel createTemporary(Path target, Path temporary) throws IOException {
        try {
            return FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileSystemException e) {
            String reason = e.getReason() != null ? e.getReason()
                    : e instanceof NoSuchFileException ? "no such file or directory"
                    : e instanceof AccessDeniedException ? "permission denied" : e.getClass().getSimpleName();
            throw new FileSystemException(target.toString(), null, "cannot create a file in "
                    + temporary.getParent() + " to write it through (" + reason + ")");
        }
    }

    /**
     * Passes writes on, and puts the target's name in their errors as a {@link FileSystemException}:
     * a stream's own say only what went wrong ("No space left on device"), not where.
     */
    private static final class NamingErrors extends FilterOutputStream {
        private final Path target;

        NamingErrors(Path target, OutputStream out) {
            super(out);
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            naming(target, () -> out.write(b));
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            naming(target, () -> out.write(bytes, offset, length));
        }

        @Override
        public void flush() throws IOException {
            naming(target, out::flush);
        }

        @Override
        public void close() throws IOException {
            naming(target, out::close);
        }

        static void naming(Path target, Write write) throws IOException {
            try {
                write.run();
            } catch (FileSystemException e) {
                throw e;
            } catch (IOException e) {
                FileSystemException named = new FileSystemException(target.toString(), null, e.getMessage());
                named.initCause(e);
                throw named;
            }
        }
    }

    @FunctionalInterface
    private interface Write {
        void run() throws IOException;
    }

    @FunctionalInterface
    private interface Registration<T> {
        T run() throws IOException;
    }

    /** Runs {@code registration} under the lock that {@link #abandonInFlight} takes, unless the JVM is shutting down. */
    private static <T> T register(Path target, Registration<T> registration) throws IOException {
        synchronized (LOCK) {
            if (shuttingDown) {
                throw notWritten(target);
            }
            if (!hookInstalled) {
                try {
                    Runtime.getRuntime().addShutdownHook(new Thread(AtomicFile::abandonInFlight,
                            "vecnet: delete temporary files"));
                } catch (IllegalStateException e) {
                    throw notWritten(target);
                }
                hookInstalled = true;
            }
            return registration.run();
        }
    }

    private static IOException notWritten(Path target) {
        return new IOException(target + ": not written: the JVM is shutting down");
    }

    private static String shortName(Path path) {
        String name = path.getFileName().toString();
        if (name.length() <= MAX_NAME_CHARS) {
            return name;
        }
        int end = Character.isHighSurrogate(name.charAt(MAX_NAME_CHARS - 1)) ? MAX_NAME_CHARS - 1 : MAX_NAME_CHARS;
        return name.substring(0, end);
    }

    /** Deletes {@code .NAME.PID.NANOS.tmp} files of {@code path} left by processes that are no longer alive. */
    private static void removeStaleTemporaryFiles(Path path) {
        String prefix = "." + shortName(path) + ".";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(path.getParent(),
                file -> processOf(file.getFileName().toString(), prefix) > 0)) {
            for (Path file : files) {
                long pid = processOf(file.getFileName().toString(), prefix);
                if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            // best effort: a stale file left behind is no reason to fail this write
        }
    }

    /** The PID in {@code name} if it is {@code prefix + PID.NANOS.tmp}, else -1. */
    static long processOf(String name, String prefix) {
        if (!name.startsWith(prefix) || !name.endsWith(SUFFIX)) {
            return -1;
        }
        String middle = name.substring(prefix.length(), name.length() - SUFFIX.length());
        int dot = middle.indexOf('.');
        if (dot < 1 || dot > 18 || !digits(middle, 0, dot)) {
            return -1;
        }
        int nanos = middle.startsWith("-", dot + 1) ? dot + 2 : dot + 1;
        if (nanos == middle.length() || middle.length() - nanos > 19 || !digits(middle, nanos, middle.length())) {
            return -1;
        }
        return Long.parseLong(middle, 0, dot, 10);
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The replaced file's permissions, and owner and group where this process may set them, for its successor. */
    private static void copyOwnerAndPermissions(Path original, Path successor) {
        PosixFileAttributes attributes;
        try {
            attributes = Files.readAttributes(original, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException e) {
            return;
        }
        PosixFileAttributeView view = Files.getFileAttributeView(successor, PosixFileAttributeView.class);
        try {
            view.setPermissions(attributes.permissions());
        } catch (IOException | RuntimeException e) {
            // the defaults stand
        }
        try {
            view.setGroup(attributes.group());
        } catch (IOException | RuntimeException e) {
            // a group this process is not in
        }
        try {
            view.setOwner(attributes.owner());
        } catch (IOException | RuntimeException e) {
            // only root may give a file away
        }
    }

    /** Makes the rename durable, where the platform lets a directory be synced. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            // not every platform syncs directories; the data itself is synced
        }
    }
}
