package io.vecnet.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs {@code vecnet} in-process, the way {@code main} does, capturing its exit code, stdout and stderr. */
final class Cli {
    /** The bad input corpus; the cli module's tests run in {@code cli/}. */
    static final Path BAD = Path.of("src/test/resources/bad");

    record Run(int exitCode, String out, String err) {
        /** The stderr lines, which for a failure must be exactly one. */
        String[] errLines() {
            return err.lines().toArray(String[]::new);
        }
    }

    private Cli() {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = VecnetCommand.commandLine(args);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
