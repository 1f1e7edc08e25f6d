package io.vecnet.bench;

import io.vecnet.kernels.KernelProvider;
import io.vecnet.kernels.Kernels;
import io.vecnet.train.Adam;
import io.vecnet.train.GradientDescent;
import io.vecnet.train.LearningRateSchedule;
import io.vecnet.train.Optimizer;
import io.vecnet.train.Trainer;
import io.vecnet.train.TrainingConfig;
import io.vecnet.train.TrainingListener;
import io.vecnet.train.TrainingResult;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * vecnet's side of {@code bench/compare}: builds one workload, trains it with the kernels
 * {@link KernelProvider#get()} picks, prints the loss lines as the course's code does, then the
 * training loop's wall time on the line {@code loop seconds: S}. With {@code --warm-seconds S} it
 * first trains the workload for S seconds, so the timed run is warm.
 */
public final class CompareMain {

    /** The workloads of {@code bench/compare}; {@code bench/casestudy_numpy.py} defines the same ones. */
    enum Workload {
        SEED_NET("seed-net", CaseStudy.NET_RUN, CaseStudy.STEP),
        LINEAR("linear", CaseStudy.LINEAR_RUN, CaseStudy.STEP),
        BIG_SPIRAL("big-spiral", new TrainingConfig(1e-3f, 1_000, 1_000), CaseStudy.STEP),
        MNIST_SHAPED("mnist-shaped", new TrainingConfig(1e-3f, 10, 1_000), CaseStudy.STEP),
        DEEP_FULL("deep-full", new TrainingConfig(1e-3f, 10, 1_000), 0.1f),
        DEEP_BATCH("deep-batch", new TrainingConfig(1e-3f, 200, 1_000), 0.1f),
        ADAM_EPOCH("adam-epoch", new TrainingConfig(1e-3f, TrainingConfig.UNLIMITED, 1, 128, 1, CaseStudy.SEED,
                LearningRateSchedule.CONSTANT, 0), 1e-3f);

        final String label;
        final TrainingConfig config;
        final float step;

        Workload(String label, TrainingConfig config, float step) {
            this.label = label;
            this.config = config;
            this.step = step;
        }

        /** A fresh data set and model for this workload. */
        CaseStudy.Problem build() {
            return switch (this) {
                case SEED_NET -> CaseStudy.seedNet();
                case LINEAR -> CaseStudy.seedLinear();
                case BIG_SPIRAL -> CaseStudy.spiralNet(10_000, CaseStudy.HIDDEN);
                case MNIST_SHAPED -> CaseStudy.randomNet(60_000, 784, 10, 256);
                case DEEP_FULL -> CaseStudy.randomNet(60_000, 784, 10, 256, 128);
                case DEEP_BATCH -> CaseStudy.firstRows(CaseStudy.randomNet(60_000, 784, 10, 256, 128), 256);
                case ADAM_EPOCH -> CaseStudy.randomNet(60_000, 784, 10, 256);
            };
        }

        /** Gradient descent, but Adam for the mini-batch workload. */
        Optimizer optimizer() {
            return this == ADAM_EPOCH ? new Adam(step) : new GradientDescent(step);
        }

        static Workload parse(String label) {
            return Arrays.stream(values()).filter(w -> w.label.equals(label)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown workload '" + label + "' (expected "
                            + Arrays.stream(values()).map(w -> w.label).collect(Collectors.joining(", ")) + ")"));
        }
    }

    private CompareMain() {
    }

    public static void main(String[] args) {
        double warmSeconds = 0;
        if (args.length == 3 && args[0].equals("--warm-seconds")) {
            warmSeconds = seconds(args[1]);
            args = new String[] {args[2]};
        }
        if (args.length != 1 || !(warmSeconds >= 0)) {
            System.err.println("usage: CompareMain [--warm-seconds S] WORKLOAD   (" + Arrays.stream(Workload.values())
                    .map(w -> w.label).collect(Collectors.joining(", ")) + ")");
            System.exit(2);
        }
        Workload workload = Workload.parse(args[0]);
        Kernels kernels = KernelProvider.get();
        CaseStudy.Problem problem = workload.build();
        Trainer trainer = new Trainer(kernels);
        warmUp(trainer, problem, workload, warmSeconds);
        TrainingResult result = trainer.train(problem.model(), problem.data(), workload.config,
                workload.optimizer(), lossLines(System.out));
        System.out.printf(Locale.ROOT, "kernels: %s%n", kernels.description());
        System.out.printf(Locale.ROOT, "final loss: %f%n", result.finalLoss());
        System.out.printf(Locale.ROOT, "loop seconds: %.6f%n", result.seconds());
    }

    /** The number of seconds in {@code text}, or NaN when it is not one. */
    private static double seconds(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Prints the loss lines the course's code prints. */
    private static TrainingListener lossLines(PrintStream out) {
        return progress -> out.printf(Locale.ROOT, "iteration %d: loss %f%n", progress.iteration(), progress.loss());
    }

    /**
     * Trains the workload whole, again and again, until {@code seconds} have passed, so that the timed
     * run that follows finds the kernels compiled, then collects the warm-up's garbage so that the
     * timed run does not pay for it. Training leaves the model as it was, so the timed run starts
     * from the same weights and ends at the same loss. The warm-up formats the same loss lines into a
     * discarding stream: with none, the timed run's first line loaded and ran the formatter cold, about
     * 20 ms of a 0.45 s deep-batch loop.
     */
    private static void warmUp(Trainer trainer, CaseStudy.Problem problem, Workload workload, double seconds) {
        if (seconds == 0) {
            return;
        }
        TrainingListener discarded = lossLines(new PrintStream(OutputStream.nullOutputStream()));
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            trainer.train(problem.model(), problem.data(), null, workload.config, workload.optimizer(), discarded);
        }
        System.gc();
    }
}
