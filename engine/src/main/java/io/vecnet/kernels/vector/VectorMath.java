package io.vecnet.kernels.vector;

import static io.vecnet.kernels.FloatMath.*;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Lane-wise exp, log, tanh and sigmoid that repeat {@link io.vecnet.kernels.FloatMath} step for step
 * (so every lane gives the scalar function's exact bits), and a lane sum in a fixed order. The Vector
 * API's own EXP, LOG, TANH and {@code reduceLanes(ADD)} are avoided on purpose: their rounding or
 * summation order differs between interpreted, C1 and C2 code, which would make reruns differ.
 *
 * <p>One rule for every vector loop in this package: a vector carried from one iteration to the next
 * (an accumulator) is only ever an argument, never the receiver: {@code sum = v.add(sum)}, not
 * {@code sum = sum.add(v)}. C2 inlines a Vector API call, and so turns it into one instruction, only
 * when it knows the receiver's exact class. A fresh result (a load, an operation) has it; a
 * loop-carried value has it only if every value flowing into it has, and one receiver call on it is
 * enough to lose it. C2 then falls back on the call site's type profile, which exists or not
 * depending on how far the interpreter got before the compilation: the same run was fast or four
 * times slower for its whole length, at random (bench/README.md, the slow mode).
 */
final class VectorMath {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    private static final VectorSpecies<Integer> INT_SPECIES = SPECIES.withLanes(int.class);
    // Pairwise folds: lane i meets lane i ^ d. Unused (null) where d >= LANES.
    private static final VectorShuffle<Float> FOLD_32 = foldShuffle(32);
    private static final VectorShuffle<Float> FOLD_16 = foldShuffle(16);
    private static final VectorShuffle<Float> FOLD_8 = foldShuffle(8);
    private static final VectorShuffle<Float> FOLD_4 = foldShuffle(4);
    private static final VectorShuffle<Float> FOLD_2 = foldShuffle(2);
    private static final VectorShuffle<Float> FOLD_1 = foldShuffle(1);
    private static final VectorMask<Float> UPPER_8 = laneBit(8);
    private static final VectorMask<Float> BIT_4 = laneBit(4);

    private VectorMath() {
    }

    private static VectorMask<Float> laneBit(int bit) {
        boolean[] set = new boolean[LANES];
        for (int i = 0; i < LANES; i++) {
            set[i] = (i & bit) != 0;
        }
        return VectorMask.fromArray(SPECIES, set, 0);
    }

    private static VectorShuffle<Float> foldShuffle(int distance) {
        return distance < LANES ? VectorShuffle.fromOp(SPECIES, i -> i ^ distance) : null;
    }

    /**
     * Sum of all lanes as a fixed pairwise tree, the same bits in every JIT tier. Every piece is
     * kept under C2's 35-byte always-inline limit: a vector passed to a call that is not inlined
     * gets boxed on the heap, which costs more than the sum itself.
     */
    static float sumLanes(FloatVector v) {
        return LANES == 16 ? sum16(v) : sumAnyWidth(v);
    }

    private static float sum16(FloatVector v) {
        return fold(fold(fold(fold(v, FOLD_8), FOLD_4), FOLD_2), FOLD_1).lane(0);
    }

    /** The same tree at any width: folds at LANES/2, ..., 2, 1. */
    private static float sumAnyWidth(FloatVector v) {
        FloatVector folded = LANES > 32 ? fold(v, FOLD_32) : v;
        folded = LANES > 16 ? fold(folded, FOLD_16) : folded;
        folded = LANES > 8 ? fold(folded, FOLD_8) : folded;
        folded = LANES > 4 ? fold(folded, FOLD_4) : folded;
        folded = LANES > 2 ? fold(folded, FOLD_2) : folded;
        return fold(folded, FOLD_1).lane(0);
    }

    private static FloatVector fold(FloatVector v, VectorShuffle<Float> shuffle) {
        return v.add(v.rearrange(shuffle));
    }

    /**
     * The lane sums of the four vectors stored at {@code lanes[0..4·LANES)}, into {@code sums[0..4)}.
     * Pairs of vectors share each folding step, so this costs about half of four {@link #sumLanes}
     * calls. A fixed order again, though not {@link #sumLanes}' one. The vectors come through memory
     * so that callers with large loops stay within C2's inlining budget.
     */
    static void sumLanes4(float[] lanes, float[] sums) {
        FloatVector v0 = FloatVector.fromArray(SPECIES, lanes, 0);
        FloatVector v1 = FloatVector.fromArray(SPECIES, lanes, LANES);
        FloatVector v2 = FloatVector.fromArray(SPECIES, lanes, 2 * LANES);
        FloatVector v3 = FloatVector.fromArray(SPECIES, lanes, 3 * LANES);
        if (LANES != 16) {
            sums[0] = sumLanes(v0);
            sums[1] = sumLanes(v1);
            sums[2] = sumLanes(v2);
            sums[3] = sumLanes(v3);
            return;
        }
        // Lanes 0-7 fold v0, lanes 8-15 v1 (and likewise v2 and v3) ...
        FloatVector v01 = v0.blend(v1, UPPER_8).add(v1.blend(v0, UPPER_8).rearrange(FOLD_8));
        FloatVector v23 = v2.blend(v3, UPPER_8).add(v3.blend(v2, UPPER_8).rearrange(FOLD_8));
        // ... then lanes 0-3 hold v0's partial sums, 4-7 v2's, 8-11 v1's and 12-15 v3's.
        FloatVector all = v01.blend(v23, BIT_4).add(v23.blend(v01, BIT_4).rearrange(FOLD_4));
        all = all.add(all.rearrange(FOLD_2));
        all = all.add(all.rearrange(FOLD_1));
        sums[0] = all.lane(0);
        sums[1] = all.lane(8);
        sums[2] = all.lane(4);
        sums[3] = all.lane(12);
    }

    /** v with its subnormal lanes set to zero: see {@link io.vecnet.kernels.Kernels#gradientStep}. */
    static FloatVector flushSubnormals(FloatVector v) {
        return v.blend(0f, v.abs().compare(VectorOperators.LT, Float.MIN_NORMAL));
    }

    static FloatVector broadcast(float value) {
        return FloatVector.broadcast(SPECIES, value);
    }

    static FloatVector exp(FloatVector x) {
        x = x.max(EXP_MIN).min(EXP_MAX);
        FloatVector k = x.fma(LOG2E, ROUND_MAGIC).sub(ROUND_MAGIC);
        FloatVector r = k.fma(broadcast(-LN2_HI), x);
        r = k.fma(broadcast(-LN2_LO), r);
        FloatVector p = r.fma(E7, E6);
        p = p.fma(r, broadcast(E5));
        p = p.fma(r, broadcast(E4));
        p = p.fma(r, broadcast(E3));
        p = p.fma(r, broadcast(E2));
        p = p.fma(r, broadcast(1f));
        p = p.fma(r, broadcast(1f));
        IntVector exponent = ((IntVector) k.convert(VectorOperators.F2I, 0)).add(127).lanewise(VectorOperators.LSHL, 23);
        return p.mul(exponent.reinterpretAsFloats());
    }

    static FloatVector tanh(FloatVector x) {
        FloatVector t = exp(x.abs().mul(-2f));
        FloatVector magnitude = broadcast(1f).sub(t).div(broadcast(1f).add(t));
        return copySign(magnitude, x);
    }

    static FloatVector sigmoid(FloatVector x) {
        FloatVector e = exp(x.abs().neg());
        FloatVector onePlusE = broadcast(1f).add(e);
        return e.div(onePlusE).blend(broadcast(1f).div(onePlusE), x.compare(VectorOperators.GE, 0f));
    }

    /** {@link Math#copySign}: the bits of {@code magnitude} with the sign bit of {@code sign}. */
    private static FloatVector copySign(FloatVector magnitude, FloatVector sign) {
        return magnitude.reinterpretAsInts().and(Integer.MAX_VALUE)
                .or(sign.reinterpretAsInts().and(Integer.MIN_VALUE))
                .reinterpretAsFloats();
    }

    static FloatVector log(FloatVector x) {
        IntVector bits = x.reinterpretAsInts();
        IntVector e = bits.lanewise(VectorOperators.ASHR, 23).sub(127);
        FloatVector m = bits.and(0x007fffff).or(0x3f800000).reinterpretAsFloats();
        var large = m.compare(VectorOperators.GT, SQRT2);
        m = m.blend(m.mul(0.5f), large);
        e = e.blend(e.add(1), large.cast(INT_SPECIES));
        FloatVector f = m.sub(1f);
        FloatVector s = f.div(f.add(2f));
        FloatVector s2 = s.mul(s);
        FloatVector q = s2.fma(L9, L7);
        q = q.fma(s2, broadcast(L5));
        q = q.fma(s2, broadcast(L3));
        FloatVector logM = s.mul(s2).fma(q, s.mul(2f));
        FloatVector log = ((FloatVector) e.convert(VectorOperators.I2F, 0)).fma(broadcast(LN2), logM);
        var valid = x.compare(VectorOperators.GT, 0f).and(x.compare(VectorOperators.LT, Float.POSITIVE_INFINITY));
        return FloatVector.broadcast(SPECIES, Float.NaN).blend(log, valid);
    }
}
