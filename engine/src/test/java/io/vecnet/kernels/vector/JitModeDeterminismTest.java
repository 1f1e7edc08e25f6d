package io.vecnet.kernels.vector;

import static io.vecnet.testing.ForkedJvm.VECTOR_MODULE_OPTION;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vecnet.testing.ForkedJvm;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The README's determinism claim, across JVMs: an interpreted-only JVM (-Xint) and a default JVM that
 * has warmed the kernels up into compiled code print the same bits for every kernel and for a training run.
 */
class JitModeDeterminismTest {

    private static CompletableFuture<ForkedJvm.Result> probe(List<String> options, int warmUp) {
        return CompletableFuture.supplyAsync(() -> ForkedJvm.run(options, DeterminismProbe.class,
                String.valueOf(warmUp), "vector", "scalar"));
    }

    @Test
    void interpretedAndCompiledRunsPrintIdenticalBitsForBothBackends() {
        CompletableFuture<ForkedJvm.Result> interpreted = probe(List.of(VECTOR_MODULE_OPTION, "-Xint"), 0);
        CompletableFuture<ForkedJvm.Result> compiled = probe(List.of(VECTOR_MODULE_OPTION), 5_000);
        ForkedJvm.Result xint = interpreted.join();
        ForkedJvm.Result c2 = compiled.join();
        assertEquals(0, xint.exitCode(), xint.stderr());
        assertEquals(0, c2.exitCode(), c2.stderr());
        List<String> xintLines = xint.stdoutLines();
        List<String> c2Lines = c2.stdoutLines();
        // Both backends, with the loss lines and final weights of both training runs.
        assertEquals(2 * DeterminismProbe.trainingLines(), xintLines.stream()
                .filter(line -> line.matches("(vector|scalar) (loss|net|deep) .*")).count());
        for (int i = 0; i < Math.max(xintLines.size(), c2Lines.size()); i++) {
            assertEquals(i < xintLines.size() ? xintLines.get(i) : null, i < c2Lines.size() ? c2Lines.get(i) : null,
                    "line " + i + " differs between -Xint and compiled code");
        }
    }
}
