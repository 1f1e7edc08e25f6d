package io.vecnet.cli;

import io.vecnet.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import picocli.CommandLine;

/**
 * Refuses, before any work, a command whose output would overwrite one of its inputs or another
 * of its outputs: {@code train --data d.csv --save d.csv} would read d.csv and then replace it.
 * Files that exist are compared with {@link Files#isSameFile} (which sees through links and hard
 * links), files to be created by their absolute paths with links resolved as far as they exist,
 * a dangling link to its target.
 * An output that is a device or pipe is written, not replaced, so it is not compared with the inputs;
 * two outputs may share only /dev/null. Standard output and standard error count as outputs where
 * they are regular files: {@code vecnet predict --data d.csv >> d.csv} would read d.csv while
 * appending to it.
 */
final class DistinctFiles {
    /** The one device any number of outputs may share: what goes there is thrown away. */
    private static final Path NULL_DEVICE = Path.of("/dev/null");
    /** The standard streams as this JVM has them, and standard error as the launcher's caller has it. */
    private static final List<Path> STREAMS = List.of(StandardOutput.STANDARD_OUTPUT, Path.of("/dev/fd/2"),
            StandardOutput.STANDARD_ERROR);
    /** The file-type bits of a {@code unix:mode}, and their value for a pipe. */
    private static final int FILE_TYPE = 0170000;
    private static final int FIFO = 0010000;

    private record Named(String option, Path path) {
    }

    private final CommandLine commandLine;
    private final List<Named> inputs = new ArrayList<>();
    private final List<Named> outputs = new ArrayList<>();

    private DistinctFiles(CommandLine commandLine) {
        this.commandLine = commandLine;
    }

    static DistinctFiles of(CommandLine.Model.CommandSpec spec) {
        return new DistinctFiles(spec.commandLine());
    }

    /** An input file named by {@code option}; {@code null} when the option was not given. */
    DistinctFiles input(String option, Path path) {
        if (path != null) {
            inputs.add(new Named(option, path));
        }
        return this;
    }

    /** An output file named by {@code option}; {@code null} when the option was not given. */
    DistinctFiles output(String option, Path path) {
        if (path != null) {
            outputs.add(new Named(option, path));
        }
        return this;
    }

    /** Throws a usage error naming both options when two of the files are one. */
    void check() {
        checkStandardStreams();
        for (int i = 0; i < outputs.size(); i++) {
            Named output = outputs.get(i);
            boolean device = Files.exists(output.path()) && !Files.isRegularFile(output.path());
            if (device && same(output.path(), NULL_DEVICE)) {
                continue;
            }
            if (!device) {
                for (Named input : inputs) {
                    refuseIfSame(output, input, "an output must not overwrite an input");
                }
            }
            // A device or pipe is not replaced, but two outputs through one (/dev/stdout) would mix.
            for (Named earlier : outputs.subList(0, i)) {
                refuseIfSame(output, earlier, "each output needs a file of its own");
            }
        }
    }

    /**
     * Refuses an input that one of the command's standard streams is redirected into ({@code >> d.csv}),
     * and one that is a pipe the command writes its own output to ({@code --data /dev/stderr}, which
     * under the launcher is the pipe to its filter: reading it would wait forever). {@link
     * VecnetCommand#main} has already sent the command's diagnostics away from any file its arguments
     * name, so the refusal is not written into the input.
     */
    private void checkStandardStreams() {
        for (Named input : inputs) {
            if (isPipe(input.path()) && STREAMS.stream().anyMatch(stream -> same(input.path(), stream))) {
                throw new CommandLine.ParameterException(commandLine, input.option() + " " + input.path()
                        + " is a pipe this command writes its own output to; it cannot be read");
            }
        }
        Named out = inputTaking(StandardOutput.STANDARD_OUTPUT);
        Named err = inputTaking(StandardOutput.STANDARD_ERROR);
        if (out == null && err == null) {
            return;
        }
        String streams;
        if (out == err) {
            streams = "standard output and standard error are the same file as " + named(out);
        } else if (out != null && err != null) {
            streams = "standard output is the same file as " + named(out) + " and standard error as " + named(err);
        } else {
            streams = (out != null ? "standard output" : "standard error") + " is the same file as "
                    + named(out != null ? out : err);
        }
        throw new CommandLine.ParameterException(commandLine, streams + "; an output must not overwrite an input");
    }

    /** The first input that {@code stream}, redirected to a regular file, writes into. */
    private Named inputTaking(Path stream) {
        if (!Files.isRegularFile(stream)) {
            return null;
        }
        return inputs.stream().filter(input -> same(stream, input.path())).findFirst().orElse(null);
    }

    /** {@code --data d.csv}, and a word on an empty one: the shell's {@code >} has emptied it already. */
    private static String named(Named input) {
        String named = input.option() + " " + input.path();
        try {
            return Files.size(input.path()) == 0 ? named + " (which the shell emptied before vecnet started)" : named;
        } catch (IOException e) {
            return named;
        }
    }

    private static boolean isPipe(Path path) {
        try {
            return ((Integer) Files.getAttribute(path, "unix:mode") & FILE_TYPE) == FIFO;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return false;
        }
    }

    private void refuseIfSame(Named output, Named other, String rule) {
        if (same(output.path(), other.path())) {
            throw new CommandLine.ParameterException(commandLine, output.option() + " " + output.path()
                    + " is the same file as " + other.option() + " " + other.path() + "; " + rule);
        }
    }

    private static boolean same(Path a, Path b) {
        boolean aExists = Files.exists(a);
        if (aExists != Files.exists(b)) {
            return false;
        }
        try {
            return aExists ? Files.isSameFile(a, b) : resolved(a).equals(resolved(b));
        } catch (IOException | InvalidPathException | SecurityException e) {
            return false;
        }
    }

    /**
     * A path to be created: its nearest existing ancestor's real path, followed by the rest of it.
     * A dangling link is followed first, since writing through it creates its target.
     */
    private static Path resolved(Path path) throws IOException {
        Path absolute = (Files.isSymbolicLink(path) ? AtomicFile.followDanglingLink(path) : path)
                .toAbsolutePath().normalize();
        Deque<Path> rest = new ArrayDeque<>();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            rest.push(existing.getFileName());
            existing = existing.getParent();
        }
        Path resolved = existing == null ? absolute.getRoot() : existing.toRealPath();
        while (!rest.isEmpty()) {
            resolved = resolved.resolve(rest.pop());
        }
        return resolved;
    }
}
