package io.vecnet.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vecnet} tool: one small class per subcommand, errors reported in one line. */
@Command(name = "vecnet",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Train small neural networks fast on the CPU, with SIMD kernels in pure Java.",
        subcommands = {TrainCommand.class, PredictCommand.class, PlotCommand.class, DataCommand.class,
                GradcheckCommand.class, InfoCommand.class, CommandLine.HelpCommand.class})
public final class VecnetCommand implements Runnable {
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_FAILURE = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        EngineLog.install();
        Interruption.install();
        int exitCode = commandLine().execute(args);
        Interruption.exiting();
        System.exit(exitCode);
    }

    /** The configured command line, shared by {@link #main} and the in-process tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new VecnetCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionStrategy(Errors::execute)
                .setParameterExceptionHandler(Errors::usageError)
                .setExecutionExceptionHandler(Errors::executionError);
    }
}
