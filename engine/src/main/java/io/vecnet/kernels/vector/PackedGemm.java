package io.vecnet.kernels.vector;

import static io.vecnet.kernels.vector.VectorMath.LANES;
import static io.vecnet.kernels.vector.VectorMath.SPECIES;

import io.vecnet.kernels.MatmulForm;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/**
 * Goto-style GEMM. B is packed into panels NR columns wide (all of it at once when it fits, else
 * KC x NC at a time), A into panels MR rows tall; a micro-kernel keeps an MR x NR tile of C in
 * registers while it walks one B panel (held in L1) against every A panel of an MC-row block (held
 * in L2). Block sizes come from the caches the OS reports ({@link GemmBlocking}). Packing reads the
 * operands in whatever layout the form names, so the transposed forms cost no extra pass. Partial
 * sums of each KC block are added to C in block order, which fixes the summation order for a given
 * KC: the bits depend on the machine's L1 size (through KC) and vector width (through KC and the
 * tile: the last, partial row panel's tile is summed from zero and then added to C), never on the
 * thread count.
 */
final class PackedGemm {
    /**
     * Whether the CPU has 32 vector registers (AVX-512, AArch64) rather than 16 (AVX2, SSE). The tile
     * must leave registers to spare: with 32, a 9 x 2-vector tile (18 accumulators, 2 B vectors, a
     * broadcast); with 16, 3 x 3 (9). On AVX2, 4 x 3 (12 accumulators) ran at half speed, and 5 x 2
     * did too under some collectors, where 3 x 3 never did. At 512 bits on an Intel Xeon, the tile
     * alone in L1: 5 x 2 133-152 GFLOP/s, 9 x 2 158-168, 13 x 2 164-171, 15 x 2 (33 registers) 131,
     * spilling; each k step of 5 x 2 spends 7 loads and 9 instructions of loop control on 10
     * multiply-adds, more than that core issues alongside. Taller tiles cost C2 more, and a cold
     * process pays it: compiled on stack replacement, 5 x 2 took 30 ms and 30 kB of code, 13 x 2
     * 200 ms and 98 kB, which made a cold {@code train} on digits 0.3 s slower; 9 x 2 is within 1% to
     * 8% of 13 x 2 on large products at about half that cost (bench/README.md).
     */
    static final boolean WIDE_REGISTER_FILE =
            SPECIES.vectorBitSize() == 512 || "aarch64".equals(System.getProperty("os.arch"));
    static final int MR = WIDE_REGISTER_FILE ? 9 : 3;
    static final int NR = (WIDE_REGISTER_FILE ? 2 : 3) * LANES;
    /**
     * Products of at least this many multiply-adds (about 50 µs of work) are split over the workers.
     * Timed alone, with both cores' caches holding the operands, a split pays from 2^19 (a square
     * product at n = 96). In a training step it does not: the helper first has to fetch the batch and
     * the weights the caller has just written, and the caller then the helper's part of C. Two threads
     * against one, Adam on batches of 200 rows of inputs -> 100 -> 10 with the first layer split
     * (interleaved loops, bench's SmallBatchThreadsBenchmark): 64 inputs (1.3 million) 0.69x, 128 0.77x,
     * 256 (5.1 million) about 1x, 784 (15.7 million) 1.25x.
     */
    static final long PARALLEL_THRESHOLD = 1L << 23;

    private PackedGemm() {
    }

    static void multiply(MatmulForm form, float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset,
                         int m, int k, int n, boolean accumulate, Workers workers) {
        multiply(GemmBlocking.DETECTED, form, a, aOffset, b, bOffset, c, cOffset, m, k, n, accumulate, workers);
    }

    static void multiply(GemmBlocking blocking, MatmulForm form, float[] a, int aOffset, float[] b, int bOffset,
                         float[] c, int cOffset, int m, int k, int n, boolean accumulate, Workers workers) {
        run(new Product(blocking, form, a, aOffset, b, bOffset, c, cOffset, m, k, n, null, 0), accumulate, workers);
    }

    static void affine(float[] a, float[] b, int bOffset, float[] bias, int biasOffset, float[] c, int m, int k, int n,
                       Workers workers) {
        affine(GemmBlocking.DETECTED, a, b, bOffset, bias, biasOffset, c, m, k, n, workers);
    }

    /**
     * C (m x n from index 0) = every row the bias (n floats from biasOffset) + A·B, with the bits of
     * copying the bias into every row of C and then adding the product onto it. Each tile's
     * accumulators start from the bias in its first KC block: copied into all of C first, the bias
     * cost a pass of C's size through memory, and the product read it back; copied into each block
     * of C just before its first KC block, it still cost the copy (bench/README.md).
     */
    static void affine(GemmBlocking blocking, float[] a, float[] b, int bOffset, float[] bias, int biasOffset,
                       float[] c, int m, int k, int n, Workers workers) {
        run(new Product(blocking, MatmulForm.AB, a, 0, b, bOffset, c, 0, m, k, n, bias, biasOffset), true, workers);
    }

    private static void run(Product product, boolean accumulate, Workers workers) {
        int m = product.m();
        int k = product.k();
        int n = product.n();
        int parts = (long) m * k * n >= PARALLEL_THRESHOLD ? workers.threads() : 1;
        if (parts == 1) {
            multiplyBlock(product, accumulate, 0, m, 0, n);
        } else if (splitRows(m, n, parts)) {
            int rows = roundUp((m + parts - 1) / parts, MR);
            workers.run(parts, part -> multiplyBlock(product, accumulate,
                    Math.min(m, part * rows), Math.min(m, (part + 1) * rows), 0, n));
        } else {
            int cols = roundUp((n + parts - 1) / parts, NR);
            workers.run(parts, part -> multiplyBlock(product, accumulate,
                    0, m, Math.min(n, part * cols), Math.min(n, (part + 1) * cols)));
        }
    }

    /**
     * Whether to split C's rows rather than its columns over the parts. Every part of a row split
     * packs all of B (k x n), every part of a column split all of A (m x k), so the split repacks the
     * smaller operand, as long as each part still gets at least one whole tile. On a 128-row batch
     * of 784 -> 256, splitting rows as before made the forward product slower on two threads than on
     * one.
     */
    private static boolean splitRows(int m, int n, int parts) {
        boolean rowsSuffice = m / MR >= parts;
        boolean columnsSuffice = n / NR >= parts;
        if (rowsSuffice && columnsSuffice) {
            return n <= m;
        }
        return rowsSuffice || m / MR >= n / NR;
    }

    /**
     * One product's operands, each row-major from its offset in its array, and its sizes; with a bias
     * (else null), C starts as that row in every row.
     */
    record Product(GemmBlocking blocking, MatmulForm form, float[] a, int aOffset, float[] b, int bOffset,
                   float[] c, int cOffset, int m, int k, int n, float[] bias, int biasOffset) {
        /**
         * What C's elements start from in this product's first KC block: the bias, else zero (the
         * first block's products replace C's elements, which spares clearing C and reading the zeros
         * back) unless the product adds to C.
         */
        Start first(boolean accumulate) {
            return bias != null ? Start.BIAS : accumulate ? Start.C : Start.ZERO;
        }
    }

    /**
     * Where a tile's accumulators start: C's elements, zero or the bias's columns. Starting a tile
     * from the bias in registers gives the bits of copying the bias into C and adding the product
     * onto it, without that copy: a pass of C's size through memory.
     */
    enum Start {
        C, ZERO, BIAS
    }

    /** NR zeros, the row every accumulator of a tile starting from {@link Start#ZERO} loads. */
    private static final float[] ZEROS = new float[NR];

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    /**
     * C[rowStart..rowEnd, colStart..colEnd) (+)= the product, touching no other element of C. When
     * all of B's columns in the range fit the blocking's strip when packed, they are packed first
     * as one strip and each MC-row block of C then takes every KC block in turn, so that A is packed
     * once; where A is shallow enough, a block of {@link GemmBlocking#deepRows} rows is packed for
     * every KC block at once, reading A's rows from start to end and keeping that block of C in L2
     * across the KC blocks (a 60000 x 784 x 256 product 14% faster, 1024-square 10%). Otherwise
     * (deep k or wide n) B is taken NC columns at a time, and each KC block of it is packed and swept
     * over all of C, Goto's order. Every way the KC blocks reach each element of C in ascending
     * order, so the bits are the same.
     */
    private static void multiplyBlock(Product product, boolean accumulate, int rowStart, int rowEnd, int colStart,
                                      int colEnd) {
        int k = product.k();
        Start first = product.first(accumulate);
        if (k == 0) {
            if (first == Start.C) {
                return;
            }
            for (int i = rowStart; i < rowEnd; i++) {
                int cRow = product.cOffset() + i * product.n();
                if (first == Start.BIAS) {
                    System.arraycopy(product.bias(), product.biasOffset() + colStart, product.c(), cRow + colStart,
                            colEnd - colStart);
                } else {
                    Arrays.fill(product.c(), cRow + colStart, cRow + colEnd, 0f);
                }
            }
            return;
        }
        int kc = depth(k, product.blocking().kc());
        int mcMax = product.blocking().mc();
        int strip = roundUp(colEnd - colStart, NR);
        boolean wholeStrip = (long) k * strip <= product.blocking().stripFloats();
        int ncMax = wholeStrip ? strip : product.blocking().nc();
        int deepRows = wholeStrip ? product.blocking().deepRows(k) : 0;
        float[] aPack = Scratch.get(Scratch.Slot.A, deepRows > 0 ? (k + kc - 1) / kc * deepRows * kc : mcMax * kc);
        float[] bPack = Scratch.get(Scratch.Slot.B, (wholeStrip ? k : kc) * ncMax);
        for (int jc = colStart; jc < colEnd; jc += ncMax) {
            int nc = Math.min(ncMax, colEnd - jc);
            if (wholeStrip) {
                for (int pc = 0; pc < k; pc += kc) {
                    packB(product, pc, Math.min(kc, k - pc), jc, nc, bPack, pc * ncMax);
                }
            }
            if (deepRows > 0) {
                for (int ic = rowStart; ic < rowEnd; ic += deepRows) {
                    int mc = Math.min(deepRows, rowEnd - ic);
                    APanels.packEveryDepth(product, kc, ic, mc, aPack, deepRows * kc);
                    for (int pc = 0; pc < k; pc += kc) {
                        sweep(product, pc == 0 ? first : Start.C, aPack, pc / kc * deepRows * kc, bPack, pc * ncMax,
                                ic, mc, Math.min(kc, k - pc), jc, nc, rowEnd, colEnd);
                    }
                }
            } else if (wholeStrip) {
                for (int ic = rowStart; ic < rowEnd; ic += mcMax) {
                    for (int pc = 0; pc < k; pc += kc) {
                        rowBlock(product, pc == 0 ? first : Start.C, aPack, bPack, pc * ncMax, ic, pc, kc, jc, nc,
                                rowEnd, colEnd);
                    }
                }
            } else {
                for (int pc = 0; pc < k; pc += kc) {
                    packB(product, pc, Math.min(kc, k - pc), jc, nc, bPack, 0);
                    for (int ic = rowStart; ic < rowEnd; ic += mcMax) {
                        rowBlock(product, pc == 0 ? first : Start.C, aPack, bPack, 0, ic, pc, kc, jc, nc, rowEnd,
                                colEnd);
                    }
                }
            }
        }
    }

    /**
     * Packs the MC x KC block of A at (ic, pc) and runs it against the packed B block at bPackStart,
     * one B panel at a time so that the panel stays in L1 while every A panel passes it, its tiles
     * starting from {@code start}.
     */
    private static void rowBlock(Product product, Start start, float[] aPack, float[] bPack, int bPackStart,
                                 int ic, int pc, int kc, int jc, int nc, int rowEnd, int colEnd) {
        int mc = Math.min(product.blocking().mc(), rowEnd - ic);
        int depth = Math.min(kc, product.k() - pc);
        APanels.pack(product, pc, depth, ic, mc, aPack, 0);
        sweep(product, start, aPack, 0, bPack, bPackStart, ic, mc, depth, jc, nc, rowEnd, colEnd);
    }

    private static void sweep(Product product, Start start, float[] aPack, int aPackStart, float[] bPack,
                              int bPackStart, int ic, int mc, int depth, int jc, int nc, int rowEnd, int colEnd) {
        for (int jr = 0; jr < nc; jr += NR) {
            for (int ir = 0; ir < mc; ir += MR) {
                tile(product, start, aPack, aPackStart + ir * depth, bPack, bPackStart + jr * depth, depth,
                        ic + ir, jc + jr, rowEnd, colEnd);
            }
        }
    }

    /** KC blocks of equal depth, at most maxDepth: a ragged last block would cost a C pass for little work. */
    private static int depth(int k, int maxDepth) {
        int blocks = Math.max(1, (k + maxDepth - 1) / maxDepth);
        return (k + blocks - 1) / blocks;
    }

    /**
     * bPack[packStart + panel·kc·NR + p·NR + col] = B(pc + p, jc + panel·NR + col), zero beyond nc.
     * Each loop reads B along its stored rows: in the AB and ATB forms a stored row of B feeds one
     * row of every panel in turn (panel by panel, each read jumped a whole row of B, missing the
     * cache and the TLB: 6% slower on a 512-square product); in ABT each column of a panel is one
     * stored row.
     */
    private static void packB(Product product, int pc, int kc, int jc, int nc, float[] bPack, int packStart) {
        int lastWidth = nc % NR;
        if (lastWidth != 0) {
            int lastPanel = packStart + (nc - lastWidth) * kc;
            Arrays.fill(bPack, lastPanel, lastPanel + kc * NR, 0f);
        }
        if (product.form() == MatmulForm.ABT) {
            packTransposedB(product, pc, kc, jc, nc, bPack, packStart);
            return;
        }
        float[] b = product.b();
        int n = product.n();
        for (int p = 0; p < kc; p++) {
            int row = product.bOffset() + (pc + p) * n + jc;
            for (int jr = 0; jr < nc; jr += NR) {
                System.arraycopy(b, row + jr, bPack, packStart + jr * kc + p * NR, Math.min(NR, nc - jr));
            }
        }
    }

    private static void packTransposedB(Product product, int pc, int kc, int jc, int nc, float[] bPack,
                                        int packStart) {
        float[] b = product.b();
        int k = product.k();
        for (int col = 0; col < nc; col++) {
            int row = product.bOffset() + (jc + col) * k + pc;
            int panelColumn = packStart + col / NR * NR * kc + col % NR;
            for (int p = 0, dst = panelColumn; p < kc; p++, dst += NR) {
                bPack[dst] = b[row + p];
            }
        }
    }

    /**
     * C's MR x NR tile at (i0, j0) = its start + the product of one A panel and one B panel, clipped
     * to rowEnd and colEnd so that parallel blocks never write each other's elements.
     */
    private static void tile(Product product, Start start, float[] aPack, int aPanel, float[] bPack, int bPanel,
                             int kc, int i0, int j0, int rowEnd, int colEnd) {
        float[] c = product.c();
        int n = product.n();
        int cIndex = product.cOffset() + i0 * n + j0;
        float[] from = switch (start) {
            case C -> c;
            case ZERO -> ZEROS;
            case BIAS -> product.bias();
        };
        int fromIndex = switch (start) {
            case C -> cIndex;
            case ZERO -> 0;
            case BIAS -> product.biasOffset() + j0;
        };
        int fromStride = start == Start.C ? n : 0;
        if (i0 + MR <= rowEnd && j0 + NR <= colEnd) {
            microKernel(from, fromIndex, fromStride, aPack, aPanel, bPack, bPanel, kc, c, cIndex, n);
        } else {
            float[] tile = Scratch.get(Scratch.Slot.C, MR * NR);
            microKernel(ZEROS, 0, 0, aPack, aPanel, bPack, bPanel, kc, tile, 0, NR);
            addEdgeTile(from, fromIndex, fromStride, tile, c, cIndex, n, Math.min(MR, rowEnd - i0),
                    Math.min(NR, colEnd - j0));
        }
    }

    /**
     * target's MR x NR tile at index (row stride) = the tile at fromIndex in from (its row stride,
     * 0 for one row that every row starts from) + the product of one A panel and one B panel.
     */
    private static void microKernel(float[] from, int fromIndex, int fromStride, float[] aPack, int aPanel,
                                    float[] bPack, int bPanel, int kc, float[] target, int index, int stride) {
        if (WIDE_REGISTER_FILE) {
            microKernel9x2(from, fromIndex, fromStride, aPack, aPanel, bPack, bPanel, kc, target, index, stride);
        } else {
            microKernel3x3(from, fromIndex, fromStride, aPack, aPanel, bPack, bPanel, kc, target, index, stride);
        }
    }

    /**
     * {@code target[index + r·stride + col] = from[fromIndex + r·fromStride + col] + Σ_p A[r][p] ·
     * B[p][col]} for a 9 x 2-vector tile, summed in registers from the loaded start, one multiply-add
     * per term: the bits of adding the product onto a target that held the start.
     * <p>
     * Both micro-kernels are written to keep few integers alive across the loop, since C2 spills
     * rather than rematerialises them: the tile's C offsets are recomputed after the loop rather than
     * held in locals. With five row offsets held, C2 ran out of general registers and moved the B
     * pointer through a vector register every iteration, which cost 15% to 25% of the whole product
     * (bench/README.md).
     */
    private static void microKernel9x2(float[] from, int fromIndex, int fromStride, float[] aPack, int aPanel,
                                       float[] bPack, int bPanel, int kc, float[] target, int index, int stride) {
        FloatVector c0a = load(from, fromIndex);
        FloatVector c0b = load(from, fromIndex + LANES);
        FloatVector c1a = load(from, fromIndex + fromStride);
        FloatVector c1b = load(from, fromIndex + fromStride + LANES);
        FloatVector c2a = load(from, fromIndex + 2 * fromStride);
        FloatVector c2b = load(from, fromIndex + 2 * fromStride + LANES);
        FloatVector c3a = load(from, fromIndex + 3 * fromStride);
        FloatVector c3b = load(from, fromIndex + 3 * fromStride + LANES);
        FloatVector c4a = load(from, fromIndex + 4 * fromStride);
        FloatVector c4b = load(from, fromIndex + 4 * fromStride + LANES);
        FloatVector c5a = load(from, fromIndex + 5 * fromStride);
        FloatVector c5b = load(from, fromIndex + 5 * fromStride + LANES);
        FloatVector c6a = load(from, fromIndex + 6 * fromStride);
        FloatVector c6b = load(from, fromIndex + 6 * fromStride + LANES);
        FloatVector c7a = load(from, fromIndex + 7 * fromStride);
        FloatVector c7b = load(from, fromIndex + 7 * fromStride + LANES);
        FloatVector c8a = load(from, fromIndex + 8 * fromStride);
        FloatVector c8b = load(from, fromIndex + 8 * fromStride + LANES);
        for (int p = 0, ai = aPanel, bi = bPanel; p < kc; p++, ai += 9, bi += 2 * LANES) {
            FloatVector b0 = load(bPack, bi);
            FloatVector b1 = load(bPack, bi + LANES);
            FloatVector a0 = FloatVector.broadcast(SPECIES, aPack[ai]);
            c0a = b0.fma(a0, c0a);
            c0b = b1.fma(a0, c0b);
            FloatVector a1 = FloatVector.broadcast(SPECIES, aPack[ai + 1]);
            c1a = b0.fma(a1, c1a);
            c1b = b1.fma(a1, c1b);
            FloatVector a2 = FloatVector.broadcast(SPECIES, aPack[ai + 2]);
            c2a = b0.fma(a2, c2a);
            c2b = b1.fma(a2, c2b);
            FloatVector a3 = FloatVector.broadcast(SPECIES, aPack[ai + 3]);
            c3a = b0.fma(a3, c3a);
            c3b = b1.fma(a3, c3b);
            FloatVector a4 = FloatVector.broadcast(SPECIES, aPack[ai + 4]);
            c4a = b0.fma(a4, c4a);
            c4b = b1.fma(a4, c4b);
            FloatVector a5 = FloatVector.broadcast(SPECIES, aPack[ai + 5]);
            c5a = b0.fma(a5, c5a);
            c5b = b1.fma(a5, c5b);
            FloatVector a6 = FloatVector.broadcast(SPECIES, aPack[ai + 6]);
            c6a = b0.fma(a6, c6a);
            c6b = b1.fma(a6, c6b);
            FloatVector a7 = FloatVector.broadcast(SPECIES, aPack[ai + 7]);
            c7a = b0.fma(a7, c7a);
            c7b = b1.fma(a7, c7b);
            FloatVector a8 = FloatVector.broadcast(SPECIES, aPack[ai + 8]);
            c8a = b0.fma(a8, c8a);
            c8b = b1.fma(a8, c8b);
        }
        c0a.intoArray(target, index);
        c0b.intoArray(target, index + LANES);
        c1a.intoArray(target, index + stride);
        c1b.intoArray(target, index + stride + LANES);
        c2a.intoArray(target, index + 2 * stride);
        c2b.intoArray(target, index + 2 * stride + LANES);
        c3a.intoArray(target, index + 3 * stride);
        c3b.intoArray(target, index + 3 * stride + LANES);
        c4a.intoArray(target, index + 4 * stride);
        c4b.intoArray(target, index + 4 * stride + LANES);
        c5a.intoArray(target, index + 5 * stride);
        c5b.intoArray(target, index + 5 * stride + LANES);
        c6a.intoArray(target, index + 6 * stride);
        c6b.intoArray(target, index + 6 * stride + LANES);
        c7a.intoArray(target, index + 7 * stride);
        c7b.intoArray(target, index + 7 * stride + LANES);
        c8a.intoArray(target, index + 8 * stride);
        c8b.intoArray(target, index + 8 * stride + LANES);
    }

    /** {@link #microKernel9x2} for a 3 x 3-vector tile. */
    private static void microKernel3x3(float[] from, int fromIndex, int fromStride, float[] aPack, int aPanel,
                                       float[] bPack, int bPanel, int kc, float[] target, int index, int stride) {
        FloatVector c00 = load(from, fromIndex);
        FloatVector c01 = load(from, fromIndex + LANES);
        FloatVector c02 = load(from, fromIndex + 2 * LANES);
        FloatVector c10 = load(from, fromIndex + fromStride);
        FloatVector c11 = load(from, fromIndex + fromStride + LANES);
        FloatVector c12 = load(from, fromIndex + fromStride + 2 * LANES);
        FloatVector c20 = load(from, fromIndex + 2 * fromStride);
        FloatVector c21 = load(from, fromIndex + 2 * fromStride + LANES);
        FloatVector c22 = load(from, fromIndex + 2 * fromStride + 2 * LANES);
        // Counting A's index to its end rather than p to kc: with a p counter C2 derived both indices
        // from it and kept A's through memory or a vector register, 17% slower at 256 bits. The
        // 5 x 2 loop it replaced measured 2% faster with its counter, so each keeps its own form.
        for (int ai = aPanel, bi = bPanel, aEnd = aPanel + 3 * kc; ai < aEnd; ai += 3, bi += 3 * LANES) {
            FloatVector b0 = load(bPack, bi);
            FloatVector b1 = load(bPack, bi + LANES);
            FloatVector b2 = load(bPack, bi + 2 * LANES);
            FloatVector a0 = FloatVector.broadcast(SPECIES, aPack[ai]);
            c00 = b0.fma(a0, c00);
            c01 = b1.fma(a0, c01);
            c02 = b2.fma(a0, c02);
            FloatVector a1 = FloatVector.broadcast(SPECIES, aPack[ai + 1]);
            c10 = b0.fma(a1, c10);
            c11 = b1.fma(a1, c11);
            c12 = b2.fma(a1, c12);
            FloatVector a2 = FloatVector.broadcast(SPECIES, aPack[ai + 2]);
            c20 = b0.fma(a2, c20);
            c21 = b1.fma(a2, c21);
            c22 = b2.fma(a2, c22);
        }
        c00.intoArray(target, index);
        c01.intoArray(target, index + LANES);
        c02.intoArray(target, index + 2 * LANES);
        c10.intoArray(target, index + stride);
        c11.intoArray(target, index + stride + LANES);
        c12.intoArray(target, index + stride + 2 * LANES);
        c20.intoArray(target, index + 2 * stride);
        c21.intoArray(target, index + 2 * stride + LANES);
        c22.intoArray(target, index + 2 * stride + 2 * LANES);
    }

    private static FloatVector load(float[] array, int index) {
        return FloatVector.fromArray(SPECIES, array, index);
    }

    /**
     * The rows x cols corner of C's tile at cIndex (row stride n) = its start (from fromIndex, row
     * stride fromStride) + the tile. From zeros that is 0 + the tile rather than the tile: a -0 sum
     * stays +0, as when adding to a cleared C.
     */
    private static void addEdgeTile(float[] from, int fromIndex, int fromStride, float[] tile, float[] c, int cIndex,
                                    int n, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            for (int col = 0; col < cols; col++) {
                c[cIndex + r * n + col] = from[fromIndex + r * fromStride + col] + tile[r * NR + col];
            }
        }
    }
}
