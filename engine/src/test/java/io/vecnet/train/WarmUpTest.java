package io.vecnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.kernels.Backend;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.kernels.Kernels;
import org.junit.jupiter.api.Test;

class WarmUpTest {
    /** The warm-up shares the kernels' instances with the caller; it must leave nothing behind in them. */
    @Test
    void aWarmUpRunningBesideTrainingChangesNoResult() throws InterruptedException {
        Kernels vector = KernelProvider.select(Backend.VECTOR, 1);
        float[] alone = CaseStudyRun.linear(2, vector).model().parameters();
        Thread warmUp = new Thread(() -> {
            WarmUp.run(WarmUp.Route.LAYERS);
            WarmUp.run(WarmUp.Route.FUSED_PASS);
        });
        warmUp.start();
        float[] beside = CaseStudyRun.linear(2, vector).model().parameters();
        warmUp.join();
        for (WarmUp.Route route : WarmUp.Route.values()) {
            WarmUp.run(route);
        }
        assertArrayEquals(alone, beside);
        assertArrayEquals(alone, CaseStudyRun.linear(2, vector).model().parameters());
        assertArrayEquals(CaseStudyRun.net(3, vector).model().parameters(),
                CaseStudyRun.net(3, KernelProvider.select(Backend.SCALAR)).model().parameters());
    }

    @Test
    void startsADaemonThreadWhereTheVectorModuleIs() throws InterruptedException {
        assertTrue(KernelProvider.vectorAvailable(), "the engine's tests run with the vector module");
        Thread thread = WarmUp.startInBackground(WarmUp.Route.FUSED_PASS).orElseThrow();
        assertTrue(thread.isDaemon());
        thread.join();
    }
}
