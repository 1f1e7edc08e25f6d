package io.vecnet.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code vecnet}'s main in a JVM of its own (this JVM's java and class path), as the
 * launcher would. Its stdout and stderr go to files, which survive {@link Process#destroy}.
 */
final class ForkedCli {
    private static final String INCUBATOR_NOTICE = "WARNING: Using incubator modules: jdk.incubator.vector";

    record Result(int exitCode, String out, String err) {
        /** The stderr lines but the JVM's notice of the incubator module. */
        List<String> errLines() {
            return err.lines().filter(line -> !line.equals(INCUBATOR_NOTICE)).toList();
        }
    }

    /** A running vecnet, and the files its output goes to; closing it kills what still runs. */
    record Started(Process process, Path stdout, Path stderr) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }

        String outSoFar() throws IOException {
            return Files.readString(stdout, StandardCharsets.UTF_8);
        }

        Result finish() throws IOException, InterruptedException {
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("vecnet did not exit");
                }
                return new Result(process.exitValue(), outSoFar(), Files.readString(stderr, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
            }
        }
    }

    private ForkedCli() {
    }

    static Started start(Path directory, List<String> jvmOptions, String... args) throws IOException {
        Path stdout = Files.createTempFile("vecnet-cli", ".out");
        Path stderr = Files.createTempFile("vecnet-cli", ".err");
        return new Started(launch(directory, jvmOptions, stdout, stderr, args), stdout, stderr);
    }

    /**
     * Runs vecnet with its standard output sent to {@code stdout}, a device such as /dev/full that
     * is neither read nor deleted afterwards; the result's output is empty.
     */
    static Result runWithOutputTo(Path directory, Path stdout, String... args) throws IOException, InterruptedException {
        return runWithoutReadingOutput(directory, ProcessBuilder.Redirect.to(stdout.toFile()), args);
    }

    /** Runs vecnet with its standard output a pipe, as in {@code vecnet ... | program}, and returns the bytes read from it. */
    static byte[] runIntoPipe(Path directory, String... args) throws IOException, InterruptedException {
        Path stderr = Files.createTempFile("vecnet-cli", ".err");
        try {
            Process process = launch(directory, List.of(), ProcessBuilder.Redirect.PIPE, stderr, args);
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new AssertionError("vecnet failed: " + Files.readString(stderr, StandardCharsets.UTF_8));
            }
            return out;
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    /**
     * Runs vecnet with its standard output and error appended to {@code stdout} and {@code stderr},
     * which may be one file, as with {@code >>f 2>>f}; the caller reads them. Returns the exit code.
     */
    static int runAppendingTo(Path directory, Path stdout, Path stderr, String... args)
            throws IOException, InterruptedException {
        Process process = launch(directory, List.of(), ProcessBuilder.Redirect.appendTo(stdout.toFile()),
                ProcessBuilder.Redirect.appendTo(stderr.toFile()), args);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("vecnet did not exit");
        }
        return process.exitValue();
    }

    /** Runs vecnet with its standard error a pipe, as under the launcher, read to its end. */
    static Result runWithErrorPipe(Path directory, String... args) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile("vecnet-cli", ".out");
        try {
            Process process = launch(directory, List.of(), ProcessBuilder.Redirect.to(stdout.toFile()),
                    ProcessBuilder.Redirect.PIPE, args);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("vecnet did not exit");
            }
            return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8), err);
        } finally {
            Files.deleteIfExists(stdout);
        }
    }

    /** What a file that took the JVM's standard error holds, less the JVM's notice of the incubator module. */
    static byte[] withoutNotice(byte[] written) {
        byte[] notice = (INCUBATOR_NOTICE + "\n").getBytes(StandardCharsets.UTF_8);
        boolean noticed = Arrays.equals(written, 0, Math.min(notice.length, written.length), notice, 0, notice.length);
        return noticed ? Arrays.copyOfRange(written, notice.length, written.length) : written;
    }

    /** Runs vecnet with a standard output whose reader has already gone, as in {@code vecnet ... | head -0}. */
    static Result runWithOutputClosed(Path directory, String... args) throws IOException, InterruptedException {
        return runWithoutReadingOutput(directory, ProcessBuilder.Redirect.PIPE, args);
    }

    /** Runs vecnet with its standard output sent to {@code stdout}, closing the pipe at once if it is one. */
    private static Result runWithoutReadingOutput(Path directory, ProcessBuilder.Redirect stdout, String... args)
            throws IOException, InterruptedException {
        Path stderr = Files.createTempFile("vecnet-cli", ".err");
        try {
            Process process = launch(directory, List.of(), stdout, stderr, args);
            process.getInputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("vecnet did not exit");
            }
            return new Result(process.exitValue(), "", Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    private static Process launch(Path directory, List<String> jvmOptions, Path stdout, Path stderr, String... args)
            throws IOException {
        return launch(directory, jvmOptions, ProcessBuilder.Redirect.to(stdout.toFile()), stderr, args);
    }

    private static Process launch(Path directory, List<String> jvmOptions, ProcessBuilder.Redirect stdout, Path stderr,
                                  String... args) throws IOException {
        return launch(directory, jvmOptions, stdout, ProcessBuilder.Redirect.to(stderr.toFile()), args);
    }

    private static Process launch(Path directory, List<String> jvmOptions, ProcessBuilder.Redirect stdout,
                                  ProcessBuilder.Redirect stderr, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(List.of("--add-modules", "jdk.incubator.vector", "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), VecnetCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(stdout).redirectError(stderr);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    static Result run(Path directory, List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        try (Started vecnet = start(directory, jvmOptions, args)) {
            return vecnet.finish();
        }
    }
}
