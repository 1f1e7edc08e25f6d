package io.vecnet.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The error bounds stated in FloatMath's javadoc, measured against Math.exp/log/tanh in double. */
class FloatMathTest {
    private static final double DOCUMENTED_EXP_ULPS = 1.0;
    private static final double DOCUMENTED_LOG_ULPS = 2.0;
    private static final double DOCUMENTED_TANH_ABSOLUTE = 9e-8;
    /** From |x| = 0.5 on; below, tanh x ≈ x but comes from 1 - e^-2|x|, which loses the low bits. */
    private static final double DOCUMENTED_TANH_ULPS = 2.5;
    private static final double DOCUMENTED_SIGMOID_ABSOLUTE = 9e-8;
    /** Where the exact result is a normal float (x above about -87.3). */
    private static final double DOCUMENTED_SIGMOID_ULPS = 2.5;

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
    void tanhIsWithin9e8AbsolutelyAnd2Point5UlpFromOneHalf() {
        Worst worst = new Worst();
        Worst fromOneHalf = new Worst();
        FloatConsumer check = x -> {
            worst.record(x, FloatMath.tanh(x), Math::tanh);
            if (Math.abs(x) >= 0.5f) {
                fromOneHalf.record(x, FloatMath.tanh(x), Math::tanh);
            }
        };
        sweepBits(-Float.MAX_VALUE, Float.MAX_VALUE, 97, check);
        // The worst absolute and ulp errors of an exhaustive search over every float, and both ends of the ulp bound.
        walkAround(1.250173f, check);
        walkAround(0.5344221f, check);
        walkAround(0.5f, check);
        walkAround(-0.5f, check);
        assertTrue(worst.absolute <= DOCUMENTED_TANH_ABSOLUTE, "tanh: measured " + worst);
        assertTrue(fromOneHalf.ulps <= DOCUMENTED_TANH_ULPS, "tanh from |x| = 0.5: measured " + fromOneHalf);
    }

    @Test
    void sigmoidIsWithin9e8AbsolutelyAnd2Point5UlpWhereTheResultIsNormal() {
        DoubleUnaryOperator logistic = x -> 1 / (1 + Math.exp(-x));
        Worst worst = new Worst();
        Worst normal = new Worst();
        FloatConsumer check = x -> {
            worst.record(x, FloatMath.sigmoid(x), logistic);
            if (logistic.applyAsDouble(x) >= Float.MIN_NORMAL) {
                normal.record(x, FloatMath.sigmoid(x), logistic);
            }
        };
        sweepBits(-Float.MAX_VALUE, Float.MAX_VALUE, 97, check);
        // The worst absolute and ulp errors of an exhaustive search over every float, and the exp clamp.
        walkAround(7.859211f, check);
        walkAround(-4.157294f, check);
        walkAround(FloatMath.EXP_MIN, check);
        assertTrue(worst.absolute <= DOCUMENTED_SIGMOID_ABSOLUTE, "sigmoid: measured " + worst);
        assertTrue(normal.ulps <= DOCUMENTED_SIGMOID_ULPS, "sigmoid where the result is normal: measured " + normal);
    }

    @Test
    void tanhAndSigmoidOfSpecialValues() {
        assertTrue(Float.isNaN(FloatMath.tanh(Float.NaN)) && Float.isNaN(FloatMath.sigmoid(Float.NaN)));
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(FloatMath.tanh(-0f)), "tanh(-0) = -0");
        assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(FloatMath.tanh(0f)), "tanh(0) = 0");
        assertEquals(1f, FloatMath.tanh(Float.POSITIVE_INFINITY));
        assertEquals(-1f, FloatMath.tanh(Float.NEGATIVE_INFINITY));
        assertEquals(0.5f, FloatMath.sigmoid(0f));
        assertEquals(0.5f, FloatMath.sigmoid(-0f));
        assertEquals(1f, FloatMath.sigmoid(Float.POSITIVE_INFINITY));
        float smallest = FloatMath.sigmoid(Float.NEGATIVE_INFINITY);
        assertTrue(smallest > 0f && smallest == FloatMath.sigmoid(-1000f), "sigmoid(-inf) = " + smallest);
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

    /** Calls {@code action} on the 20,000 floats either side of {@code center}. */
    private static void walkAround(float center, FloatConsumer action) {
        float below = center;
        float above = center;
        for (int i = 0; i < 20_000; i++, below = Math.nextDown(below), above = Math.nextUp(above)) {
            action.accept(below);
            action.accept(above);
        }
    }

    @FunctionalInterface
    private interface FloatConsumer {
        void accept(float x);
    }

    /** The largest error seen, in units of the float ulp of the exact result, and absolutely. */
    private static final class Worst {
        double ulps;
        float input;
        float result;
        double absolute;
        float absoluteInput;

        void record(float x, float result, DoubleUnaryOperator exact) {
            double reference = exact.applyAsDouble(x);
            double error = Math.abs(result - reference);
            double errorUlps = error / Math.ulp((float) reference);
            if (!(errorUlps <= ulps)) {
                ulps = Double.isNaN(errorUlps) ? Double.POSITIVE_INFINITY : errorUlps;
                input = x;
                this.result = result;
            }
            if (!(error <= absolute)) {
                absolute = Double.isNaN(error) ? Double.POSITIVE_INFINITY : error;
                absoluteInput = x;
            }
        }

        @Override
        public String toString() {
            return ulps + " ulp at x = " + input + " (" + Integer.toHexString(Float.floatToIntBits(input))
                    + "), result " + result + "; " + absolute + " absolutely at x = " + absoluteInput;
        }
    }
}
