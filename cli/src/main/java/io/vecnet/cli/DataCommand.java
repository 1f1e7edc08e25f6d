package io.vecnet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vecnet data}: the data generators, each a subcommand. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Write generated data as CSV (features, then the class label).",
        subcommands = SpiralDataCommand.class)
final class DataCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a generator: spiral");
    }
}
