package io.vecnet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.kernels.KernelProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark started without {@code --add-modules jdk.incubator.vector} (an executor whose
 * {@code spark.executor.extraJavaOptions} lack it): vecnet trains on its scalar kernels, logs the
 * engine's one warning, and the model works.
 */
class ScalarFallbackForkTest {
    @TempDir
    Path dir;

    @Test
    void withoutTheVectorModuleTrainingRunsOnTheScalarKernelsWithOneWarning() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        Arrays.stream(System.getProperty("vecnet.test.sparkJvmOptions").split("\\s+"))
                .filter(option -> !option.contains("jdk.incubator.vector"))
                .forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ScalarFallbackProbe.class.getName()));
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        Process process = builder.start();
        assertTrue(process.waitFor(150, TimeUnit.SECONDS), "the forked Spark JVM did not finish");
        String stdout = Files.readString(out);
        String stderr = Files.readString(err);
        assertEquals(0, process.exitValue(), stderr);
        assertTrue(stdout.contains("vector module: false"), stdout);
        float accuracy = Float.parseFloat(stdout.substring(stdout.indexOf("accuracy: ") + 10).trim());
        assertTrue(accuracy >= 0.9f, "training accuracy " + accuracy);
        assertEquals(1, occurrences(stderr, KernelProvider.MISSING_MODULE_MESSAGE), stderr);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
