package io.vecnet.data;

/**
 * A small seeded generator (SplitMix64) with a standard normal draw. Its sequence depends only on
 * the seed, never on the JDK: the normal draw uses the polar method with {@link StrictMath}, so a
 * seed names the same data set and the same initial weights everywhere.
 */
public final class Rng {
    private long state;
    private double spareNormal;
    private boolean hasSpare;

    public Rng(long seed) {
        this.state = seed;
    }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Standard normal (mean 0, variance 1). */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareNormal;
        }
        double u, v, s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double scale = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spareNormal = v * scale;
        hasSpare = true;
        return u * scale;
    }

    /** Fills {@code values} with {@code scale · N(0, 1)} draws. */
    public void fillGaussian(float[] values, float scale) {
        fillGaussian(values, 0, values.length, scale);
    }

    /** Fills {@code values[offset..offset+length)} with {@code scale · N(0, 1)} draws, in order. */
    public void fillGaussian(float[] values, int offset, int length, float scale) {
        for (int i = offset; i < offset + length; i++) {
            values[i] = (float) (scale * nextGaussian());
        }
    }

    /** Uniform in [0, bound), without modulo bias (Lemire's multiply-and-reject). */
    public int nextInt(int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound must be at least 1, got " + bound);
        }
        long threshold = (1L << 32) % bound;
        while (true) {
            long product = (nextLong() >>> 32) * bound;
            if ((product & 0xFFFFFFFFL) >= threshold) {
                return (int) (product >>> 32);
            }
        }
    }

    /** Shuffles {@code values} in place (Fisher-Yates), the same way for the same seed everywhere. */
    public void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
