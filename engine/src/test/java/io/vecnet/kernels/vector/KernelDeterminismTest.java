package io.vecnet.kernels.vector;

import static io.vecnet.testing.FloatAsserts.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vecnet.kernels.Kernels;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The vector kernels give the same bits on every call, before and after the JIT has compiled them. */
class KernelDeterminismTest {
    private static final int CALLS = 10_000;

    @Test
    void vectorKernelsGiveIdenticalBitsOnEveryCallThroughJitWarmUp() {
        Kernels kernels = new VectorKernels();
        Map<String, float[]> first = DeterminismProbe.kernelOutputs(kernels);
        for (int call = 1; call <= CALLS; call++) {
            Map<String, float[]> again = DeterminismProbe.kernelOutputs(kernels);
            assertEquals(first.keySet(), again.keySet());
            for (Map.Entry<String, float[]> output : first.entrySet()) {
                assertSameBits(output.getValue(), again.get(output.getKey()), output.getKey() + " on call " + call);
            }
        }
    }

    @Test
    void trainingTwiceInOneJvmGivesIdenticalBits() {
        Kernels kernels = new VectorKernels();
        assertEquals(DeterminismProbe.train(kernels, 50), DeterminismProbe.train(kernels, 50));
    }
}
