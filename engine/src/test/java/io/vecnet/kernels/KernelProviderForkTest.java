package io.vecnet.kernels;

import static io.vecnet.testing.ForkedJvm.VECTOR_MODULE_OPTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.testing.ForkedJvm;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the backend is chosen in JVMs started with and without the Vector API module. */
class KernelProviderForkTest {

    private static ForkedJvm.Result probe(List<String> options, String... actions) {
        ForkedJvm.Result result = ForkedJvm.run(options, ProviderProbe.class, actions);
        assertEquals(0, result.exitCode(), "probe failed: " + result.stderr());
        return result;
    }

    /** How often the fallback's message reached stderr, where java.util.logging's console writes by default. */
    private static int warnings(String stderr) {
        return stderr.split(java.util.regex.Pattern.quote(KernelProvider.MISSING_MODULE_MESSAGE), -1).length - 1;
    }

    @Test
    void withoutTheModuleAutoUsesScalarAndWarnsExactlyOnce() {
        ForkedJvm.Result result = probe(List.of(), "available", "get", "auto", "get", "auto", "get");
        assertEquals(List.of("available=false", "get=scalar", "auto=scalar", "get=scalar", "auto=scalar", "get=scalar"),
                result.stdoutLines());
        assertEquals(1, warnings(result.stderr()), "stderr was: " + result.stderr());
    }

    @Test
    void theWarningIsLoggedThroughTheSystemLoggerNotPrinted() {
        ForkedJvm.Result result = probe(List.of(), "capture", "get", "auto", "get");
        assertEquals(List.of("capture=on", "log=WARNING " + KernelProvider.MISSING_MODULE_MESSAGE, "get=scalar",
                "auto=scalar", "get=scalar"), result.stdoutLines());
        assertEquals("", result.stderr(), "the engine itself writes nothing to stderr");
    }

    @Test
    void withTheModuleDefaultIsVectorWithoutWarning() {
        ForkedJvm.Result result = probe(List.of(VECTOR_MODULE_OPTION), "available", "get", "auto", "scalar");
        assertEquals(List.of("available=true", "get=vector", "auto=vector", "scalar=scalar"), result.stdoutLines());
        assertEquals(0, warnings(result.stderr()), "stderr was: " + result.stderr());
    }

    @Test
    void scalarPropertyIsHonouredWithTheModulePresent() {
        ForkedJvm.Result result = probe(List.of(VECTOR_MODULE_OPTION, "-Dvecnet.kernels=scalar"), "get", "get", "vector");
        assertEquals(List.of("get=scalar", "get=scalar", "vector=vector"), result.stdoutLines());
        assertEquals(0, warnings(result.stderr()), "stderr was: " + result.stderr());
    }

    @Test
    void vectorPropertyWithoutTheModuleFailsNamingTheMissingFlag() {
        ForkedJvm.Result result = probe(List.of("-Dvecnet.kernels=vector"), "get");
        String line = result.stdoutLines().get(0);
        assertTrue(line.startsWith("get!"), "get() must fail, printed " + line);
        assertTrue(line.contains("--add-modules jdk.incubator.vector"), line);
    }

    @Test
    void selectVectorWithoutTheModuleFailsNamingTheMissingFlag() {
        ForkedJvm.Result result = probe(List.of(), "vector");
        String line = result.stdoutLines().get(0);
        assertTrue(line.startsWith("vector!java.lang.IllegalStateException"), line);
        assertTrue(line.contains("--add-modules jdk.incubator.vector"), line);
        assertFalse(result.stderr().contains(KernelProvider.MISSING_MODULE_MESSAGE),
                "an explicit vector request fails instead of warning: " + result.stderr());
    }

    @Test
    void unknownPropertyValueFailsListingTheChoices() {
        ForkedJvm.Result result = probe(List.of(VECTOR_MODULE_OPTION, "-Dvecnet.kernels=gpu"), "get");
        String line = result.stdoutLines().get(0);
        assertTrue(line.startsWith("get!") && line.contains("'gpu'") && line.contains("auto, vector or scalar"), line);
    }

    @Test
    void explicitScalarWithoutTheModuleDoesNotWarn() {
        ForkedJvm.Result result = probe(List.of(), "scalar", "scalar");
        assertEquals(List.of("scalar=scalar", "scalar=scalar"), result.stdoutLines());
        assertEquals(0, warnings(result.stderr()), "only auto warns; stderr was: " + result.stderr());
    }

    @Test
    void aFailedDefaultLeavesExplicitChoicesWorking() {
        ForkedJvm.Result result = probe(List.of(VECTOR_MODULE_OPTION, "-Dvecnet.kernels=gpu"), "get", "scalar", "vector", "get");
        List<String> lines = result.stdoutLines();
        assertTrue(lines.get(0).startsWith("get!java.lang.IllegalArgumentException: system property vecnet.kernels"),
                lines.get(0));
        assertEquals(List.of("scalar=scalar", "vector=vector"), lines.subList(1, 3));
        assertTrue(lines.get(3).startsWith("get!"), "the property is still wrong: " + lines.get(3));
    }
}
