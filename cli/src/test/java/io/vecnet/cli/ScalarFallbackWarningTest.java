package io.vecnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.kernels.KernelProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The tool in a JVM started without the Vector API module: the engine logs its fallback warning through
 * System.Logger, and the tool shows it as one plain line on stderr, as it always has.
 */
class ScalarFallbackWarningTest {

    record Result(int exitCode, String out, String err) {
    }

    private static Result vecnetWithoutTheVectorModule(String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), VecnetCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "vecnet " + String.join(" ", args) + " hung");
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void infoShowsTheWarningAsOneLineOnStderr() throws Exception {
        Result result = vecnetWithoutTheVectorModule("info");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(KernelProvider.MISSING_MODULE_WARNING + System.lineSeparator(), result.err());
        assertTrue(result.out().contains("kernels:        scalar"), result.out());
    }

    @Test
    void trainingWarnsOnceAndStillTrains() throws Exception {
        Result result = vecnetWithoutTheVectorModule("train", "--iterations", "200", "--quiet");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(KernelProvider.MISSING_MODULE_WARNING + System.lineSeparator(), result.err());
    }
}
