package io.vecnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.kernels.KernelProvider;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick start as a modular application: {@code java --module-path ENGINE:EXAMPLES --add-modules
 * jdk.incubator.vector -m io.vecnet.examples/io.vecnet.examples.QuickStart}. In the full build the engine
 * is its packaged jar, so this also checks the jar's module descriptor. (The engine's ModulePathForkTest
 * covers the module path without the Vector API.)
 */
class ModulePathRunTest {

    private static String locationOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static List<String> runQuickStart(Path dir, String... jvmOptions) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("--module-path", locationOf(KernelProvider.class) + File.pathSeparator
                + locationOf(QuickStart.class), "-m", "io.vecnet.examples/io.vecnet.examples.QuickStart", dir.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the module-path run hung");
        assertEquals(0, process.exitValue(), out);
        return out.lines().toList();
    }

    @Test
    void theQuickStartRunsOnTheModulePathWithTheVectorKernels(@TempDir Path dir) throws Exception {
        List<String> out = runQuickStart(dir, "--add-modules", "jdk.incubator.vector", "-XX:+UseSerialGC");
        assertEquals("WARNING: Using incubator modules: jdk.incubator.vector", out.get(0), "the JVM's own notice");
        assertTrue(out.get(1).startsWith("kernels: vector ("), out.get(1));
        assertTrue(out.get(out.size() - 1).startsWith("loaded "), out.get(out.size() - 1));
    }
}
