package io.vecnet.cli;

import io.vecnet.kernels.KernelProvider;
import io.vecnet.kernels.Kernels;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vecnet info}: what this JVM and machine give the kernels. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show the JDK, the kernel backend with its vector width, and the cores.")
final class InfoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Kernels kernels = KernelProvider.get();
        out.printf("JDK:            %s (%s), %s%n", Runtime.version(), System.getProperty("java.vendor"),
                System.getProperty("java.home"));
        out.printf("vector module:  %s%n", KernelProvider.vectorAvailable()
                ? KernelProvider.VECTOR_MODULE + " enabled" : "missing (start java with --add-modules "
                + KernelProvider.VECTOR_MODULE + ")");
        out.printf("kernels:        %s%n", kernels.description());
        out.printf("cores:          %d%n", Runtime.getRuntime().availableProcessors());
        out.printf("max heap:       %d MiB%n", Runtime.getRuntime().maxMemory() >> 20);
        out.flush();
        return 0;
    }
}
