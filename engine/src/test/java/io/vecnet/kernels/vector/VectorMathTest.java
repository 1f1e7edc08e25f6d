package io.vecnet.kernels.vector;

import static io.vecnet.kernels.vector.VectorMath.LANES;
import static io.vecnet.kernels.vector.VectorMath.SPECIES;
import static org.junit.jupiter.api.Assertions.fail;

import io.vecnet.kernels.FloatMath;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/** Every lane of VectorMath.exp/log/tanh/sigmoid gives FloatMath's bits (NaN payloads aside). */
class VectorMathTest {
    private static final float[] SPECIAL = {0f, -0f, 1f, -1f, Float.NaN, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE,
            FloatMath.EXP_MIN, FloatMath.EXP_MAX, Math.nextDown(FloatMath.EXP_MIN), Math.nextUp(FloatMath.EXP_MAX),
            -87f, 88f, 0.34657359f, -0.34657359f, (float) Math.sqrt(2), Math.nextUp((float) Math.sqrt(2)), 0.5f, 2f};

    @Test
    void expLanesEqualFloatMathExp() {
        SplittableRandom random = new SplittableRandom(11);
        float[] x = new float[200_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i < SPECIAL.length ? SPECIAL[i] : (float) ((random.nextDouble() * 2 - 1) * (i % 3 == 0 ? 100 : 5));
        }
        assertLanesMatch(x, VectorMath::exp, FloatMath::exp, "exp");
    }

    @Test
    void logLanesEqualFloatMathLogForEveryKindOfInput() {
        SplittableRandom random = new SplittableRandom(12);
        float[] x = new float[200_000];
        for (int i = 0; i < x.length; i++) {
            // Random bit patterns cover negatives, subnormals, infinities and NaNs as well as normals.
            x[i] = i < SPECIAL.length ? SPECIAL[i]
                    : i % 2 == 0 ? Float.intBitsToFloat(random.nextInt()) : (float) (random.nextDouble() * 4);
        }
        assertLanesMatch(x, VectorMath::log, FloatMath::log, "log");
    }

    @Test
    void tanhLanesEqualFloatMathTanh() {
        assertLanesMatch(mixedInputs(13), VectorMath::tanh, FloatMath::tanh, "tanh");
    }

    @Test
    void sigmoidLanesEqualFloatMathSigmoid() {
        assertLanesMatch(mixedInputs(14), VectorMath::sigmoid, FloatMath::sigmoid, "sigmoid");
    }

    /** The special values, then random bit patterns (every kind of float) and values where tanh and sigmoid bend. */
    private static float[] mixedInputs(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[200_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i < SPECIAL.length ? SPECIAL[i]
                    : i % 2 == 0 ? Float.intBitsToFloat(random.nextInt())
                    : (float) ((random.nextDouble() * 2 - 1) * 12);
        }
        return x;
    }

    private static void assertLanesMatch(float[] x, UnaryOperator<FloatVector> vector, FloatUnary scalar, String name) {
        float[] lanes = new float[x.length + LANES];
        for (int i = 0; i + LANES <= x.length; i += LANES) {
            vector.apply(FloatVector.fromArray(SPECIES, x, i)).intoArray(lanes, i);
        }
        for (int i = 0; i + LANES <= x.length; i++) {
            float expected = scalar.apply(x[i]);
            if (Float.floatToIntBits(expected) != Float.floatToIntBits(lanes[i])) {
                fail(name + "(" + x[i] + "): FloatMath gives " + expected + " but the vector lane gives " + lanes[i]);
            }
        }
    }

    @FunctionalInterface
    private interface FloatUnary {
        float apply(float x);
    }
}
