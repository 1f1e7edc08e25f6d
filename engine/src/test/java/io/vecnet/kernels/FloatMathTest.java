package io.vecnet.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The error bounds stated in FloatMath's javadoc, measured against Math.exp/Math.log in double. */
class FloatMathTest {
    private static final double DOCUMENTED_EXP_ULPS = 1.0;
    private static final double DOCUMENTED_LOG_ULPS = 2.0;

    @Test
    void expIsWithinOneUlpOnMinus87To88() {
        Worst worst = new Worst();
        // Every 211th float of the range, plus a dense walk around 0 and both ends.
        sweepBits(-87f, 88f, 211, x -> worst.record(x, FloatMath.exp(x), Math::exp));
        for (float start : new float[] {-87f, -1e-3f, 88f}) {
            float x = start;
            for (int i = 0; i < 20_000 && x <= 88f; i++, x = Math.nextUp(x)) {
                worst.record(x, FloatMath.exp(x), Math::exp);
            }
        }
        assertTrue(worst.ulps <= DOCUMENTED_EXP_ULPS, "exp: measured " + worst);
    }

    @Test
    void logIsWithinTwoUlpOnPositiveNormals() {
        Worst worst = new Worst();
        sweepBits(Float.MIN_NORMAL, Float.MAX_VALUE, 1009, x -> worst.record(x, FloatMath.log(x), Math::log));
        // Near 1 the result is small and every rounding shows; walk it densely from both sides.
        float below = 1f;
        float above = 1f;
        for (int i = 0; i < 100_000; i++, below = Math.nextDown(below), above = Math.nextUp(above)) {
            worst.record(below, FloatMath.log(below), Math::log);
            worst.record(above, FloatMath.log(above), Math::log);
        }
        for (float x : new float[] {Float.MIN_NORMAL, Float.MAX_VALUE, 0.5f, 2f, (float) Math.sqrt(2), (float) Math.E}) {
            worst.record(x, FloatMath.log(x), Math::log);
        }
        assertTrue(worst.ulps <= DOCUMENTED_LOG_ULPS, "log: measured " + worst);
    }

    @Test
    void expOfNaNIsNaN() {
        assertTrue(Float.isNaN(FloatMath.exp(Float.NaN)));
    }

    @ParameterizedTest
    @ValueSource(floats = {Float.NaN, 0f, -0f, -1f, -Float.MIN_VALUE, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY})
    void logOfNaNZeroNegativeOrInfinityIsNaN(float x) {
        assertTrue(Float.isNaN(FloatMath.log(x)), "log(" + x + ") = " + FloatMath.log(x));
    }

    @Test
    void expClampsItsInputSoResultsStayFiniteAndNormal() {
        float smallest = FloatMath.exp(FloatMath.EXP_MIN);
        assertTrue(smallest >= Float.MIN_NORMAL, "exp(EXP_MIN) = " + smallest);
        assertEquals(smallest, FloatMath.exp(-1000f));
        assertEquals(smallest, FloatMath.exp(Float.NEGATIVE_INFINITY));
        float largest = FloatMath.exp(FloatMath.EXP_MAX);
        assertTrue(Float.isFinite(largest), "exp(EXP_MAX) = " + largest);
        assertEquals(largest, FloatMath.exp(Float.POSITIVE_INFINITY));
        assertEquals(1f, FloatMath.exp(0f));
        assertEquals(0f, FloatMath.log(1f));
    }

    /** Calls {@code action} on every {@code stride}-th float from {@code from} to {@code to}, by bit pattern. */
    private static void sweepBits(float from, float to, int stride, FloatConsumer action) {
        if (from < 0) {
            sweepBits(0f, -from, stride, x -> action.accept(-x));
            from = 0f;
        }
        for (int bits = Float.floatToIntBits(from); bits <= Float.floatToIntBits(to) && bits >= 0; bits += stride) {
            action.accept(Float.intBitsToFloat(bits));
        }
        action.accept(to);
    }

    @FunctionalInterface
    private interface FloatConsumer {
        void accept(float x);
    }

    /** The largest error seen, in units of the float ulp of the exact result. */
    private static final class Worst {
        double ulps;
        float input;
        float result;

        void record(float x, float result, DoubleUnaryOperator exact) {
            double reference = exact.applyAsDouble(x);
            double error = Math.abs(result - reference) / Math.ulp((float) reference);
            if (!(error <= ulps)) {
                ulps = Double.isNaN(error) ? Double.POSITIVE_INFINITY : error;
                input = x;
                this.result = result;
            }
        }

        @Override
        public String toString() {
            return ulps + " ulp at x = " + input + " (" + Integer.toHexString(Float.floatToIntBits(input))
                    + "), result " + result;
        }
    }
}
