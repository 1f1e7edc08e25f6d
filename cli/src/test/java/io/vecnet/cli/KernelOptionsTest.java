package io.vecnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vecnet.kernels.Backend;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.nn.NetworkSpec;
import org.junit.jupiter.api.Test;

class KernelOptionsTest {
    /** 10 parameters, so that a pass costs 10 multiply-adds a row. */
    private static final NetworkSpec TEN_PARAMETERS = NetworkSpec.linear(4, 2);
    private static final int ROWS_AT_THE_LIMIT = (int) (KernelOptions.SHORT_PASS_MULTIPLY_ADDS / 10);

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
        assertEquals(10, TEN_PARAMETERS.parameterCount());
        assertEquals(Backend.SCALAR, auto.kernelsForPass(TEN_PARAMETERS, 0).backend());
        assertEquals(Backend.SCALAR, auto.kernelsForPass(TEN_PARAMETERS, ROWS_AT_THE_LIMIT - 1).backend());
        assertEquals(autoBackend(), auto.kernelsForPass(TEN_PARAMETERS, ROWS_AT_THE_LIMIT).backend());
    }

    @Test
    void aForcedBackendIsKeptForShortPasses() {
        assertEquals(Backend.SCALAR, forced(Backend.SCALAR).kernelsForPass(TEN_PARAMETERS, Integer.MAX_VALUE).backend());
        if (autoBackend() == Backend.VECTOR) {
            assertEquals(Backend.VECTOR, forced(Backend.VECTOR).kernelsForPass(TEN_PARAMETERS, 1).backend());
        }
    }
}
