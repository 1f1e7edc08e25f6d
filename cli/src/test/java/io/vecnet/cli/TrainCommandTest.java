package io.vecnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.io.CsvDataset;
import io.vecnet.data.Dataset;
import io.vecnet.kernels.Backend;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.kernels.Kernels;
import io.vecnet.nn.Mlp;
import io.vecnet.io.ModelFile;
import io.vecnet.nn.Activation;
import io.vecnet.nn.NetworkSpec;
import io.vecnet.train.TrainingConfig;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainsOnACsvFileAndSavesAModelThatScoresTheSame() throws IOException {
        Path csv = dir.resolve("spiral.csv");
        assertEquals(0, Cli.run("data", "spiral", "--seed", "4", "--out", csv.toString()).exitCode());
        Path model = dir.resolve("spiral.vnet");
        Cli.Run run = Cli.run("train", "--data", csv.toString(), "--hidden", "30", "--iterations", "1500",
                "--optimizer", "gd", "--batch-size", "full", "--no-standardize", "--validation", "0",
                "--print-every", "500", "--save", model.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("training 2 → 30 relu → 3 (small init) on 300 rows, features as they are; "
                + "gd (lr 1.0), full batch, at most 1500 steps, L2 0.001, no validation\nusing the scalar kernels: "
                + "this run (at most 247.1 million multiply-adds) is too short to gain from the vector ones "
                + "(--kernels vector forces them)\niteration 0: loss 1.09"), run.out());
        assertTrue(run.out().contains("iteration 1000: loss "), run.out());
        assertTrue(run.out().contains("saved the 2 → 30 relu → 3 model to " + model), run.out());

        Mlp loaded = ModelFile.load(model).network();
        assertEquals(30, loaded.spec().hidden().get(0));
        Dataset data = CsvDataset.read(csv);
        Kernels scalar = KernelProvider.select(Backend.SCALAR);
        String accuracy = String.format(Locale.ROOT, "training accuracy: %.2f", loaded.accuracy(data, scalar));
        assertTrue(run.out().contains(accuracy + "\n"), accuracy + " not in\n" + run.out());
        assertTrue(loaded.accuracy(data, scalar) > 0.6f);
    }

    /** A run too short to repay compiling the vector kernels gets the scalar ones, and says so, unless asked. */
    @Test
    void shortRunsTrainOnTheScalarKernelsUnlessTheVectorOnesAreAskedFor() {
        Cli.Run auto = Cli.run("train", "--model", "linear");
        assertEquals(0, auto.exitCode(), auto.err());
        assertTrue(auto.out().startsWith("using the scalar kernels: this run (at most 1.6 million multiply-adds) is too short"),
                auto.out());
        assertTrue(auto.out().contains("\nscalar (plain Java) kernels: 200 iterations in "), auto.out());

        Cli.Run vector = Cli.run("train", "--model", "linear", "--kernels", "vector");
        assertEquals(0, vector.exitCode(), vector.err());
        assertFalse(vector.out().contains("scalar"), vector.out());
        assertTrue(vector.out().contains("\nvector ("), vector.out());

        Cli.Run caseStudy = Cli.run("train", "--quiet", "--iterations", "1000");
        assertTrue(caseStudy.out().contains("\nvector ("), caseStudy.out());
    }

    /** The layers one by one compile later than the case study's fused pass, so they keep scalar longer. */
    @Test
    void theLimitForAShortRunDependsOnWhetherItTakesTheFusedPass() {
        Cli.Run fused = Cli.run("train", "--iterations", "1000");
        assertFalse(fused.out().contains("using the scalar kernels"), fused.out());
        Cli.Run layered = Cli.run("train", "--hidden", "64,32", "--iterations", "500");
        assertTrue(layered.out().startsWith("using the scalar kernels: this run (at most 1,067.0 million "), layered.out());
    }

    @Test
    void theRunsPlannedWorkCountsEveryStepsBatch() {
        NetworkSpec spec = NetworkSpec.of(4, 3, Activation.RELU, 100);
        TrainingConfig fullBatch = new TrainingConfig(1e-3f, 200, 1);
        assertEquals(3L * 200 * 120 * spec.parameterCount(), TrainCommand.plannedMultiplyAdds(spec, fullBatch, 120));
        TrainingConfig batches = fullBatch.withBatches(50, 1).withEpochs(10).withIterations(1_000_000);
        assertEquals(3L * 10 * 3 * 50 * spec.parameterCount(), TrainCommand.plannedMultiplyAdds(spec, batches, 120));
    }

    /** The acceptance line: two hidden layers train on the spiral with no other flag. */
    @Test
    void aDeeperNetTrainsOnTheSpiralWithDefaultFlags() throws IOException {
        Path model = dir.resolve("deep.vnet");
        Cli.Run run = Cli.run("train", "--hidden", "64,32", "--quiet", "--save", model.toString());
        assertEquals(0, run.exitCode(), run.err());
        String accuracy = run.out().lines().filter(l -> l.startsWith("training accuracy: ")).findFirst().orElseThrow();
        assertTrue(Float.parseFloat(accuracy.substring("training accuracy: ".length())) >= 0.97f, run.out());
        assertEquals(NetworkSpec.of(2, 3, Activation.RELU, 64, 32), ModelFile.load(model).network().spec());
    }

    @Test
    void activationAndInitAreChosenByName() throws IOException {
        Path model = dir.resolve("tanh.vnet");
        Cli.Run run = Cli.run("train", "--hidden", "8,8,8", "--activation", "tanh", "--init", "xavier",
                "--iterations", "20", "--quiet", "--save", model.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(NetworkSpec.of(2, 3, Activation.TANH, 8, 8, 8), ModelFile.load(model).network().spec());
        Cli.Run bad = Cli.run("train", "--activation", "softplus");
        assertEquals(VecnetCommand.EXIT_USAGE, bad.exitCode());
        assertTrue(bad.err().contains("unknown activation 'softplus'"), bad.err());
        assertEquals(VecnetCommand.EXIT_USAGE, Cli.run("train", "--hidden", "8,0").exitCode());
        assertEquals(VecnetCommand.EXIT_USAGE, Cli.run("train", "--model", "linear", "--hidden", "8").exitCode());
    }

    @Test
    void givenClassesWidenTheModel() throws IOException {
        Path model = dir.resolve("wide.vnet");
        Cli.Run run = Cli.run("train", "--data", Cli.BAD.resolve("label-out-of-range.csv").toString(),
                "--model", "linear", "--classes", "9", "--optimizer", "gd", "--validation", "0", "--iterations", "5",
                "--save", model.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(9, ModelFile.load(model).network().classes());
    }

    @Test
    void drawsTheLossCurve() throws IOException {
        Path png = dir.resolve("loss.png");
        Cli.Run run = Cli.run("train", "--model", "linear", "--plot", png.toString());
        assertEquals(0, run.exitCode(), run.err());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(800, image.getWidth());
        assertEquals(500, image.getHeight());
    }

    /** The loss curve's format follows --plot's extension; another extension is refused before training. */
    @Test
    void theLossCurvesFormatFollowsTheExtension() throws IOException {
        Path jpeg = dir.resolve("loss.jpg");
        Cli.Run run = Cli.run("train", "--model", "linear", "--quiet", "--plot", jpeg.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(0xFFD8FF, PlotCommandTest.magic(jpeg) >>> 8, "JPEG's start of image");
        assertEquals(800, ImageIO.read(jpeg.toFile()).getWidth());

        Path gif = dir.resolve("loss.gif");
        Path model = dir.resolve("never.vnet");
        Cli.Run refused = Cli.run("train", "--save", model.toString(), "--plot", gif.toString());
        assertEquals(VecnetCommand.EXIT_USAGE, refused.exitCode());
        assertArrayEquals(new String[] {"vecnet train: --plot " + gif + ": cannot write a .gif image; the extension "
                + "picks PNG (.png) or JPEG (.jpg, .jpeg) (see 'vecnet train --help')"}, refused.errLines());
        assertEquals("", refused.out(), "refused before training");
        assertFalse(Files.exists(gif) || Files.exists(model));
    }

    @Test
    void aDivergingRunStopsNamesTheIterationSavesNoModelAndDrawsItsCurve() {
        Path model = dir.resolve("never.vnet");
        Path png = dir.resolve("never.png");
        Cli.Run run = Cli.run("train", "--step", "1e30", "--save", model.toString(), "--plot", png.toString());
        assertEquals(VecnetCommand.EXIT_FAILURE, run.exitCode());
        assertArrayEquals(new String[] {"vecnet train: training diverged: the loss stopped being finite at iteration 1; "
                + "try a smaller --lr than 1.0E30"}, run.errLines());
        assertFalse(Files.exists(model));
        assertTrue(Files.exists(png), "the curve up to the divergence");
    }

    /** An L2 strength that makes most of the starting loss is what the advice names, not the rate. */
    @Test
    void anAbsurdRegIsAdvisedAgainst() {
        Cli.Run diverged = Cli.run("train", "--reg", "1e30", "--iterations", "100", "--quiet");
        assertEquals(VecnetCommand.EXIT_FAILURE, diverged.exitCode());
        assertArrayEquals(new String[] {"vecnet train: training diverged: the loss stopped being finite at iteration 1; "
                + "the L2 term was most of the loss at the start: try a smaller --reg than 1.0E30"}, diverged.errLines());

        Cli.Run stuck = Cli.run("train", "--optimizer", "adam", "--reg", "1e30", "--model", "linear", "--quiet");
        assertTrue(stuck.err().contains(": most of it is the L2 term; try a smaller --reg\n"), stuck.err());
        assertFalse(stuck.err().contains("--lr"), stuck.err());
    }

    /**
     * The spiral's coordinates already lie within [-1, 1], where standardizing leads: a run on it that
     * explodes or learns nothing is advised on its rate, not told to --standardize.
     */
    @Test
    void aFailedRunOnTheSpiralIsNotToldToStandardize() {
        Cli.Run exploded = Cli.run("train", "--model", "linear", "--lr", "1000", "--quiet");
        assertEquals(VecnetCommand.EXIT_FAILURE, exploded.exitCode(), exploded.err());
        assertTrue(exploded.err().endsWith("; try a smaller --lr\n"), exploded.err());
        Cli.Run stuck = Cli.run("train", "--lr", "0.00001", "--iterations", "100", "--quiet");
        assertEquals(VecnetCommand.EXIT_FAILURE, stuck.exitCode(), stuck.err());
        assertTrue(stuck.err().contains("warning: the loss stayed at ln 3 = 1.0986"), stuck.err());
        assertTrue(stuck.err().endsWith("; try more --iterations or a larger --lr\n"), stuck.err());
        assertFalse(exploded.err().contains("--standardize") || stuck.err().contains("--standardize"));
    }

    /** Errors about the learning rate name the option the user typed; --lr and its alias --step are one option. */
    @Test
    void learningRateErrorsNameTheOptionGiven() {
        Cli.Run both = Cli.run("train", "--lr", "0.1", "--step", "0.2");
        assertEquals(VecnetCommand.EXIT_USAGE, both.exitCode());
        assertTrue(both.err().startsWith("vecnet train: --step is --lr under the course's name; give one"), both.err());
        Cli.Run word = Cli.run("train", "--lr", "abc");
        assertTrue(word.err().startsWith("vecnet train: Invalid value for option '--lr'"), word.err());
        Cli.Run negative = Cli.run("train", "--optimizer", "adam", "--lr", "-1");
        assertTrue(negative.err().startsWith("vecnet train: --lr: the learning rate must be a finite number > 0, got "
                + "-1.0"), negative.err());
        assertTrue(Cli.run("train", "--help").out().contains("Default: auto"), "--kernels' default as it is typed");
        Cli.Run beta = Cli.run("train", "--optimizer", "adam", "--beta1", "2");
        assertTrue(beta.err().startsWith("vecnet train: --beta1: beta1 must be at least 0 and below 1, got 2.0"),
                beta.err());
        Cli.Run step = Cli.run("train", "--step", "-1");
        assertTrue(step.err().startsWith("vecnet train: --step: the learning rate must be"), step.err());
    }

    @Test
    void aCountOfOneIsSingular() {
        Cli.Run run = Cli.run("train", "--iterations", "1", "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(" kernels: 1 iteration in "), run.out());
    }

    @Test
    void noStepsAreWarnedOf() {
        Cli.Run run = Cli.run("train", "--iterations", "0", "--quiet");
        assertTrue(run.err().contains("vecnet train: warning: no step was taken (--iterations 0): the model is as "
                + "initialised"), run.err());
    }

    /** --epochs' default with gd is stated, as --iterations' is otherwise: none, the run's length is --iterations'. */
    @Test
    void theEpochsHelpStatesTheDefaultWithGd() {
        String help = Cli.run("train", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("Most passes over the training rows (default: 200; with gd, no limit but "
                + "--iterations)."), help);
    }

    /** After no step, the model is the random start: there is nothing to diagnose, and no --reg or --lr to advise. */
    @Test
    void noStepsGetNoAdviceWithAFileAsOnTheSpiral() throws IOException {
        Path xor = Files.writeString(dir.resolve("xor.csv"), "x,y,label\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n");
        for (Cli.Run run : new Cli.Run[] {Cli.run("train", "--iterations", "0", "--quiet"),
                Cli.run("train", "--data", xor.toString(), "--iterations", "0", "--quiet")}) {
            assertEquals(VecnetCommand.EXIT_FAILURE, run.exitCode(), run.err());
            String[] lines = run.errLines();
            assertEquals("vecnet train: warning: no step was taken (--iterations 0): the model is as initialised",
                    lines[0], run.err());
            assertTrue(lines[1].matches("vecnet train: the model is no better than always answering the most common "
                    + "class \\(training accuracy [0-9.]+, that class's share [0-9.]+\\)"), run.err());
            assertEquals(2, lines.length, run.err());
        }
    }

    /** An optimiser's coefficient given to another optimiser is refused, not ignored. */
    @Test
    void optionsOfAnotherOptimizerAreRefused() {
        Cli.Run momentum = Cli.run("train", "--optimizer", "adam", "--momentum", "0.5");
        assertEquals(VecnetCommand.EXIT_USAGE, momentum.exitCode());
        assertTrue(momentum.err().startsWith("vecnet train: --momentum is for sgd; this run's optimizer is adam (see"),
                momentum.err());
        Cli.Run beta = Cli.run("train", "--beta1", "0.5");
        assertTrue(beta.err().startsWith("vecnet train: --beta1 is for adam and adamw; this run's optimizer is gd (the "
                + "default; --optimizer chooses another)"), beta.err());
        assertEquals(VecnetCommand.EXIT_USAGE, Cli.run("train", "--optimizer", "adam", "--weight-decay", "0.1").exitCode());
        assertEquals(0, Cli.run("train", "--optimizer", "adamw", "--weight-decay", "0.1", "--iterations", "3",
                "--quiet").exitCode());
    }

    @Test
    void absurdSizesAreRefusedBeforeAllocatingNamingTheMemory() {
        Cli.Run run = Cli.run("train", "--hidden", "200000000");
        assertEquals(VecnetCommand.EXIT_FAILURE, run.exitCode());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.err().matches("vecnet train: a 2 → 200000000 relu → 3 network on 300 rows needs about [0-9.]+ [GT]B "
                + "of memory to train, more than the .+ this JVM may use; allow more with VECNET_JAVA_OPTS=-Xmx\\d+g\\n"),
                run.err());
        Cli.Run parameters = Cli.run("train", "--hidden", "2000000000");
        assertEquals(VecnetCommand.EXIT_FAILURE, parameters.exitCode());
        assertTrue(parameters.err().contains("has 12000000003 parameters; at most 2147483639 fit in one array"),
                parameters.err());
        Cli.Run rows = Cli.run("train", "--points", "2000000000", "--classes", "3");
        assertTrue(rows.err().contains("6000000000 rows needs about"), rows.err());
    }

    /** Any model scores 1.0 on one class: the file is refused before training, as bad data, and nothing is saved. */
    @Test
    void aFileWithOneClassIsRefusedBeforeTraining() throws IOException {
        Path model = dir.resolve("one.vnet");
        Path numbered = Files.writeString(dir.resolve("numbered.csv"), "a,b,label\n1,2,0\n3,4,0\n5,6,0\n");
        for (String[] classes : new String[][] {{}, {"--classes", "3"}}) {
            String[] args = {"train", "--data", numbered.toString(), "--save", model.toString()};
            Cli.Run run = Cli.run(concat(args, classes));
            assertEquals(VecnetCommand.EXIT_FAILURE, run.exitCode(), run.err());
            assertEquals("", run.out());
            assertArrayEquals(new String[] {"vecnet train: " + numbered + ": all rows have class 0; a classifier needs "
                    + "at least two classes"}, run.errLines());
        }
        Path named = Files.writeString(dir.resolve("named.csv"), "a,b,label\n1,2,\"new\nline\"\n3,4,\"new\nline\"\n");
        Cli.Run run = Cli.run("train", "--data", named.toString(), "--save", model.toString());
        assertArrayEquals(new String[] {"vecnet train: " + named + ": all rows have class new\\nline; a classifier "
                + "needs at least two classes"}, run.errLines());
        assertFalse(Files.exists(model));
    }

    private static String[] concat(String[] first, String[] second) {
        String[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    @Test
    void anUnwritableOutputIsReportedBeforeTraining() {
        Path orphan = dir.resolve("no-such-directory").resolve("model.vnet");
        Cli.Run run = Cli.run("train", "--save", orphan.toString());
        assertEquals(VecnetCommand.EXIT_FAILURE, run.exitCode());
        assertEquals("", run.out());
        assertArrayEquals(new String[] {"vecnet train: " + orphan + ": directory " + orphan.getParent().toAbsolutePath()
                + " does not exist"}, run.errLines());
    }

    @Test
    void verboseAddsTheStackTrace() {
        Cli.Run run = Cli.run("train", "--data", "no-such.csv", "--verbose");
        assertEquals(VecnetCommand.EXIT_FAILURE, run.exitCode());
        assertEquals("vecnet train: no-such.csv: no such file", run.errLines()[0]);
        assertTrue(run.errLines().length > 3 && run.err().contains("at io.vecnet."), run.err());
    }
}
