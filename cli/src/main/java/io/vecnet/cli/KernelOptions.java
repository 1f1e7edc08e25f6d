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

    @Option(names = "--kernels", description = "Kernel backend: auto, vector or scalar.", converter = BackendConverter.class)
    Backend backend = Backend.AUTO;

    @Option(names = "--threads", description = "Threads for large matrix work (default: the available cores). "
            + "Results are the same for any thread count.")
    Integer threads;

    Kernels kernels() {
        int count = threads != null ? threads : KernelProvider.defaultThreads();
        if (count < 1 || count > 1024) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be 1 to 1024, got " + count);
        }
        return KernelProvider.select(backend, count);
    }
}
