package io.vecnet.cli;

import io.vecnet.io.AtomicFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
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
     * Refuses a standard stream redirected into an input. The refusal is not written into that input:
     * with standard error there, it goes to standard output, or nowhere when both streams are.
     */
    private void checkStandardStreams() {
        Named input = inputs.stream().filter(this::takesAStandardStream).findFirst().orElse(null);
        if (input == null) {
            return;
        }
        boolean out = takes(input, StandardOutput.STANDARD_OUTPUT);
        boolean err = takes(input, StandardOutput.STANDARD_ERROR);
        if (err) {
            commandLine.setErr(out ? new PrintWriter(Writer.nullWriter()) : commandLine.getOut());
        }
        String streams = out && err ? "standard output and standard error are" : out ? "standard output is"
                : "standard error is";
        throw new CommandLine.ParameterException(commandLine, streams + " the same file as " + input.option() + " "
                + input.path() + "; an output must not overwrite an input");
    }

    private boolean takesAStandardStream(Named input) {
        return takes(input, StandardOutput.STANDARD_OUTPUT) || takes(input, StandardOutput.STANDARD_ERROR);
    }

    /** Whether {@code stream} is redirected to the regular file {@code input} names. */
    private static boolean takes(Named input, Path stream) {
        return Files.isRegularFile(stream) && same(stream, input.path());
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
