package io.vecnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vecnet.kernels.Backend;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.kernels.Kernels;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Each optimiser against its rule written out in float64, on both backends, over several steps. */
class OptimizerTest {
    private static final int LENGTH = 37;
    private static final int STEPS = 5;

    private static float[][] gradients() {
        SplittableRandom random = new SplittableRandom(3);
        float[][] g = new float[STEPS][LENGTH];
        for (float[] step : g) {
            for (int i = 0; i < LENGTH; i++) {
                step[i] = (float) random.nextGaussian();
            }
        }
        return g;
    }

    private static float[] start() {
        float[] theta = new float[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            theta[i] = (i - LENGTH / 2) * 0.1f;
        }
        return theta;
    }

    private static float[] run(Optimizer optimizer, Kernels kernels) {
        float[] theta = start();
        for (float[] g : gradients()) {
            optimizer.step(theta, g.clone(), kernels);
        }
        return theta;
    }

    private static void assertClose(double[] expected, float[] actual) {
        for (int i = 0; i < LENGTH; i++) {
            assertEquals(expected[i], actual[i], 1e-5 * Math.max(1, Math.abs(expected[i])), "parameter " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"SCALAR", "VECTOR"})
    void sgdWithMomentumFollowsPyTorchsRule(Backend backend) {
        for (boolean nesterov : List.of(false, true)) {
            double[] theta = toDouble(start());
            double[] v = new double[LENGTH];
            for (float[] g : gradients()) {
                for (int i = 0; i < LENGTH; i++) {
                    v[i] = 0.9 * v[i] + g[i];
                    theta[i] -= 0.05 * (nesterov ? g[i] + 0.9 * v[i] : v[i]);
                }
            }
            assertClose(theta, run(new Sgd(0.05f, 0.9f, nesterov), KernelProvider.select(backend)));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"SCALAR", "VECTOR"})
    void adamAndAdamWFollowPyTorchsRule(Backend backend) {
        for (float decay : new float[] {0f, 0.1f}) {
            double[] theta = toDouble(start());
            double[] m = new double[LENGTH];
            double[] v = new double[LENGTH];
            int t = 0;
            for (float[] g : gradients()) {
                t++;
                for (int i = 0; i < LENGTH; i++) {
                    theta[i] *= 1 - 0.01 * decay;
                    m[i] = 0.9 * m[i] + 0.1 * g[i];
                    v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
                    double mHat = m[i] / (1 - Math.pow(0.9, t));
                    double vHat = v[i] / (1 - Math.pow(0.999, t));
                    theta[i] -= 0.01 * mHat / (Math.sqrt(vHat) + 1e-8);
                }
            }
            Optimizer adam = decay == 0 ? new Adam(0.01f) : Adam.adamW(0.01f, decay);
            assertClose(theta, run(adam, KernelProvider.select(backend)));
        }
    }

    /** The update kernels are element-wise, so both backends give the same bits, at any length. */
    @Test
    void theBackendsGiveTheSameBits() {
        Kernels scalar = KernelProvider.select(Backend.SCALAR);
        Kernels vector = KernelProvider.select(Backend.VECTOR);
        assertArrayEquals(run(new Adam(0.01f), scalar), run(new Adam(0.01f), vector));
        assertArrayEquals(run(Adam.adamW(0.01f, 0.1f), scalar), run(Adam.adamW(0.01f, 0.1f), vector));
        assertArrayEquals(run(new Sgd(0.1f, 0.9f, true), scalar), run(new Sgd(0.1f, 0.9f, true), vector));
        assertArrayEquals(run(new GradientDescent(0.1f), scalar), run(new GradientDescent(0.1f), vector));
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"SCALAR", "VECTOR"})
    void weightsNeverStaySubnormal(Backend backend) {
        float[] theta = {Float.MIN_NORMAL * 0.5f, -Float.MIN_VALUE, Float.MIN_NORMAL, 1e-30f, -0f, 3f};
        new GradientDescent(1f).step(theta, new float[theta.length], KernelProvider.select(backend));
        assertArrayEquals(new float[] {0f, 0f, Float.MIN_NORMAL, 1e-30f, 0f, 3f}, theta);
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1f, 1f, false));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1f, 0f, true));
        assertThrows(IllegalArgumentException.class, () -> new Adam(0.1f, 0.9f, 1f, 1e-8f, 0f));
        assertThrows(IllegalArgumentException.class, () -> new Adam(0.1f, 0.9f, 0.99f, 0f, 0f));
        assertThrows(IllegalArgumentException.class, () -> Adam.adamW(0.1f, -1f));
        assertThrows(IllegalArgumentException.class, () -> new Adam(Float.NaN));
    }

    @Test
    void schedulesMoveTheRateAsDocumented() {
        assertEquals(0.5f, LearningRateSchedule.CONSTANT.rate(0.5f, 99, 100));
        assertEquals(1f, LearningRateSchedule.STEP.rate(1f, 49, 100));
        assertEquals(0.1f, LearningRateSchedule.STEP.rate(1f, 50, 100));
        assertEquals(0.01f, LearningRateSchedule.STEP.rate(1f, 75, 100));
        assertEquals(1f, LearningRateSchedule.COSINE.rate(1f, 0, 100));
        assertEquals(0.5f, LearningRateSchedule.COSINE.rate(1f, 50, 100), 1e-6f);
        assertEquals(LearningRateSchedule.COSINE, LearningRateSchedule.parse("Cosine"));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.parse("linear"));
    }

    private static double[] toDouble(float[] values) {
        double[] wide = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            wide[i] = values[i];
        }
        return wide;
    }
}
