package io.vecnet.bench;

import io.vecnet.data.Dataset;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.kernels.Kernels;
import io.vecnet.model.Model;
import io.vecnet.train.Trainer;
import io.vecnet.train.TrainingConfig;
import io.vecnet.train.TrainingResult;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * vecnet's side of {@code bench/compare}: builds one workload, trains it with the kernels
 * {@link KernelProvider#get()} picks, prints the loss lines as the course's code does, then the
 * training loop's wall time on the line {@code loop seconds: S}.
 */
public final class CompareMain {

    /** The workloads of {@code bench/compare}; {@code bench/casestudy.py} defines the same ones. */
    enum Workload {
        SEED_NET("seed-net", TrainingConfig.netCaseStudy()),
        LINEAR("linear", TrainingConfig.linearCaseStudy()),
        BIG_SPIRAL("big-spiral", new TrainingConfig(1.0f, 1e-3f, 1_000, 1_000)),
        MNIST_SHAPED("mnist-shaped", new TrainingConfig(1.0f, 1e-3f, 10, 1_000));

        final String label;
        final TrainingConfig config;

        Workload(String label, TrainingConfig config) {
            this.label = label;
            this.config = config;
        }

        /** A fresh data set and model for this workload. */
        Problem build() {
            return switch (this) {
                case SEED_NET -> Problem.of(CaseStudy.seedNet());
                case LINEAR -> {
                    CaseStudy.LinearProblem linear = CaseStudy.seedLinear();
                    yield new Problem(linear.data(), linear.classifier());
                }
                case BIG_SPIRAL -> Problem.of(CaseStudy.spiralNet(10_000, CaseStudy.HIDDEN));
                case MNIST_SHAPED -> Problem.of(CaseStudy.randomNet(60_000, 784, 256, 10));
            };
        }

        static Workload parse(String label) {
            return Arrays.stream(values()).filter(w -> w.label.equals(label)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown workload '" + label + "' (expected "
                            + Arrays.stream(values()).map(w -> w.label).collect(Collectors.joining(", ")) + ")"));
        }
    }

    record Problem(Dataset data, Model model) {
        static Problem of(CaseStudy.NetProblem net) {
            return new Problem(net.data(), net.net());
        }
    }

    private CompareMain() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: CompareMain WORKLOAD   (seed-net, linear, big-spiral or mnist-shaped)");
            System.exit(2);
        }
        Workload workload = Workload.parse(args[0]);
        Kernels kernels = KernelProvider.get();
        Problem problem = workload.build();
        TrainingResult result = new Trainer(kernels).train(problem.model(), problem.data(), workload.config,
                (iteration, loss) -> System.out.printf(Locale.ROOT, "iteration %d: loss %f%n", iteration, loss));
        System.out.printf(Locale.ROOT, "kernels: %s%n", kernels.description());
        System.out.printf(Locale.ROOT, "final loss: %f%n", result.finalLoss());
        System.out.printf(Locale.ROOT, "loop seconds: %.6f%n", result.seconds());
    }
}
