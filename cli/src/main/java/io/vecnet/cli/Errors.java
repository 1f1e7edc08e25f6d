package io.vecnet.cli;

import io.vecnet.io.AtomicFile;
import io.vecnet.io.CsvException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/** Turns every failure into one line on stderr and an exit code; a stack trace only with --verbose. */
final class Errors {
    private Errors() {
    }

    static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + e.getMessage() + suggestion(e)
                + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        cmd.getErr().flush();
        return VecnetCommand.EXIT_USAGE;
    }

    /**
     * For an unknown option or subcommand, the known ones it may be a slip for: picocli's candidates
     * within two edits of it (its own list also offers words with nothing in common).
     */
    private static String suggestion(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return "";
        }
        String typed = unmatched.getUnmatched().get(0);
        List<String> close = unmatched.getSuggestions().stream().filter(known -> edits(typed, known) <= 2).toList();
        return close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?";
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    private static int edits(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * Runs the command the arguments name, as picocli's default strategy does, after telling
     * {@link Interruption} which command it is; an {@link OutOfMemoryError}, which picocli lets
     * through, becomes one line suggesting a larger heap. A command that succeeded but could not
     * write to standard output fails.
     */
    static int execute(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult leaf = parseResult;
        while (leaf.subcommand() != null) {
            leaf = leaf.subcommand();
        }
        CommandLine cmd = leaf.commandSpec().commandLine();
        Interruption.command(cmd.getCommandSpec().qualifiedName());
        try {
            int exitCode = new CommandLine.RunLast().execute(parseResult);
            if (exitCode == 0) {
                StandardOutput.requireWritten(cmd.getOut());
            }
            return exitCode;
        } catch (OutOfMemoryError | CommandFailedException | StandardOutput.ReaderGoneException e) {
            return report(e, cmd, parseResult);
        }
    }

    static int executionError(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        return report(e, cmd, parseResult);
    }

    private static int report(Throwable e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        if (StandardOutput.readerGone(e)) {
            return VecnetCommand.EXIT_READER_GONE;
        }
        PrintWriter err = cmd.getErr();
        err.println(cmd.getCommandSpec().qualifiedName() + ": " + messageOf(e));
        if (verbose(parseResult)) {
            e.printStackTrace(err);
        }
        err.flush();
        return VecnetCommand.EXIT_FAILURE;
    }

    private static boolean verbose(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(VerboseOption.NAME)) {
                return true;
            }
        }
        return false;
    }

    /** The file system's exceptions carry only a path as their message; the rest already speak for themselves. */
    private static String messageOf(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutOfMemoryError) {
                return "out of memory: the " + MemoryEstimate.format(Runtime.getRuntime().maxMemory())
                        + " this JVM may use is not enough; " + MemoryEstimate.moreMemory();
            }
        }
        if (e instanceof CsvException csv && csv.tooLargeForMemory()) {
            return csv.getMessage() + "; " + MemoryEstimate.moreMemory();
        }
        if (e instanceof NoSuchFileException f) {
            return f.getFile() + ": no such file or directory";
        }
        if (e instanceof AccessDeniedException f) {
            return f.getFile() + ": permission denied";
        }
        if (e instanceof FileSystemException f && f.getFile() != null) {
            Path loop = endlessLink(f.getFile());
            if (loop != null) {
                return f.getFile() + ": " + (loop.toString().equals(f.getFile()) ? "" : loop + " ")
                        + "is a symbolic link loop: following it never reaches a file";
            }
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getFile() + ": " + f.getReason();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.lines().findFirst().orElseThrow();
    }

    /**
     * The first name along {@code file}, as written, that is a symbolic link whose chain never ends:
     * a loop, or more links than Linux follows; null when there is none. The JDK reports one as "Too
     * many levels of symbolic links or unable to access attributes of symbolic link", naming no link.
     */
    private static Path endlessLink(String file) {
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            return null;
        }
        Path prefix = path.getRoot();
        for (Path name : path) {
            prefix = prefix == null ? name : prefix.resolve(name);
            if (Files.isSymbolicLink(prefix) && endless(prefix)) {
                return prefix;
            }
        }
        return null;
    }

    /**
     * Whether {@code link}'s chain goes on past the 40 links that followDanglingLink, as Linux, follows:
     * its own plain IOException; a link it could not read (a FileSystemException) is no loop.
     */
    private static boolean endless(Path link) {
        try {
            AtomicFile.followDanglingLink(link);
            return false;
        } catch (FileSystemException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
