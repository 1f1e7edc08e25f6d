package io.vecnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import io.vecnet.train.WarmUp;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The commands of the case-study issue: train with its defaults, help, version, info, usage errors. */
class VecnetCommandTest {
    /** Each command warms up the route it is likely to take, and only commands that compute warm up. */
    @Test
    void aMistypedOptionOrCommandNamesTheCloseOnes() {
        Cli.Run option = Cli.run("train", "--dat", "x.csv");
        assertEquals(VecnetCommand.EXIT_USAGE, option.exitCode());
        assertEquals("vecnet train: Unknown options: '--dat', 'x.csv'; did you mean --data? (see 'vecnet train --help')\n",
                option.err());
        Cli.Run command = Cli.run("trian");
        assertTrue(command.err().contains("'trian'; did you mean train?"), command.err());
    }

    @Test
    void warmsUpTheRouteTheCommandTakes() {
        assertEquals(Optional.of(WarmUp.Route.FUSED_PASS), VecnetCommand.warmUpRoute("train", "--quiet"));
        assertEquals(Optional.of(WarmUp.Route.LAYERS), VecnetCommand.warmUpRoute("train", "--data", "x.csv"));
        assertEquals(Optional.of(WarmUp.Route.LAYERS), VecnetCommand.warmUpRoute("train", "--data=x.csv"));
        assertEquals(Optional.of(WarmUp.Route.LAYERS), VecnetCommand.warmUpRoute("predict", "--model", "m"));
        assertEquals(Optional.of(WarmUp.Route.LAYERS), VecnetCommand.warmUpRoute("plot", "--model", "m"));
        assertEquals(Optional.empty(), VecnetCommand.warmUpRoute("info"));
        assertEquals(Optional.empty(), VecnetCommand.warmUpRoute("data", "spiral"));
        assertEquals(Optional.empty(), VecnetCommand.warmUpRoute());
    }

    @Test
    void defaultTrainingPrintsTheCaseStudysLinesTheAccuracyAndASummary() {
        Cli.Run run = Cli.run("train");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(12, lines.size(), run.out());
        String[] iterations = lines.subList(0, 10).stream()
                .map(line -> line.replaceFirst(": loss \\d\\.\\d{6}$", "")).toArray(String[]::new);
        assertArrayEquals(IntStream.range(0, 10).mapToObj(i -> "iteration " + i * 1000).toArray(), iterations);
        assertEquals("iteration 0: loss 1.098590", lines.get(0));
        assertTrue(lines.get(10).matches("training accuracy: 0\\.9\\d"), lines.get(10));
        assertTrue(Pattern.matches(".+ kernels: 10000 iterations in \\d+\\.\\d{3} s \\(\\d+ iterations/s\\)", lines.get(11)),
                lines.get(11));
    }

    @Test
    void theLinearModelReportsEveryTenIterations() {
        Cli.Run run = Cli.run("train", "--model", "linear", "--kernels", "scalar");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(22, lines.size());
        assertTrue(lines.get(19).startsWith("iteration 190: loss "));
        assertTrue(lines.get(20).matches("training accuracy: 0\\.[45]\\d"), lines.get(20));
        assertTrue(lines.get(21).matches("scalar .*kernels: 200 iterations in .+"), lines.get(21));
    }

    @Test
    void quietPrintsOnlyTheAccuracyAndTheSummary() {
        Cli.Run run = Cli.run("train", "--quiet", "--iterations", "50");
        assertEquals(2, run.out().lines().count(), run.out());
    }

    @Test
    void aCommandLineNamingASubcommandBuildsThatOneOnlyAndAnyOtherBuildsAll() {
        List<String> all = List.of("train", "predict", "plot", "data", "gradcheck", "info", "help");
        assertEquals(List.of("predict"), List.copyOf(VecnetCommand.commandLine("predict", "--model", "m").getSubcommands().keySet()));
        assertEquals(all, List.copyOf(VecnetCommand.commandLine().getSubcommands().keySet()));
        assertEquals(all, List.copyOf(VecnetCommand.commandLine("help", "train").getSubcommands().keySet()));
        assertEquals(all, List.copyOf(VecnetCommand.commandLine("trian").getSubcommands().keySet()));
        assertEquals(all, List.copyOf(VecnetCommand.commandLine("--version").getSubcommands().keySet()));
        Cli.Run typo = Cli.run("trian");
        assertEquals(2, typo.exitCode());
        Cli.Run helpTrain = Cli.run("help", "train");
        assertTrue(helpTrain.out().startsWith("Usage: vecnet train "), helpTrain.out());
    }

    @Test
    void helpListsEveryCommand() {
        Cli.Run run = Cli.run("--help");
        assertEquals(0, run.exitCode());
        for (String command : List.of("train", "predict", "plot", "data", "gradcheck", "info", "help")) {
            assertTrue(run.out().contains("  " + command + " "), command + " missing from\n" + run.out());
        }
        Cli.Run trainHelp = Cli.run("train", "--help");
        assertTrue(trainHelp.out().contains("--hidden=WIDTHS") && trainHelp.out().contains("--optimizer=gd|sgd|adam|adamw"),
                trainHelp.out());
    }

    /** picocli formats descriptions with String.format and warns on System.err about a stray '%'. */
    @Test
    void everyCommandsHelpFormatsCleanly() {
        PrintStream stderr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            for (String command : List.of("train", "predict", "plot", "data", "gradcheck", "info")) {
                assertEquals(0, Cli.run(command, "--help").exitCode(), command);
            }
        } finally {
            System.setErr(stderr);
        }
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
    }

    @Test
    void versionNamesVecnetAndTheJdk() {
        Cli.Run run = Cli.run("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("vecnet "), run.out());
        assertTrue(run.out().contains("JDK " + Runtime.version()), run.out());
    }

    @Test
    void infoDescribesTheMachine() {
        Cli.Run run = Cli.run("info");
        assertEquals(0, run.exitCode());
        for (String label : List.of("JDK:", "vector module:", "kernels:", "cores:", "max heap:")) {
            assertTrue(run.out().contains(label), run.out());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "train --iterations -1  | vecnet train: --iterations must be >= 0, got -1 (see 'vecnet train --help')",
        "train --hidden 0       | vecnet train: --hidden widths must be at least 1, got [0] (see 'vecnet train --help')",
        "train --model cnn      | vecnet train: Invalid value for option '--model': expected one of [net, linear] (case-insensitive) but was 'cnn' (see 'vecnet train --help')",
        "train --step fast      | vecnet train: Invalid value for option '--step': 'fast' is not a float (see 'vecnet train --help')",
        "train --lr 1e40        | vecnet train: Invalid value for option '--lr': '1e40' is too large for a float, whose magnitude is at most 3.4028235E38 (see 'vecnet train --help')",
        "train --reg -1e39      | vecnet train: Invalid value for option '--reg': '-1e39' is too large for a float, whose magnitude is at most 3.4028235E38 (see 'vecnet train --help')",
        "train --step 1e-50     | vecnet train: Invalid value for option '--step': '1e-50' is too small for a float, whose smallest magnitude above 0 is 1.4E-45 (see 'vecnet train --help')",
        "train --validation 1e400 | vecnet train: Invalid value for option '--validation': '1e400' is too large for a double, whose magnitude is at most 1.7976931348623157E308 (see 'vecnet train --help')",
        "gradcheck --reg 1e40   | vecnet gradcheck: Invalid value for option '--reg': '1e40' is too large for a float, whose magnitude is at most 3.4028235E38 (see 'vecnet gradcheck --help')",
        "train --hidden many    | vecnet train: Invalid value for option '--hidden' (WIDTHS): 'many' is not an int (see 'vecnet train --help')",
        "train --classes 1      | vecnet train: --classes must be at least 2, got 1 (see 'vecnet train --help')",
        "train --data x.csv --points 5 | vecnet train: --points sizes the spiral; it cannot be used with --data (see 'vecnet train --help')",
        "train --kernels gpu    | vecnet train: Invalid value for option '--kernels': unknown kernel backend 'gpu' (expected auto, vector or scalar) (see 'vecnet train --help')",
        "train --iterations 0 --plot x.png | vecnet train: --plot draws the loss of each iteration; it needs --iterations of at least 1 (see 'vecnet train --help')",
        "frobnicate             | vecnet: Unmatched argument at index 0: 'frobnicate' (see 'vecnet --help')",
        "data                   | vecnet data: name a generator: spiral (see 'vecnet data --help')",
        "predict --data x.csv   | vecnet predict: Missing required option: '--model=FILE' (see 'vecnet predict --help')",
    })
    void usageErrorsExitWithTwoAndOneLine(String args, String message) {
        Cli.Run run = Cli.run(args.strip().split(" +"));
        assertEquals(VecnetCommand.EXIT_USAGE, run.exitCode(), run.err());
        assertArrayEquals(new String[] {message}, run.errLines());
        assertEquals("", run.out());
    }
}
