package io.vecnet.cli;

import io.vecnet.nn.Activation;
import io.vecnet.nn.Init;
import io.vecnet.nn.NetworkSpec;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The network options that {@code train} and {@code gradcheck} share: its shape and how it starts. */
final class NetworkOptions {
    @Option(names = "--model", description = "net (hidden layers as --hidden says) or linear (softmax classifier, "
            + "no hidden layer).")
    ModelKind model = ModelKind.net;

    @Option(names = "--hidden", split = ",", paramLabel = "WIDTHS",
            description = "Hidden layer widths, comma-separated, first layer first: 100 or 64,32 "
                    + "(default: one layer of 100 for train, 10 for gradcheck).")
    List<Integer> hidden;

    @Option(names = "--activation", converter = ActivationConverter.class,
            description = "Activation of the hidden layers: relu, leaky-relu, tanh or sigmoid (default: relu).")
    Activation activation;

    @Option(names = "--init", converter = InitConverter.class, paramLabel = "small|he|xavier",
            description = "Initial weights: small (0.01·N(0,1), the case study's), he or xavier (default: small "
                    + "for at most one hidden layer, else he for relu and leaky-relu, xavier for tanh and sigmoid).")
    Init init;

    /** The network for data of {@code inputs} features and {@code classes} classes. */
    NetworkSpec spec(CommandLine commandLine, int inputs, int classes, int defaultHidden) {
        return new NetworkSpec(inputs, hiddenWidths(commandLine, defaultHidden), classes, activation());
    }

    Activation activation() {
        return activation != null ? activation : Activation.RELU;
    }

    /** The widths asked for, checked: none for the linear model. */
    List<Integer> hiddenWidths(CommandLine commandLine, int defaultHidden) {
        if (model == ModelKind.linear) {
            if (hidden != null || activation != null) {
                throw new CommandLine.ParameterException(commandLine, (hidden != null ? "--hidden sizes" : "--activation "
                        + "is for") + " the net's hidden layers; the linear model has none");
            }
            return List.of();
        }
        requireNoEmptyWidth(commandLine);
        List<Integer> widths = hidden != null ? new ArrayList<>(hidden) : List.of(defaultHidden);
        if (widths.isEmpty() || widths.size() > NetworkSpec.MAX_HIDDEN_LAYERS) {
            throw new CommandLine.ParameterException(commandLine, "--hidden takes 1 to "
                    + NetworkSpec.MAX_HIDDEN_LAYERS + " widths, got " + widths.size());
        }
        for (int width : widths) {
            if (width < 1) {
                throw new CommandLine.ParameterException(commandLine,
                        "--hidden widths must be at least 1, got " + hidden);
            }
        }
        return widths;
    }

    /** picocli's split drops a trailing empty width ("10,") that it refuses elsewhere (",10"); so does this. */
    private static void requireNoEmptyWidth(CommandLine commandLine) {
        CommandLine.ParseResult parsed = commandLine.getParseResult();
        CommandLine.Model.OptionSpec option = parsed == null ? null : parsed.matchedOption("--hidden");
        if (option == null) {
            return;
        }
        for (String given : option.originalStringValues()) {
            if (given.strip().endsWith(",")) {
                throw new CommandLine.ParameterException(commandLine,
                        "--hidden takes widths separated by commas, with none empty, got '" + given + "'");
            }
        }
    }

    Init init(NetworkSpec spec) {
        return init != null ? init : Init.defaultFor(spec);
    }

    static final class ActivationConverter implements CommandLine.ITypeConverter<Activation> {
        @Override
        public Activation convert(String value) {
            try {
                return Activation.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class InitConverter implements CommandLine.ITypeConverter<Init> {
        @Override
        public Init convert(String value) {
            try {
                return Init.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
