package io.vecnet.kernels.vector;

import static io.vecnet.kernels.vector.PackedGemm.MR;
import static io.vecnet.kernels.vector.VectorMath.LANES;
import static io.vecnet.kernels.vector.VectorMath.SPECIES;

import io.vecnet.kernels.MatmulForm;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;

/**
 * Packs an MC x KC block of A into the panels {@link PackedGemm}'s micro-kernel reads:
 * {@code aPack[panel][p][0..MR) = A(ic + panel·MR + r, pc + p)}, the last panel zero-padded. Every
 * route reads A along its stored rows and moves vectors, not floats, where it can: packing A was
 * most of the packed GEMM's distance to OpenBLAS (bench/README.md).
 */
final class APanels {
    /**
     * For row r of a panel, lane l of a vector of the row's LANES columns goes to lane (MR·l + r) mod
     * LANES: the lane it has in the panel's interleaved order. Distinct lanes stay distinct since MR
     * is odd and LANES a power of two; {@link #interleave3} then only picks lanes.
     */
    private static final VectorShuffle<Float>[] SPREAD = spreads();
    /** PICK[j·MR + r]: the lanes of the panel's j-th vector of LANES·MR floats that hold row r. */
    private static final long[] PICK = picks();
    /**
     * The last rows of a KC block, whose pieces {@link #packTransposedRow} moves float by float: the
     * spare lanes of a vector holding one row's piece land on the next rows' slots of its panel, and
     * past the panel's end for these.
     */
    private static final int TAIL_ROWS = (LANES - 1) / MR;
    /** Panels {@link #packTransposed} fills together: MR-float pieces adding up to about 64 floats. */
    private static final int TRANSPOSED_GROUP_PANELS = 64 / MR;

    private APanels() {
    }

    static void pack(PackedGemm.Product product, int pc, int kc, int ic, int mc, float[] aPack) {
        int full = mc / MR * MR;
        if (product.form() == MatmulForm.ATB) {
            packTransposed(product, pc, kc, ic, full, aPack);
        } else {
            packRows(product, pc, kc, ic, full, aPack);
        }
        if (full < mc) {
            packEdgePanel(product, pc, kc, ic + full, mc - full, aPack, full * kc);
        }
    }

    /**
     * Full panels of the AB and ABT forms: each panel's MR stored rows. Three-row panels go LANES
     * columns at a time interleaved in registers (a permute per row, two blends per vector written),
     * the columns left over float by float. Thirteen-row panels go float by float: interleaving them
     * takes twelve blends per vector written, no fewer instructions than the scalar copy.
     */
    private static void packRows(PackedGemm.Product product, int pc, int kc, int ic, int full, float[] aPack) {
        float[] a = product.a();
        int k = product.k();
        for (int ir = 0; ir < full; ir += MR) {
            int row = product.aOffset() + (ic + ir) * k + pc;
            int interleaved = MR == 3 ? interleave3(a, row, k, kc, aPack, ir * kc) : 0;
            for (int r = 0; r < MR; r++) {
                for (int p = interleaved, dst = ir * kc + p * MR + r; p < kc; p++, dst += MR) {
                    aPack[dst] = a[row + r * k + p];
                }
            }
        }
    }

    /**
     * The panel of the three rows from {@code row}, whole vectors of columns; returns the columns
     * done. Written out, as the micro-kernels are, so that the row vectors stay in registers (an
     * array of vectors would box them).
     */
    private static int interleave3(float[] a, int row, int k, int kc, float[] aPack, int dst) {
        int p = 0;
        for (; p + LANES <= kc; p += LANES, dst += 3 * LANES) {
            FloatVector s0 = spread(a, row + p, 0);
            FloatVector s1 = spread(a, row + k + p, 1);
            FloatVector s2 = spread(a, row + 2 * k + p, 2);
            for (int j = 0; j < 3; j++) {
                s0.blend(s1, pick(j, 1)).blend(s2, pick(j, 2)).intoArray(aPack, dst + j * LANES);
            }
        }
        return p;
    }

    private static FloatVector spread(float[] a, int index, int r) {
        return FloatVector.fromArray(SPECIES, a, index).rearrange(SPREAD[r]);
    }

    private static VectorMask<Float> pick(int j, int r) {
        return VectorMask.fromLong(SPECIES, PICK[j * MR + r]);
    }

    /**
     * Full panels of the ATB form, a group of panels at a time: for each stored row of A in the KC
     * block, the group's MR-float pieces of it (about one 256-byte stretch). Row by row across all
     * panels, each row wrote one piece into every panel, a line per panel; the panels lie kc·MR floats
     * apart, which maps those lines onto a few L1 sets, so they were evicted before the next row
     * filled them. Panel by panel, the reads of a k = 60000 weight gradient were kc interleaved
     * streams of MR floats, 8% slower.
     */
    private static void packTransposed(PackedGemm.Product product, int pc, int kc, int ic, int full, float[] aPack) {
        int groupRows = TRANSPOSED_GROUP_PANELS * MR;
        for (int group = 0; group < full; group += groupRows) {
            int groupEnd = Math.min(full, group + groupRows);
            for (int p = 0; p < kc; p++) {
                packTransposedRow(product, pc, kc, ic, p, group, groupEnd, aPack);
            }
        }
    }

    /**
     * Row pc + p of the stored A, columns ic + [from, to), into its panels' slots for p. Each piece
     * moves as one whole vector; its lanes past MR land on the next rows' slots of the same panel,
     * which those rows then overwrite, so only the {@link #TAIL_ROWS} last rows, and a read that would
     * pass the end of A, go float by float. The vector is of the kernels' one species on purpose: a
     * narrower one (an 8-lane vector for a 5-float piece) made C2 compile this loop, in some JVMs,
     * with {@code intoArray} not intrinsified (its receiver's class taken from a call-site profile
     * that had seen only the wide vectors), and the weight gradient's product 20% slower for the
     * JVM's life (bench/README.md).
     */
    private static void packTransposedRow(PackedGemm.Product product, int pc, int kc, int ic, int p, int from,
                                          int to, float[] aPack) {
        float[] a = product.a();
        int src = product.aOffset() + (pc + p) * product.m() + ic;
        int vectorEnd = LANES < MR || p >= kc - TAIL_ROWS ? from : Math.min(to, a.length - src - LANES + 1);
        int ir = from, dst = from * kc + p * MR;
        for (; ir < vectorEnd; ir += MR, dst += kc * MR) {
            FloatVector.fromArray(SPECIES, a, src + ir).intoArray(aPack, dst);
        }
        for (; ir < to; ir += MR, dst += kc * MR) {
            for (int r = 0; r < MR; r++) {
                aPack[dst + r] = a[src + ir + r];
            }
        }
    }

    /** The last panel, of fewer than MR rows, zero-padded to MR; A is read along its stored rows. */
    private static void packEdgePanel(PackedGemm.Product product, int pc, int kc, int i0, int height, float[] aPack,
                                      int panel) {
        float[] a = product.a();
        Arrays.fill(aPack, panel, panel + kc * MR, 0f);
        if (product.form() == MatmulForm.ATB) {
            for (int p = 0, dst = panel; p < kc; p++, dst += MR) {
                System.arraycopy(a, product.aOffset() + (pc + p) * product.m() + i0, aPack, dst, height);
            }
        } else {
            for (int r = 0; r < height; r++) {
                int src = product.aOffset() + (i0 + r) * product.k() + pc;
                for (int p = 0, dst = panel + r; p < kc; p++, dst += MR) {
                    aPack[dst] = a[src + p];
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static VectorShuffle<Float>[] spreads() {
        int inverse = 1;
        while (inverse * MR % LANES != 1 % LANES) {
            inverse++;
        }
        VectorShuffle<Float>[] spreads = new VectorShuffle[MR];
        for (int r = 0; r < MR; r++) {
            int[] source = new int[LANES];
            for (int lane = 0; lane < LANES; lane++) {
                source[lane] = Math.floorMod((lane - r) * inverse, LANES);
            }
            spreads[r] = VectorShuffle.fromArray(SPECIES, source, 0);
        }
        return spreads;
    }

    private static long[] picks() {
        long[] picks = new long[MR * MR];
        for (int j = 0; j < MR; j++) {
            for (int lane = 0; lane < LANES; lane++) {
                picks[j * MR + (j * LANES + lane) % MR] |= 1L << lane;
            }
        }
        return picks;
    }
}
