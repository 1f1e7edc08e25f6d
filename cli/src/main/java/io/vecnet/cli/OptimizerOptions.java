package io.vecnet.cli;

import io.vecnet.train.Adam;
import io.vecnet.train.GradientDescent;
import io.vecnet.train.LearningRateSchedule;
import io.vecnet.train.Optimizer;
import io.vecnet.train.Sgd;
import java.util.EnumSet;
import java.util.Locale;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code vecnet train}'s optimiser options: which rule, its learning rate and its coefficients. */
final class OptimizerOptions {
    /** The optimisers by their {@code --optimizer} names. */
    enum Kind {
        gd(1.0f), sgd(0.01f), adam(Adam.DEFAULT_LEARNING_RATE), adamw(Adam.DEFAULT_LEARNING_RATE);

        final float defaultRate;

        Kind(float defaultRate) {
            this.defaultRate = defaultRate;
        }
    }

    @Option(names = "--optimizer", paramLabel = "gd|sgd|adam|adamw",
            description = "gd: the course's plain gradient descent; sgd: with momentum; adam; adamw: Adam with "
                    + "decoupled weight decay (default: gd on the spiral, adam with --data).")
    Kind kind;

    @Option(names = "--lr", paramLabel = "RATE",
            description = "Learning rate (default: 1.0 for gd, 0.01 for sgd, 0.001 for adam and adamw).")
    Float learningRate;

    // An option of its own rather than a second name of --lr: picocli's errors name an option by its
    // longest name, which would tell a user who typed --lr about --step.
    @Option(names = "--step", paramLabel = "RATE", description = "The course's name for --lr.")
    void step(float rate) {
        learningRate = rate;
    }

    @Option(names = "--lr-schedule", paramLabel = "constant|step|cosine", converter = ScheduleConverter.class,
            description = "constant; step: tenfold lower from half the run, a hundredfold from three quarters; "
                    + "cosine: down to 0 along half a cosine.")
    LearningRateSchedule schedule = LearningRateSchedule.CONSTANT;

    @Option(names = "--momentum", description = "sgd's momentum.")
    float momentum = 0.9f;

    @Option(names = "--nesterov", description = "sgd: Nesterov momentum.")
    boolean nesterov;

    @Option(names = "--beta1", description = "adam and adamw: decay of the gradient's running mean.")
    float beta1 = Adam.DEFAULT_BETA1;

    @Option(names = "--beta2", description = "adam and adamw: decay of the squared gradient's running mean.")
    float beta2 = Adam.DEFAULT_BETA2;

    @Option(names = "--epsilon", description = "adam and adamw: added to the denominator.")
    float epsilon = Adam.DEFAULT_EPSILON;

    @Option(names = "--weight-decay", description = "adamw: decoupled weight decay.")
    float weightDecay = Adam.DEFAULT_WEIGHT_DECAY;

    Kind kind(Kind fallback) {
        return kind != null ? kind : fallback;
    }

    /** An option that only some optimisers take, and those. */
    private record TakenBy(String option, Set<Kind> kinds) {
    }

    private static final List<TakenBy> TAKEN_BY = List.of(
            new TakenBy("--momentum", EnumSet.of(Kind.sgd)), new TakenBy("--nesterov", EnumSet.of(Kind.sgd)),
            new TakenBy("--beta1", EnumSet.of(Kind.adam, Kind.adamw)),
            new TakenBy("--beta2", EnumSet.of(Kind.adam, Kind.adamw)),
            new TakenBy("--epsilon", EnumSet.of(Kind.adam, Kind.adamw)),
            new TakenBy("--weight-decay", EnumSet.of(Kind.adamw)));

    /**
     * The optimiser asked for, or {@code fallback}'s; options it does not take and its own checks
     * become usage errors, naming the option given.
     */
    Optimizer create(CommandLine commandLine, Kind fallback) {
        CommandLine.ParseResult given = commandLine.getParseResult();
        if (given.hasMatchedOption("--lr") && given.hasMatchedOption("--step")) {
            throw new CommandLine.ParameterException(commandLine, "--step is --lr under the course's name; give one");
        }
        Kind chosen = kind(fallback);
        for (TakenBy taken : TAKEN_BY) {
            if (given.hasMatchedOption(taken.option()) && !taken.kinds().contains(chosen)) {
                throw new CommandLine.ParameterException(commandLine, taken.option() + " is for " + taken.kinds().stream()
                        .map(Kind::name).collect(Collectors.joining(" and ")) + "; this run's optimizer is " + chosen
                        + (kind == null ? " (the default; --optimizer chooses another)" : ""));
            }
        }
        float rate = learningRate != null ? learningRate : chosen.defaultRate;
        try {
            return switch (chosen) {
                case gd -> new GradientDescent(rate);
                case sgd -> new Sgd(rate, momentum, nesterov);
                case adam -> new Adam(rate, beta1, beta2, epsilon, 0f);
                case adamw -> new Adam(rate, beta1, beta2, epsilon, weightDecay);
            };
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, optionOf(e.getMessage(), given, chosen) + ": "
                    + e.getMessage());
        }
    }

    /** The option an optimiser's complaint is about, as the user gave it: its message names the parameter first. */
    private static String optionOf(String message, CommandLine.ParseResult given, Kind chosen) {
        String[][] parameters = {{"the learning rate", given.hasMatchedOption("--step") ? "--step" : "--lr"},
                {"beta1", "--beta1"}, {"beta2", "--beta2"}, {"epsilon", "--epsilon"},
                {"weight decay", "--weight-decay"}, {"momentum", "--momentum"}, {"Nesterov", "--nesterov"}};
        for (String[] parameter : parameters) {
            if (message.startsWith(parameter[0])) {
                return parameter[1];
            }
        }
        return "--optimizer " + chosen;
    }

    static final class ScheduleConverter implements CommandLine.ITypeConverter<LearningRateSchedule> {
        @Override
        public LearningRateSchedule convert(String value) {
            try {
                return LearningRateSchedule.parse(value.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
