package io.vecnet.bench;

import io.vecnet.kernels.Backend;
import io.vecnet.kernels.Kernels;
import java.util.Locale;

/**
 * {@code bench/compare}'s deep-batch step (a full-batch step of 256 rows through 784 → 256 → 128 → 10)
 * timed in rounds of 200 steps for as long as asked, one line per round: {@code round R: M ms a step}.
 * A process's speed over its life shows here, and whether it changes when the process moves to
 * another CPU (bench/README.md, "The 256-row step's slow mode belongs to a virtual CPU").
 *
 * <pre>java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar io.vecnet.bench.StepRounds ROUNDS [THREADS]</pre>
 */
public final class StepRounds {
    private static final int STEPS_PER_ROUND = 200;

    private StepRounds() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: StepRounds ROUNDS [THREADS]");
            System.exit(2);
        }
        int rounds = Integer.parseInt(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Kernels kernels = BenchJvm.kernels(Backend.VECTOR, threads);
        CompareMain.Workload workload = CompareMain.Workload.DEEP_BATCH;
        TrainingStep step = new TrainingStep(workload.build(), workload.config.l2(), workload.step, kernels);
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < STEPS_PER_ROUND; i++) {
                step.run();
            }
            double millis = (System.nanoTime() - start) / 1e6 / STEPS_PER_ROUND;
            System.out.printf(Locale.ROOT, "round %d: %.3f ms a step%n", round, millis);
        }
    }
}
