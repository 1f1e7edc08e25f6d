package io.vecnet.cli;

import io.vecnet.kernels.Backend;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.kernels.Kernels;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --kernels} and {@code --threads}, mixed into every command that computes. */
final class KernelOptions {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--kernels", description = "Kernel backend: auto (vector where the JVM has the module; train "
            + "takes scalar for a run too short to repay compiling the vector ones), vector or scalar.",
            converter = BackendConverter.class)
    Backend backend = Backend.AUTO;

    @Option(names = "--threads", description = "Threads for large matrix work (default: the available cores). "
            + "Results are the same for any thread count.")
    Integer threads;

    /**
     * Below this many multiply-adds a training run ends before C2 has compiled the vector kernels,
     * which until then run interpreted, far slower than the plain Java ones. It is the case study's
     * break-even, measured here as cold processes with the launcher's flags: its net trained 300
     * iterations (163 million) in 0.20 s on the scalar kernels against 0.37 s on the vector ones, and
     * 1,000 (543 million) in 0.53 s against 0.38 s; iris and wine (52 and 130 million) took 0.13 to
     * 0.17 s against 0.5 to 0.8 s. The generic path compiles later than the case study's fused pass,
     * so runs on it up to about 1.2 billion (breast cancer: 0.2 s against 0.9 s) would still be faster
     * on the scalar kernels; one limit cannot tell the two apart.
     */
    static final long SHORT_RUN_MULTIPLY_ADDS = 350_000_000L;

    Kernels kernels() {
        return KernelProvider.select(backend, threadCount());
    }

    /**
     * The kernels for a training run of at most {@code multiplyAdds} multiply-adds: the scalar ones
     * for a short run when {@code --kernels} is auto, else as {@link #kernels()}.
     */
    Kernels kernelsForRun(long multiplyAdds) {
        return choosesScalarFor(multiplyAdds) ? KernelProvider.select(Backend.SCALAR, threadCount()) : kernels();
    }

    boolean choosesScalarFor(long multiplyAdds) {
        return backend == Backend.AUTO && multiplyAdds < SHORT_RUN_MULTIPLY_ADDS;
    }

    private int threadCount() {
        int count = threads != null ? threads : KernelProvider.defaultThreads();
        if (count < 1 || count > 1024) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be 1 to 1024, got " + count);
        }
        return count;
    }
}
