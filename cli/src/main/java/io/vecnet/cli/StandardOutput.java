package io.vecnet.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * The writer for standard output that remembers why a write failed. A PrintWriter, like System.out,
 * swallows write errors (a full disk, a closed pipe), so without this a command whose output was
 * lost would exit 0; {@link #requireWritten} turns the first error into the command's failure.
 */
final class StandardOutput extends PrintWriter {
    private final FailureRecorder stream;

    private StandardOutput(FailureRecorder stream, Charset charset) {
        super(new BufferedWriter(new OutputStreamWriter(stream, charset)), true);
        this.stream = stream;
    }

    /**
     * The writer for a command's own lines: its standard error when one of {@code outputs} (null ones
     * aside) is where its standard output goes ({@code /dev/stdout}, or the file or pipe that is
     * redirected to), where the lines would end up inside the image, model or CSV file written there
     * (its warnings' writer, which {@link #keepDiagnosticsOut} may have moved); else its standard output.
     */
    static PrintWriter forText(CommandLine commandLine, Path... outputs) {
        return anyWrittenTo(STANDARD_OUTPUT, outputs) ? commandLine.getErr() : commandLine.getOut();
    }

    /**
     * Keeps a command's warnings and errors out of an output written where its standard error goes
     * ({@code /dev/stderr}, or the file or pipe that is redirected to), or out of a file its command
     * line names that standard error is redirected to: they go to its standard output instead, or
     * nowhere when an output is written there too ({@code --save /dev/stderr --plot /dev/stdout}, or
     * both streams one file), the exit code alone then telling of a failure.
     * Called before the command writes anything; the lines {@link #forText} sends to standard error
     * then go the same way.
     */
    static void keepDiagnosticsOut(CommandLine commandLine, Path... outputs) {
        if (anyWrittenTo(STANDARD_ERROR, outputs)) {
            commandLine.setErr(anyWrittenTo(STANDARD_OUTPUT, outputs) ? new PrintWriter(Writer.nullWriter())
                    : commandLine.getOut());
        }
    }

    private static boolean anyWrittenTo(Path stream, Path... outputs) {
        for (Path output : outputs) {
            if (output != null && isWhere(stream, output)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWhere(Path stream, Path path) {
        try {
            // /dev/null mixes nothing: with the stream sent there too, the lines stay where they were sent.
            return Files.isSameFile(path, stream) && !Files.isSameFile(path, NULL_DEVICE);
        } catch (IOException e) {
            return false; // an output that does not exist yet, or a system without /dev/fd
        }
    }

    static final Path STANDARD_OUTPUT = Path.of("/dev/fd/1");
    /**
     * Where standard error really goes. The launcher pipes the JVM's stderr through a filter and
     * names its own stderr here ({@code -Dvecnet.stderr}), so that an output written there is still
     * recognised.
     */
    static final Path STANDARD_ERROR = Path.of(System.getProperty("vecnet.stderr", "/dev/fd/2"));
    private static final Path NULL_DEVICE = Path.of("/dev/null");

    /** This process's standard output, in the encoding {@code System.out} uses. */
    static StandardOutput open() {
        return new StandardOutput(new FailureRecorder(new FileOutputStream(FileDescriptor.out)), System.out.charset());
    }

    /**
     * Flushes {@code out} and fails, in one line, if a write to standard output through it failed; a
     * writer of another kind (the tests' in-memory ones) cannot fail.
     */
    static void requireWritten(PrintWriter out) {
        out.flush();
        if (out instanceof StandardOutput checked && checked.stream.failure != null) {
            IOException failure = checked.stream.failure;
            // Java reports no errno: the message is the only way to tell EPIPE from other failures.
            if (BROKEN_PIPE.equals(failure.getMessage())) {
                throw new ReaderGoneException(failure);
            }
            String reason = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
            throw new CommandFailedException("standard output: " + reason, failure);
        }
    }

    private static final String BROKEN_PIPE = "Broken pipe";

    /**
     * The reader of standard output went away ({@code vecnet predict ... | head}). The command ends
     * quietly with {@link VecnetCommand#EXIT_READER_GONE}, as a program the shell's SIGPIPE killed would.
     */
    static final class ReaderGoneException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReaderGoneException(IOException cause) {
            super(cause);
        }
    }

    /**
     * Whether {@code e} is, or was caused by, a {@link ReaderGoneException} or a broken pipe on a
     * named output ({@code --out /dev/stdout | head}).
     */
    static boolean readerGone(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            boolean namedPipe = cause instanceof FileSystemException named && BROKEN_PIPE.equals(named.getReason());
            if (cause instanceof ReaderGoneException || namedPipe) {
                return true;
            }
        }
        return false;
    }

    /** Passes every write on and keeps the first error. */
    private static final class FailureRecorder extends FilterOutputStream {
        private IOException failure;

        FailureRecorder(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            recording(() -> out.write(b));
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            recording(() -> out.write(bytes, offset, length));
        }

        @Override
        public void flush() throws IOException {
            recording(out::flush);
        }

        private void recording(Write write) throws IOException {
            try {
                write.run();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
                throw e;
            }
        }
    }

    @FunctionalInterface
    private interface Write {
        void run() throws IOException;
    }
}
