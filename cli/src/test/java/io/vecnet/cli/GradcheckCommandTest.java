package io.vecnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradcheckCommandTest {
    private static final String RESULT = "%-4s worst relative error \\d\\.\\d\\de[-+]\\d\\d  (ok|FAILED)";

    @Test
    void theLinearClassifiersGradientsPass() {
        Cli.Run run = Cli.run("gradcheck", "--model", "linear");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).matches(String.format(RESULT, "W1")), lines.get(0));
        assertTrue(lines.get(1).matches(String.format(RESULT, "b1")), lines.get(1));
        assertEquals("gradient check passed: every relative error is below 0.01", lines.get(2));
    }

    @Test
    void aStepTooCoarseForTheDerivativeFailsWithExitOne() {
        Cli.Run run = Cli.run("gradcheck", "--model", "linear", "--delta", "5");
        assertEquals(VecnetCommand.EXIT_FAILURE, run.exitCode());
        assertTrue(run.out().contains("FAILED"), run.out());
        assertArrayEquals(new String[] {"vecnet gradcheck: gradient check failed for W1, b1: relative error at or above 0.01"},
                run.errLines());
    }

    /**
     * A balanced output bias's gradient sums thousands of float32 terms that cancel; summed in one
     * float32 pass it missed the tolerance on correct backprop (b2 failed at --points 1000).
     */
    @Test
    void manyRowsPassWhereTheOutputBiasGradientCancels() {
        for (String[] options : List.of(new String[] {"--points", "1000"}, new String[] {"--points", "1000", "--seed", "4"},
                new String[] {"--points", "50", "--activation", "tanh", "--seed", "2"})) {
            List<String> arguments = new ArrayList<>(List.of("gradcheck"));
            arguments.addAll(List.of(options));
            Cli.Run run = Cli.run(arguments.toArray(String[]::new));
            assertEquals(0, run.exitCode(), String.join(" ", options) + ": " + run.out() + run.err());
        }
    }

    @Test
    void aReluFailureMentionsTheKink() {
        Cli.Run run = Cli.run("gradcheck", "--delta", "0.5");
        assertEquals(VecnetCommand.EXIT_FAILURE, run.exitCode());
        assertTrue(run.err().endsWith("; with relu, a unit crossing 0 within the step does this too: try a smaller "
                + "--delta or fewer --points\n"), run.err());
    }

    @Test
    void theNetsGradientsPassAtTheCaseStudysInitialisation() {
        Cli.Run run = Cli.run("gradcheck", "--model", "net");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        List<String> lines = run.out().lines().toList();
        String[] names = {"W1", "b1", "W2", "b2"};
        for (int i = 0; i < names.length; i++) {
            assertTrue(lines.get(i).matches(String.format(RESULT, names[i])), lines.get(i));
            assertTrue(lines.get(i).endsWith("ok"), lines.get(i));
        }
        assertEquals("gradient check passed: every relative error is below 0.01", lines.get(4));
    }

    @Test
    void everyLayerOfADeeperNetPassesForEveryActivation() {
        for (String activation : List.of("relu", "leaky-relu", "tanh", "sigmoid")) {
            Cli.Run run = Cli.run("gradcheck", "--hidden", "5,4", "--activation", activation);
            assertEquals(0, run.exitCode(), activation + ": " + run.out() + run.err());
            List<String> lines = run.out().lines().toList();
            String[] names = {"W1", "b1", "W2", "b2", "W3", "b3"};
            for (int i = 0; i < names.length; i++) {
                assertTrue(lines.get(i).matches(String.format(RESULT, names[i])), lines.get(i));
            }
            assertEquals("gradient check passed: every relative error is below 0.01", lines.get(6));
        }
    }

    @Test
    void theLinearModelTakesNoHiddenWidths() {
        Cli.Run run = Cli.run("gradcheck", "--model", "linear", "--hidden", "5");
        assertEquals(VecnetCommand.EXIT_USAGE, run.exitCode());
        assertTrue(run.err().contains("the linear model has none"), run.err());
        Cli.Run trailing = Cli.run("train", "--hidden", "10,");
        assertEquals(VecnetCommand.EXIT_USAGE, trailing.exitCode());
        assertTrue(trailing.err().startsWith("vecnet train: --hidden takes widths separated by commas, with none "
                + "empty, got '10,'"), trailing.err());
        Cli.Run activation = Cli.run("train", "--model", "linear", "--activation", "tanh");
        assertEquals(VecnetCommand.EXIT_USAGE, activation.exitCode());
        assertTrue(activation.err().startsWith("vecnet train: --activation is for the net's hidden layers; the linear "
                + "model has none"), activation.err());
    }
}
