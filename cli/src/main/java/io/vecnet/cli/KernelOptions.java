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
     * processes with the launcher's flags. The case study's fused pass compiles soonest: its net
     * trained 300 iterations (163 million) in 0.20 s on the scalar kernels against 0.37 s on the
     * vector ones and 1,000 (543 million) in 0.53 s against 0.38 s, so it breaks even at about 364
     * million. Runs through the layers one by one wait longer: breast cancer (1.2 billion planned)
     * trained in 0.2 s against 0.9 s, digits (6.3 billion) in 1.45 s against 1.2 s.
     */
    static final long SHORT_FUSED_RUN_MULTIPLY_ADDS = 350_000_000L;
    static final long SHORT_RUN_MULTIPLY_ADDS = 2_000_000_000L;

    /**
     * The same for one pass over a data set (the accuracy after training, predictions), where only
     * the forward kernels compile: predicting 2,000 rows of 784 -> 256 -> 10 (406 million) took 1.2 s
     * as a cold process on either backend, 10,000 rows 2.1 s on the vector kernels against 3.4 s.
     */
    static final long SHORT_PASS_MULTIPLY_ADDS = 300_000_000L;

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
