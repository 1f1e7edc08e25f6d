package io.vecnet.kernels.vector;

import static io.vecnet.kernels.vector.PackedGemm.MR;
import static io.vecnet.kernels.vector.PackedGemm.NR;

/**
 * The packed GEMM's block sizes, derived from one core's caches rather than tuned on one CPU. The
 * micro-kernel sweeps a KC x NR panel of packed B with every MR-row panel of an MC x KC block of
 * packed A: the B panel is sized to half the level-1 data cache, where it stays for the whole sweep,
 * and the A block to half of level 2, from which its panels stream. B is packed whole when it takes
 * at most {@code stripFloats} packed (A is then packed once), else NC columns at a time, a KC x NC
 * block also sized to half of level 2.
 */
record GemmBlocking(int kc, int mc, int nc, long stripFloats) {
    /** Floats of packed B (16 MiB) up to which all of B's columns are packed at once. */
    static final long STRIP_FLOATS = 1L << 22;
    /** The blocking for the caches of the machine this JVM runs on. */
    static final GemmBlocking DETECTED = forCaches(CacheSizes.detect());

    GemmBlocking {
        if (kc < 1 || mc < MR || mc % MR != 0 || nc < NR || nc % NR != 0 || stripFloats < 0) {
            throw new IllegalArgumentException("bad blocking kc " + kc + ", mc " + mc + ", nc " + nc
                    + ", strip floats " + stripFloats);
        }
    }

    GemmBlocking(int kc, int mc, int nc) {
        this(kc, mc, nc, STRIP_FLOATS);
    }

    static GemmBlocking forCaches(CacheSizes caches) {
        int kc = clamp(roundDown(caches.l1Data() / 2 / (NR * Float.BYTES), 8), 64, 512);
        int halfL2 = caches.l2() / 2 / (kc * Float.BYTES);
        int mc = clamp(roundDown(halfL2, MR), 8 * MR, 4096 / MR * MR);
        int nc = clamp(roundDown(halfL2, NR), 4 * NR, 4096 / NR * NR);
        return new GemmBlocking(kc, mc, nc);
    }

    /**
     * Rows of A to pack at once for every KC block of a k-deep product: as many as the A block's
     * budget (MC x KC floats) holds, a multiple of MR, or 0 when that is under 8·MR.
     */
    int deepRows(int k) {
        int rows = roundDown((int) Math.min(Integer.MAX_VALUE, blockFloats() / Math.max(1, k)), MR);
        return rows >= 8 * MR ? rows : 0;
    }

    /**
     * Rows of an n-wide operand that fill the A block's budget (MC x KC floats, half of level 2), at
     * least one: how much of B {@link RowStreamingMatmul} streams past every row of C at a time, and
     * (with n eight times a row's width) the rows of a block in {@link VectorKernels#reluBackwardColumnSums}.
     */
    int streamedRows(int n) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, blockFloats() / Math.max(1, n)));
    }

    /** The A block's budget, MC x KC floats: half of level 2. */
    long blockFloats() {
        return (long) mc * kc;
    }

    private static int roundDown(int value, int multiple) {
        return value / multiple * multiple;
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    @Override
    public String toString() {
        String strip = stripFloats == STRIP_FLOATS ? "" : ", B whole up to " + stripFloats + " floats";
        return "KC " + kc + ", MC " + mc + ", NC " + nc + strip + " for an " + MR + " x " + NR + " micro-kernel";
    }
}
