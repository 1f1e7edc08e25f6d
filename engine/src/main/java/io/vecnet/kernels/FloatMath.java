package io.vecnet.kernels;

/**
 * exp and log for float32 built only from +, ×, fma and bit operations, so that the scalar
 * code and the lane-by-lane Vector API code (which repeats these steps exactly) give the same
 * bits in every JIT tier. {@code Math.exp} would do for the scalar side, but the Vector API's
 * EXP/LOG round differently in interpreted and compiled code, which breaks bit-identical reruns.
 *
 * <p>Error bounds, checked by the tests against {@code Math.exp}/{@code Math.log} in double:
 * {@link #exp} is within 1 ulp for inputs in [-87, 88] (0.92 ulp is the worst seen over every 7th
 * float there); {@link #log} is within 2 ulp for positive normal inputs (1.97 ulp over all of them).
 */
public final class FloatMath {
    /** Inputs below this give about 1.2e-38 rather than a subnormal; softmax never needs less. */
    public static final float EXP_MIN = -87.33654f;
    /** The largest input whose result stays finite after range reduction. */
    public static final float EXP_MAX = 88.0f;
    public static final float LOG2E = 1.44269504f;
    /** ln 2 split so that k · LN2_HI is exact for the k that occur here. */
    public static final float LN2_HI = 0.693359375f;
    public static final float LN2_LO = -2.12194440e-4f;
    /** Adding 1.5 · 2^23 rounds a float of magnitude below 2^22 to an integer. */
    public static final float ROUND_MAGIC = 12582912f;
    // Taylor coefficients of e^r; through r^7 the truncation at |r| = ln2/2 is about 0.1 ulp.
    public static final float E2 = 1f / 2, E3 = 1f / 6, E4 = 1f / 24, E5 = 1f / 120, E6 = 1f / 720, E7 = 1f / 5040;
    public static final float SQRT2 = 1.41421356f;
    // 2·atanh(s) = 2s + s·(2/3·s² + 2/5·s⁴ + 2/7·s⁶ + 2/9·s⁸), |s| <= 0.1716.
    public static final float L3 = 2f / 3, L5 = 2f / 5, L7 = 2f / 7, L9 = 2f / 9;
    public static final float LN2 = 0.6931472f;

    private FloatMath() {
    }

    /** x, or zero where x is subnormal: see {@link Kernels#gradientStep}. */
    public static float flushSubnormal(float x) {
        return Math.abs(x) < Float.MIN_NORMAL ? 0f : x;
    }

    public static float exp(float x) {
        x = Math.min(Math.max(x, EXP_MIN), EXP_MAX);
        float k = Math.fma(x, LOG2E, ROUND_MAGIC) - ROUND_MAGIC;
        float r = Math.fma(k, -LN2_HI, x);
        r = Math.fma(k, -LN2_LO, r);
        float p = Math.fma(r, E7, E6);
        p = Math.fma(p, r, E5);
        p = Math.fma(p, r, E4);
        p = Math.fma(p, r, E3);
        p = Math.fma(p, r, E2);
        p = Math.fma(p, r, 1f);
        p = Math.fma(p, r, 1f);
        return p * Float.intBitsToFloat(((int) k + 127) << 23);
    }

    /** Natural log of a positive normal float; NaN for NaN, zero, negative or infinite input. */
    public static float log(float x) {
        int bits = Float.floatToRawIntBits(x);
        int e = (bits >> 23) - 127;
        float m = Float.intBitsToFloat((bits & 0x007fffff) | 0x3f800000);
        if (m > SQRT2) {
            m *= 0.5f;
            e++;
        }
        float f = m - 1f;
        float s = f / (2f + f);
        float s2 = s * s;
        float q = Math.fma(s2, L9, L7);
        q = Math.fma(q, s2, L5);
        q = Math.fma(q, s2, L3);
        float logM = Math.fma(s * s2, q, 2f * s);
        float log = Math.fma(e, LN2, logM);
        return x > 0f && x < Float.POSITIVE_INFINITY ? log : Float.NaN;
    }

    /**
     * tanh from {@link #exp}: {@code sign(x) · (1 - t) / (1 + t)} with {@code t = e^(-2|x|)}, which never
     * overflows. Within 9e-8 of the true value absolutely (8.95e-8 at worst over every float) and within
     * 2.5 ulp from |x| = 0.5 on. Nearer 0, where tanh x ≈ x, the relative error grows: 1 - t is a
     * multiple of 2^-24, and |x| below 2^-26 gives ±0.
     */
    public static float tanh(float x) {
        float t = exp(-2f * Math.abs(x));
        float magnitude = (1f - t) / (1f + t);
        return Math.copySign(magnitude, x);
    }

    /**
     * The logistic function from {@link #exp}: {@code e / (1 + e)} with {@code e = e^x} below 0, else
     * {@code 1 / (1 + e^-x)}. Within 9e-8 of the true value absolutely (8.93e-8 at worst over every
     * float) and within 2.5 ulp wherever the true value is a normal float.
     */
    public static float sigmoid(float x) {
        float e = exp(-Math.abs(x));
        return x >= 0f ? 1f / (1f + e) : e / (1f + e);
    }
}
