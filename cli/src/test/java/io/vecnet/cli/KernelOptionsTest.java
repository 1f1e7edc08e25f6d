package io.vecnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vecnet.kernels.Backend;
import io.vecnet.kernels.KernelProvider;
import org.junit.jupiter.api.Test;

class KernelOptionsTest {
    private static KernelOptions forced(Backend backend) {
        KernelOptions options = new KernelOptions();
        options.backend = backend;
        return options;
    }

    /** What auto means on this JVM for work long enough to repay compiling: vector where the module is. */
    private static Backend autoBackend() {
        return KernelProvider.select(Backend.AUTO, 1).backend();
    }

    @Test
    void autoTakesTheScalarKernelsForAPassTooShortToRepayCompilingTheVectorOnes() {
        KernelOptions auto = forced(Backend.AUTO);
        assertEquals(Backend.SCALAR, auto.kernelsForPass(0).backend());
        assertEquals(Backend.SCALAR, auto.kernelsForPass(KernelOptions.SHORT_PASS_MULTIPLY_ADDS - 1).backend());
        assertEquals(autoBackend(), auto.kernelsForPass(KernelOptions.SHORT_PASS_MULTIPLY_ADDS).backend());
    }

    @Test
    void aForcedBackendIsKeptForShortPasses() {
        assertEquals(Backend.SCALAR, forced(Backend.SCALAR).kernelsForPass(Long.MAX_VALUE).backend());
        if (autoBackend() == Backend.VECTOR) {
            assertEquals(Backend.VECTOR, forced(Backend.VECTOR).kernelsForPass(1).backend());
        }
    }
}
