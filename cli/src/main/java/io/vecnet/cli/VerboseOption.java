package io.vecnet.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}, mixed into every command: a stack trace with the one-line error. */
final class VerboseOption {
    static final String NAME = "--verbose";

    @Option(names = NAME, description = "Show a stack trace with errors.")
    boolean verbose;
}
