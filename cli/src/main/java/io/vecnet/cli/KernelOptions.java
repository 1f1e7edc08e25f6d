package io.vecnet.cli;

import io.vecnet.kernels.Backend;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.kernels.Kernels;
import io.vecnet.nn.NetworkSpec;
import io.vecnet.train.Trainer;
import io.vecnet.train.TrainingConfig;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --kernels} and {@code --threads}, mixed into every command that computes. */
final class KernelOptions {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--kernels", description = "Kernel backend: auto (vector where the JVM has the module; scalar "
            + "for a run or pass too short to repay compiling the vector ones), vector or scalar.",
            converter = BackendConverter.class)
    Backend backend = Backend.AUTO;

    @Option(names = "--threads", description = "Threads for large matrix work (default: the available cores). "
            + "Results are the same for any thread count.")
    Integer threads;

    /**
     * Below these many multiply-adds a training run ends before C2 has compiled the vector kernels,
     * which until then run interpreted, far slower than the plain Java ones. Measured here as cold
     * processes through the launcher, after the scalar matmul's tiling (bench/README.md). The case
     * study's fused pass compiles soonest: its net trained 1,000 iterations (543 million) in 0.30 to
     * 0.36 s on the scalar kernels against 0.31 to 0.46 s on the vector ones, 3,000 in 0.72 to
     * 0.94 s against 0.29 to 0.31 s. Runs through the layers one by one wait longer: 784 -> 100 -> 10
     * on 1,800 rows for 10 epochs (4.3 billion) took 1.06 to 1.19 s against 1.02 to 1.35 s, for 16
     * epochs (6.9 billion) 1.78 s against 1.16 to 1.46 s.
     */
    static final long SHORT_FUSED_RUN_MULTIPLY_ADDS = 500_000_000L;
    static final long SHORT_RUN_MULTIPLY_ADDS = 4_000_000_000L;

    /**
     * The same for one pass over a data set (the accuracy after training, predictions), where only
     * the forward kernels compile: predicting 784 -> 256 -> 10 as a cold process took 1.15 to 1.34 s
     * on the scalar kernels against 1.55 to 1.61 s for 2,000 rows (407 million), 2.28 to 2.33 s
     * against 1.88 to 2.18 s for 5,000 rows (1 billion).
     */
    static final long SHORT_PASS_MULTIPLY_ADDS = 700_000_000L;

    Kernels kernels() {
        return KernelProvider.select(backend, threadCount());
    }

    /** Kernels for one training run, and whether they are the scalar ones because the run is short. */
    record RunKernels(Kernels kernels, boolean shortRun) {
    }

    /**
     * The kernels for training {@code spec} with {@code config} on {@code rows} rows, at most
     * {@code multiplyAdds} multiply-adds: with {@code --kernels} auto, the scalar ones for a run too
     * short to repay compiling the vector ones; else as {@link #kernels()}.
     */
    RunKernels kernelsForRun(NetworkSpec spec, TrainingConfig config, int rows, long multiplyAdds) {
        Kernels chosen = kernels();
        long limit = new Trainer(chosen).usesFusedPass(spec, config, rows) ? SHORT_FUSED_RUN_MULTIPLY_ADDS
                : SHORT_RUN_MULTIPLY_ADDS;
        return tooShortForVector(chosen, multiplyAdds, limit)
                ? new RunKernels(KernelProvider.select(Backend.SCALAR), true) : new RunKernels(chosen, false);
    }

    /**
     * The kernels for one pass of {@code rows} rows through {@code spec} (rows x parameters
     * multiply-adds): with {@code --kernels} auto, the scalar ones for a pass too short to repay
     * compiling the vector ones; else as {@link #kernels()}.
     */
    Kernels kernelsForPass(NetworkSpec spec, int rows) {
        Kernels chosen = kernels();
        return tooShortForVector(chosen, (long) rows * spec.parameterCount(), SHORT_PASS_MULTIPLY_ADDS)
                ? KernelProvider.select(Backend.SCALAR) : chosen;
    }

    /** Whether {@code --kernels} auto chose the vector kernels for work below {@code limit} multiply-adds. */
    private boolean tooShortForVector(Kernels chosen, long multiplyAdds, long limit) {
        return backend == Backend.AUTO && chosen.backend() == Backend.VECTOR && multiplyAdds < limit;
    }

    private int threadCount() {
        int count = threads != null ? threads : KernelProvider.defaultThreads();
        if (count < 1 || count > 1024) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be 1 to 1024, got " + count);
        }
        return count;
    }
}
