package io.vecnet.cli;

import io.vecnet.train.WarmUp;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vecnet} tool: one small class per subcommand, errors reported in one line. */
@Command(name = "vecnet",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Train small neural networks fast on the CPU, with SIMD kernels in pure Java.")
public final class VecnetCommand implements Runnable {
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_FAILURE = 1;
    /** 128 + SIGPIPE: what a shell reports for a program killed because its output's reader left. */
    public static final int EXIT_READER_GONE = 141;
    /** The subcommands by name, in the order the usage lists them. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("train", TrainCommand::new);
        SUBCOMMANDS.put("predict", PredictCommand::new);
        SUBCOMMANDS.put("plot", PlotCommand::new);
        SUBCOMMANDS.put("data", DataCommand::new);
        SUBCOMMANDS.put("gradcheck", GradcheckCommand::new);
        SUBCOMMANDS.put("info", InfoCommand::new);
        SUBCOMMANDS.put("help", CommandLine.HelpCommand::new);
    }

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
        warmUpRoute(args).ifPresent(WarmUp::startInBackground);
        CommandLine commandLine = commandLine(args).setOut(StandardOutput.open());
        // Before picocli reads the options, so that not even a usage error goes into a named file.
        StandardOutput.keepDiagnosticsOut(commandLine, namedRegularFiles(args));
        int exitCode = commandLine.execute(args);
        Interruption.exiting();
        System.exit(exitCode);
    }

    /**
     * The existing regular files the arguments name, alone or after an option's {@code =}: inputs
     * among them ({@code --data d.csv 2>> d.csv}). Devices are left out: {@code --data /dev/stdin}
     * typed at a terminal names the terminal that standard error also goes to.
     */
    static Path[] namedRegularFiles(String... args) {
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            int equals = arg.startsWith("-") ? arg.indexOf('=') : -1;
            for (String name : equals < 0 ? List.of(arg) : List.of(arg, arg.substring(equals + 1))) {
                try {
                    Path path = Path.of(name);
                    if (Files.isRegularFile(path)) {
                        files.add(path);
                    }
                } catch (InvalidPathException | SecurityException e) {
                    // not a file this command could read
                }
            }
        }
        return files.toArray(Path[]::new);
    }

    /**
     * The route through the engine that the subcommand in {@code args} is likely to take, warmed up
     * while picocli reads the options: training on the built-in spiral takes the case study's fused
     * pass, training on a file and predicting the layers one by one.
     */
    static Optional<WarmUp.Route> warmUpRoute(String... args) {
        if (args.length == 0) {
            return Optional.empty();
        }
        boolean onAFile = Arrays.stream(args).anyMatch(arg -> arg.equals("--data") || arg.startsWith("--data="));
        return switch (args[0]) {
            case "train" -> Optional.of(onAFile ? WarmUp.Route.LAYERS : WarmUp.Route.FUSED_PASS);
            case "predict", "plot" -> Optional.of(WarmUp.Route.LAYERS);
            default -> Optional.empty();
        };
    }

    /**
     * A file option's path. An empty one would name the working directory, and Path drops a trailing
     * separator, which would turn a directory's name ({@code results/}) into a file's.
     */
    private static Path path(String value) {
        if (value.isEmpty()) {
            throw new CommandLine.TypeConversionException("an empty file name names no file");
        }
        if (value.endsWith("/") || value.endsWith(java.io.File.separator)) {
            throw new CommandLine.TypeConversionException(value + " ends in a separator, so it names a directory, "
                    + "not a file");
        }
        return Path.of(value);
    }

    /**
     * The configured command line for {@code args}, shared by {@link #main} and the in-process tests.
     * picocli builds its model of each subcommand by reflection, tens of milliseconds apiece at
     * start-up (bench/README.md), so a command line that starts with a subcommand's name gets that
     * one only; any other (no arguments, options, help, a typo) gets them all.
     */
    public static CommandLine commandLine(String... args) {
        CommandLine line = new CommandLine(new VecnetCommand());
        String named = args.length > 0 && !args[0].equals("help") && SUBCOMMANDS.containsKey(args[0]) ? args[0] : null;
        SUBCOMMANDS.forEach((name, subcommand) -> {
            if (named == null || named.equals(name)) {
                line.addSubcommand(name, subcommand.get());
            }
        });
        // Set after the subcommands are added: picocli passes these settings only to those it has.
        return line.registerConverter(Path.class, VecnetCommand::path)
                .registerConverter(Float.class, FloatingPointConverter::toFloat)
                .registerConverter(float.class, FloatingPointConverter::toFloat)
                .registerConverter(Double.class, FloatingPointConverter::toDouble)
                .registerConverter(double.class, FloatingPointConverter::toDouble)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionStrategy(Errors::execute)
                .setParameterExceptionHandler(Errors::usageError)
                .setExecutionExceptionHandler(Errors::executionError);
    }
}
