package io.vecnet.modulepath;

import static io.vecnet.testing.ForkedJvm.VECTOR_MODULE_OPTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.kernels.KernelProvider;
import io.vecnet.testing.ForkedJvm;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine as the module {@code io.vecnet} on the module path: KernelProvider's reflection still finds
 * the vector kernels, which the module does not export, and falls back to scalar without the Vector API.
 * (Every other test runs the engine on the class path.)
 */
class ModulePathForkTest {

    private static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ForkedJvm.Result probe(String addModules) {
        Path engine = locationOf(KernelProvider.class);
        assertTrue(Files.exists(engine.resolve("module-info.class")) || engine.toString().endsWith(".jar"),
                "the engine's classes, with their module descriptor: " + engine);
        List<String> options = new ArrayList<>(List.of("--module-path", engine.toString(), addModules));
        ForkedJvm.Result result = ForkedJvm.run(options, locationOf(ModuleProbe.class).toString(), ModuleProbe.class);
        assertEquals(0, result.exitCode(), "probe failed: " + result.stderr());
        return result;
    }

    @Test
    void onTheModulePathWithTheVectorModuleTheVectorKernelsLoad() {
        ForkedJvm.Result result = probe("--add-modules=io.vecnet," + VECTOR_MODULE_OPTION.substring("--add-modules=".length()));
        assertEquals(List.of("module=io.vecnet", "exports io.vecnet.nn=true", "exports io.vecnet.kernels.vector=false",
                "exports io.vecnet.internal=false",
                "reads jdk.incubator.vector=true", "backend=vector", "kernels module=io.vecnet", "1*3+2*4=11.0",
                "outside access=refused"), result.stdoutLines());
        assertFalse(result.stderr().contains(KernelProvider.MISSING_MODULE_MESSAGE), result.stderr());
    }

    @Test
    void onTheModulePathWithoutTheVectorModuleTheScalarKernelsRunAndTheWarningIsLogged() {
        ForkedJvm.Result result = probe("--add-modules=io.vecnet");
        assertEquals(List.of("module=io.vecnet", "exports io.vecnet.nn=true", "exports io.vecnet.kernels.vector=false",
                "exports io.vecnet.internal=false",
                "reads jdk.incubator.vector=false", "backend=scalar", "kernels module=io.vecnet", "1*3+2*4=11.0",
                "outside access=cannot link without the Vector API"), result.stdoutLines());
        assertTrue(result.stderr().contains(KernelProvider.MISSING_MODULE_MESSAGE), result.stderr());
    }
}
