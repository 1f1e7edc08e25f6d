package io.vecnet.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Turns every failure into one line on stderr and an exit code; a stack trace only with --verbose. */
final class Errors {
    private Errors() {
    }

    static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + e.getMessage()
                + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        return VecnetCommand.EXIT_USAGE;
    }

    static int executionError(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        err.println(cmd.getCommandSpec().qualifiedName() + ": " + messageOf(e));
        if (parseResult.hasMatchedOption("--verbose")) {
            e.printStackTrace(err);
        }
        err.flush();
        return VecnetCommand.EXIT_FAILURE;
    }

    private static String messageOf(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
