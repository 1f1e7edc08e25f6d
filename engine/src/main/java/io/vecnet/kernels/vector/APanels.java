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
     * The last rows of a KC block, whose pieces {@link #packTransposedPiece} moves float by float: the
     * spare lanes of a vector holding one row's piece land on the next rows' slots of its panel, and
     * past the panel's end for these.
     */
    private static final int TAIL_ROWS = (LANES - 1) / MR;
    /** Stored rows of A that {@link #packTransposed} takes through every panel at a time. */
    private static final int TRANSPOSED_CHUNK_ROWS = 16;

    private APanels() {
    }

    /** The MC x KC block of A at (ic, pc) into aPack from {@code start}. */
    static void pack(PackedGemm.Product product, int pc, int kc, int ic, int mc, float[] aPack, int start) {
        int full = mc / MR * MR;
        if (product.form() == MatmulForm.ATB) {
            packTransposed(product, pc, kc, ic, full, aPack, start);
        } else {
            for (int ir = 0; ir < full; ir += MR) {
                packRowPanel(product, pc, kc, ic + ir, aPack, start + ir * kc);
            }
        }
        if (full < mc) {
            packEdgePanel(product, pc, kc, ic + full, mc - full, aPack, start + full * kc);
        }
    }

    /**
     * Every KC block of the mc rows of A from ic, block b from {@code b·blockStride}. AB and ABT
     * panels go panel by panel, each through all its KC blocks, so that A's rows are read from start
     * to end: block by block, a 60000 x 784 A was read 157 columns of each row at a time, and its
     * product with a 784 x 256 B took 239 ms against 205.
     */
    static void packEveryDepth(PackedGemm.Product product, int kc, int ic, int mc, float[] aPack, int blockStride) {
        int k = product.k();
        if (product.form() == MatmulForm.ATB) {
            for (int pc = 0, start = 0; pc < k; pc += kc, start += blockStride) {
                pack(product, pc, Math.min(kc, k - pc), ic, mc, aPack, start);
            }
            return;
        }
        for (int ir = 0; ir < mc; ir += MR) {
            int height = Math.min(MR, mc - ir);
            for (int pc = 0, start = 0; pc < k; pc += kc, start += blockStride) {
                int depth = Math.min(kc, k - pc);
                if (height == MR) {
                    packRowPanel(product, pc, depth, ic + ir, aPack, start + ir * depth);
                } else {
                    packEdgePanel(product, pc, depth, ic + ir, height, aPack, start + ir * depth);
                }
            }
        }
    }

    /**
     * One full panel of the AB and ABT forms: its MR stored rows from row i0, columns pc to pc + kc.
     * LANES columns at a time are interleaved in registers (a permute per row, MR - 1 blends per
     * vector written), the columns left over float by float. Even with the twelve blends of a 13-row
     * panel this beat the scalar copy: a 60000 x 784 x 256 product 4% to 10% faster, 256 x 784 x 256
     * 2% to 4%.
     */
    private static void packRowPanel(PackedGemm.Product product, int pc, int kc, int i0, float[] aPack, int panel) {
        float[] a = product.a();
        int k = product.k();
        int row = product.aOffset() + i0 * k + pc;
        int interleaved = MR == 3
                ? interleave3(a, row, k, kc, aPack, panel) : interleave9(a, row, k, kc, aPack, panel);
        for (int r = 0; r < MR; r++) {
            for (int p = interleaved, dst = panel + p * MR + r; p < kc; p++, dst += MR) {
                aPack[dst] = a[row + r * k + p];
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

    /** {@link #interleave3} for nine rows: eight blends per vector written. */
    private static int interleave9(float[] a, int row, int k, int kc, float[] aPack, int dst) {
        int p = 0;
        for (; p + LANES <= kc; p += LANES, dst += 9 * LANES) {
            FloatVector s0 = spread(a, row + p, 0);
            FloatVector s1 = spread(a, row + k + p, 1);
            FloatVector s2 = spread(a, row + 2 * k + p, 2);
            FloatVector s3 = spread(a, row + 3 * k + p, 3);
            FloatVector s4 = spread(a, row + 4 * k + p, 4);
            FloatVector s5 = spread(a, row + 5 * k + p, 5);
            FloatVector s6 = spread(a, row + 6 * k + p, 6);
            FloatVector s7 = spread(a, row + 7 * k + p, 7);
            FloatVector s8 = spread(a, row + 8 * k + p, 8);
            for (int j = 0; j < 9; j++) {
                s0.blend(s1, pick(j, 1)).blend(s2, pick(j, 2)).blend(s3, pick(j, 3)).blend(s4, pick(j, 4))
                        .blend(s5, pick(j, 5)).blend(s6, pick(j, 6)).blend(s7, pick(j, 7)).blend(s8, pick(j, 8))
                        .intoArray(aPack, dst + j * LANES);
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
     * Full panels of the ATB form, {@link #TRANSPOSED_CHUNK_ROWS} stored rows of A at a time: those
     * rows' MR-float pieces into every panel, each panel taking a whole run of 16 of its rows. Earlier
     * orders: row by row across all panels, each row wrote one piece into every panel, a line per
     * panel; the panels lie kc·MR floats apart, which maps those lines onto a few L1 sets, so they
     * were evicted before the next row filled them. A group of panels through all kc rows read kc
     * rows a 256-byte stretch at a time, too many streams for the hardware prefetcher: a 784 x 60000
     * x 256 weight gradient took 214 ms against 186 (A read from memory), where 16 rows are 16 streams.
     */
    private static void packTransposed(PackedGemm.Product product, int pc, int kc, int ic, int full, float[] aPack,
                                       int start) {
        for (int p0 = 0; p0 < kc; p0 += TRANSPOSED_CHUNK_ROWS) {
            int p1 = Math.min(kc, p0 + TRANSPOSED_CHUNK_ROWS);
            for (int ir = 0; ir < full; ir += MR) {
                packTransposedPiece(product, pc, kc, ic + ir, p0, p1, aPack, start + ir * kc);
            }
        }
    }

    /**
     * Rows p0 to p1 of the panel of rows i0 to i0 + MR. Each piece moves as one whole vector; its lanes
     * past MR land on the next row's slots of the same panel, which that row then overwrites, so only
     * the {@link #TAIL_ROWS} last rows of the KC block, and a read that would pass the end of A, go
     * float by float. The vector is of the kernels' one species on purpose: a narrower one (an 8-lane
     * vector for a 5-float piece) made C2 compile this loop, in some JVMs, with {@code intoArray} not
     * intrinsified (its receiver's class taken from a call-site profile that had seen only the wide
     * vectors), and the weight gradient's product 20% slower for the JVM's life (bench/README.md).
     */
    private static void packTransposedPiece(PackedGemm.Product product, int pc, int kc, int i0, int p0, int p1,
                                            float[] aPack, int panel) {
        float[] a = product.a();
        int m = product.m();
        int src = product.aOffset() + (pc + p0) * m + i0;
        int vectorEnd = LANES < MR ? p0 : Math.min(p1, kc - TAIL_ROWS);
        int p = p0, dst = panel + p0 * MR;
        for (; p < vectorEnd && src + LANES <= a.length; p++, src += m, dst += MR) {
            FloatVector.fromArray(SPECIES, a, src).intoArray(aPack, dst);
        }
        for (; p < p1; p++, src += m, dst += MR) {
            for (int r = 0; r < MR; r++) {
                aPack[dst + r] = a[src + r];
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
