package io.vecnet.cli;

import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.data.Spiral;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The spiral's size and seed, for the commands that generate it as {@code vecnet train} does. */
final class SpiralOptions {
    private static final long MAX_POINTS = 50_000_000;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--points", description = "Spiral points per class.")
    int points = Spiral.POINTS_PER_CLASS;

    @Option(names = "--classes", description = "Spiral arms (classes).")
    int classes = Spiral.CLASSES;

    @Option(names = "--seed", description = "Seed for the spiral's noise.")
    long seed = 1;

    /** The spiral {@code vecnet train --seed S --points N --classes K} trains on; the generator is left after it. */
    Dataset generate(Rng rng) {
        require(points >= 1, "--points must be at least 1, got " + points);
        require(classes >= 2, "--classes must be at least 2, got " + classes);
        require((long) points * classes <= MAX_POINTS, "--points " + points + " x --classes " + classes
                + " is more than the " + MAX_POINTS + " points a generated spiral may have");
        return Spiral.generate(points, classes, Spiral.NOISE, rng);
    }

    /** Refuses these options for a command reading a file instead: they describe the spiral only. */
    void requireUnused(String instead) {
        for (String option : new String[] {"--points", "--classes", "--seed"}) {
            require(!spec.commandLine().getParseResult().hasMatchedOption(option),
                    option + " describes the generated spiral; it cannot be used with " + instead);
        }
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }
}
