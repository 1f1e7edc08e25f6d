package io.vecnet.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;

/** Float comparisons that say where and by how much two results differ. */
public final class FloatAsserts {
    /** The unit roundoff of float32, 2^-24. */
    public static final double UNIT_ROUNDOFF = 0x1.0p-24;

    private FloatAsserts() {
    }

    /** Bit-for-bit equality of the first {@code length} values (so -0 and NaN payloads count). */
    public static void assertSameBits(float[] expected, float[] actual, int length, String context) {
        for (int i = 0; i < length; i++) {
            if (Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(actual[i])) {
                fail(context + ": first differing bits at index " + i + ": expected " + expected[i] + " ("
                        + Integer.toHexString(Float.floatToRawIntBits(expected[i])) + ") but was " + actual[i] + " ("
                        + Integer.toHexString(Float.floatToRawIntBits(actual[i])) + ")");
            }
        }
    }

    public static void assertSameBits(float[] expected, float[] actual, String context) {
        if (expected.length != actual.length) {
            fail(context + ": lengths differ, " + expected.length + " and " + actual.length);
        }
        assertSameBits(expected, actual, expected.length, context);
    }

    /**
     * Bit-for-bit equality except that any NaN equals any other: Java leaves open which NaN an operation
     * on NaNs returns, and the JIT tiers do not all pick the same one.
     */
    public static void assertSameBitsOrBothNaN(float[] expected, float[] actual, String context) {
        assertSameBits(canonicalNaN(expected), canonicalNaN(actual), context);
    }

    private static float[] canonicalNaN(float[] values) {
        float[] canonical = values.clone();
        for (int i = 0; i < canonical.length; i++) {
            if (Float.isNaN(canonical[i])) {
                canonical[i] = Float.NaN;
            }
        }
        return canonical;
    }

    public static void assertSameBits(float expected, float actual, String context) {
        assertSameBits(new float[] {expected}, new float[] {actual}, 1, context);
    }

    /** |actual[i] - reference[i]| <= tolerance[i] for every i, reporting the worst violation. */
    public static void assertWithin(double[] reference, float[] actual, double[] tolerance, String context) {
        int worst = -1;
        double worstRatio = 1;
        for (int i = 0; i < reference.length; i++) {
            double error = Math.abs(actual[i] - reference[i]);
            if (!(error <= tolerance[i])) {
                double ratio = tolerance[i] == 0 ? Double.POSITIVE_INFINITY : error / tolerance[i];
                if (worst < 0 || ratio > worstRatio || Double.isNaN(error)) {
                    worst = i;
                    worstRatio = ratio;
                }
            }
        }
        if (worst >= 0) {
            fail(context + ": index " + worst + " is " + actual[worst] + ", reference " + reference[worst]
                    + ", error " + Math.abs(actual[worst] - reference[worst]) + " > tolerance " + tolerance[worst]);
        }
    }

    public static void assertWithin(double reference, float actual, double tolerance, String context) {
        assertWithin(new double[] {reference}, new float[] {actual}, new double[] {tolerance}, context);
    }

    /** Uniform values in [-scale, scale), with a few exact zeros mixed in. */
    public static float[] randomFloats(SplittableRandom random, int length, float scale) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = random.nextInt(16) == 0 ? 0f : (float) ((random.nextDouble() * 2 - 1) * scale);
        }
        return values;
    }
}
