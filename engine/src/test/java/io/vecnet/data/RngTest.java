package io.vecnet.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RngTest {

    @Test
    void sameSeedGivesTheSameSequenceOfEveryKind() {
        Rng a = new Rng(42);
        Rng b = new Rng(42);
        for (int i = 0; i < 1000; i++) {
            assertEquals(a.nextLong(), b.nextLong());
            assertEquals(a.nextDouble(), b.nextDouble());
            assertEquals(a.nextGaussian(), b.nextGaussian());
        }
        float[] x = new float[101];
        float[] y = new float[101];
        a.fillGaussian(x, 0.5f);
        b.fillGaussian(y, 0.5f);
        assertArrayEquals(x, y);
    }

    @Test
    void differentSeedsGiveDifferentSequences() {
        assertNotEquals(new Rng(1).nextLong(), new Rng(2).nextLong());
    }

    @Test
    void sequenceIsSplitMix64() {
        // The published SplitMix64 outputs for seed 0: the sequence must not depend on the JDK.
        Rng rng = new Rng(0);
        assertEquals(0xE220A8397B1DCDAFL, rng.nextLong());
        assertEquals(0x6E789E6AA1B965F4L, rng.nextLong());
        assertEquals(0x06C45D188009454FL, rng.nextLong());
    }

    @Test
    void uniformDrawsLieInTheUnitInterval() {
        Rng rng = new Rng(3);
        double sum = 0;
        for (int i = 0; i < 100_000; i++) {
            double u = rng.nextDouble();
            assertTrue(u >= 0 && u < 1, "draw " + u);
            sum += u;
        }
        assertEquals(0.5, sum / 100_000, 0.01);
    }

    @Test
    void gaussianDrawsHaveMeanZeroAndUnitVariance() {
        Rng rng = new Rng(4);
        int n = 200_000;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double g = rng.nextGaussian();
            sum += g;
            squares += g * g;
        }
        assertEquals(0, sum / n, 0.01);
        assertEquals(1, squares / n, 0.02);
    }

    @Test
    void fillGaussianScalesTheDraws() {
        float[] values = new float[4];
        new Rng(9).fillGaussian(values, 0.01f);
        Rng rng = new Rng(9);
        for (float v : values) {
            assertEquals((float) (0.01f * rng.nextGaussian()), v);
        }
    }
}
