package io.vecnet.kernels.vector;

import static io.vecnet.testing.FloatAsserts.UNIT_ROUNDOFF;
import static io.vecnet.testing.FloatAsserts.assertSameBits;
import static io.vecnet.testing.FloatAsserts.assertWithin;
import static io.vecnet.testing.FloatAsserts.randomFloats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.kernels.MatmulForm;
import io.vecnet.kernels.ScalarKernels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every vector matmul variant, every form, with and without accumulation, on awkward shapes, checked
 * against a float64 reference; the scalar backend and the vector façade against the same reference.
 * Operands placed at offsets inside larger arrays must give the bits they give from index 0, and leave
 * the rest of the output array alone.
 */
class MatmulKernelTest {
    private static final int LANES = VectorMath.LANES;
    /** Offsets off the lane grid, each at a different distance from it. */
    private static final int A_OFFSET = 3;
    private static final int B_OFFSET = LANES + 1;
    private static final int C_OFFSET = 2 * LANES - 1;
    /** Around C: finite, so that any write there, even of a NaN, changes the bits. */
    private static final float C_GUARD = -1.75f;

    /** (m, k, n): zero and unit dimensions, lane boundaries, the case study's shapes, PackedGemm edge tiles and blocks. */
    static List<int[]> shapes() {
        List<int[]> shapes = new ArrayList<>(List.of(
                new int[] {0, 0, 0}, new int[] {0, 5, 7}, new int[] {5, 0, 7}, new int[] {5, 7, 0},
                new int[] {1, 0, 1}, new int[] {1, 1, 1}, new int[] {1, 300, 1}, new int[] {2, 3, 1},
                new int[] {3, 1, 2}, new int[] {1, 17, 33}, new int[] {3, 2, 100},
                new int[] {300, 2, 100}, new int[] {300, 100, 3}, new int[] {100, 300, 3}, new int[] {2, 300, 100},
                new int[] {300, 3, 100}, new int[] {15, 16, 17}, new int[] {16, 15, 31}, new int[] {17, 33, 16},
                new int[] {31, 31, 31}, new int[] {33, 17, 15}, new int[] {37, 61, 127}, new int[] {7, 211, 7},
                new int[] {8, 16, 64}, new int[] {4, 64, 64}, new int[] {13, 257, 65}, new int[] {5, 513, 3},
                new int[] {64, 256, 512}, new int[] {9, 300, 600}));
        // Shapes tied to this JVM's vector width and PackedGemm's blocking.
        shapes.add(new int[] {7, 19, LANES - 1});
        shapes.add(new int[] {6, 20, LANES + 1});
        shapes.add(new int[] {5, 9, 4 * LANES - 1});
        shapes.add(new int[] {10, 48, 4 * LANES + 1});
        GemmBlocking blocking = GemmBlocking.DETECTED;
        shapes.add(new int[] {2 * PackedGemm.MR + 1, blocking.kc() + 1, blocking.nc() + PackedGemm.NR + 1});
        return shapes;
    }

    static Stream<Arguments> variantCases() {
        List<Arguments> cases = new ArrayList<>();
        for (MatmulKernel variant : MatmulKernel.values()) {
            for (MatmulForm form : MatmulForm.values()) {
                for (boolean accumulate : new boolean[] {false, true}) {
                    for (int[] s : shapes()) {
                        cases.add(Arguments.of(variant, form, accumulate, s[0], s[1], s[2]));
                    }
                }
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> formCases() {
        List<Arguments> cases = new ArrayList<>();
        for (MatmulForm form : MatmulForm.values()) {
            for (boolean accumulate : new boolean[] {false, true}) {
                for (int[] s : shapes()) {
                    cases.add(Arguments.of(form, accumulate, s[0], s[1], s[2]));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} accumulate={2} m={3} k={4} n={5}")
    @MethodSource("variantCases")
    void everyVariantMatchesTheFloat64Reference(MatmulKernel variant, MatmulForm form, boolean accumulate,
                                                int m, int k, int n) {
        Problem p = new Problem(form, m, k, n);
        float[] c = p.initialC(accumulate);
        variant.multiply(form, p.a.clone(), 0, p.b.clone(), 0, c, 0, m, k, n, accumulate, Workers.SERIAL);
        p.assertMatchesReference(c, accumulate, variant + " " + form);
    }

    @ParameterizedTest(name = "{0} {1} accumulate={2} m={3} k={4} n={5}")
    @MethodSource("variantCases")
    void everyVariantGivesTheSameBitsAtOffsetsAndTouchesNothingOutsideC(MatmulKernel variant, MatmulForm form,
                                                                        boolean accumulate, int m, int k, int n) {
        Problem p = new Problem(form, m, k, n);
        float[] fromZero = p.initialC(accumulate);
        variant.multiply(form, p.a, 0, p.b, 0, fromZero, 0, m, k, n, accumulate, Workers.SERIAL);
        Placed placed = p.placed(accumulate);
        variant.multiply(form, placed.a(), A_OFFSET, placed.b(), B_OFFSET, placed.c(), C_OFFSET, m, k, n, accumulate,
                Workers.SERIAL);
        String context = variant + " " + form + " m=" + m + " k=" + k + " n=" + n;
        assertSameBits(fromZero, placed.product(), context + ", offsets vs index 0");
        placed.assertOnlyCChanged(p, accumulate, context);
    }

    @ParameterizedTest(name = "{0} accumulate={1} m={2} k={3} n={4}")
    @MethodSource("formCases")
    void vectorFacadeMatchesTheFloat64Reference(MatmulForm form, boolean accumulate, int m, int k, int n) {
        Problem p = new Problem(form, m, k, n);
        float[] a = p.a.clone();
        float[] b = p.b.clone();
        float[] c = p.initialC(accumulate);
        new VectorKernels().matmul(form, a, b, c, m, k, n, accumulate);
        p.assertMatchesReference(c, accumulate, "vector " + form);
        assertSameBits(p.a, a, "A must not change");
        assertSameBits(p.b, b, "B must not change");
    }

    @ParameterizedTest(name = "{0} accumulate={1} m={2} k={3} n={4}")
    @MethodSource("formCases")
    void scalarBackendMatchesTheFloat64Reference(MatmulForm form, boolean accumulate, int m, int k, int n) {
        Problem p = new Problem(form, m, k, n);
        float[] c = p.initialC(accumulate);
        new ScalarKernels().matmul(form, p.a.clone(), p.b.clone(), c, m, k, n, accumulate);
        p.assertMatchesReference(c, accumulate, "scalar " + form);
    }

    @ParameterizedTest(name = "{0} accumulate={1} m={2} k={3} n={4}")
    @MethodSource("formCases")
    void bothBackendsWithOffsetsMatchTheFloat64ReferenceAndEachOther(MatmulForm form, boolean accumulate,
                                                                     int m, int k, int n) {
        Problem p = new Problem(form, m, k, n);
        Placed vector = p.placed(accumulate);
        Placed scalar = p.placed(accumulate);
        new VectorKernels().matmul(form, vector.a(), A_OFFSET, vector.b(), B_OFFSET, vector.c(), C_OFFSET, m, k, n,
                accumulate);
        new ScalarKernels().matmul(form, scalar.a(), A_OFFSET, scalar.b(), B_OFFSET, scalar.c(), C_OFFSET, m, k, n,
                accumulate);
        String context = form + " m=" + m + " k=" + k + " n=" + n;
        p.assertMatchesReference(vector.product(), accumulate, "vector with offsets " + form);
        p.assertMatchesReference(scalar.product(), accumulate, "scalar with offsets " + form);
        vector.assertOnlyCChanged(p, accumulate, "vector " + context);
        scalar.assertOnlyCChanged(p, accumulate, "scalar " + context);
        if (form != MatmulForm.ABT && MatmulKernel.choose(form, m, k, n) == MatmulKernel.ROW_STREAMING) {
            assertSameBits(scalar.c(), vector.c(), "row streaming with offsets vs scalar, " + context);
        }
    }

    @Test
    void facadeShapesReachEveryVariant() {
        Set<MatmulKernel> chosen = EnumSet.noneOf(MatmulKernel.class);
        for (MatmulForm form : MatmulForm.values()) {
            for (int[] s : shapes()) {
                chosen.add(MatmulKernel.choose(form, s[0], s[1], s[2]));
            }
        }
        assertEquals(EnumSet.allOf(MatmulKernel.class), chosen);
    }

    @Test
    void variantsReuseScratchWithoutStaleData() {
        // A large product fills the scratch buffers; a small one after it must not see their contents.
        for (MatmulKernel variant : MatmulKernel.values()) {
            for (MatmulForm form : MatmulForm.values()) {
                Problem large = new Problem(form, 40, 300, 200);
                variant.multiply(form, large.a, 0, large.b, 0, large.initialC(false), 0, 40, 300, 200, false,
                        Workers.SERIAL);
                Problem small = new Problem(form, 5, 3, 2);
                float[] c = small.initialC(false);
                variant.multiply(form, small.a, 0, small.b, 0, c, 0, 5, 3, 2, false, Workers.SERIAL);
                small.assertMatchesReference(c, false, variant + " " + form + " after a larger product");
            }
        }
    }

    @ParameterizedTest(name = "{0} accumulate={1}")
    @MethodSource("formsAndAccumulate")
    void rowStreamingGivesTheScalarBackendsBitsForUntransposedB(MatmulForm form, boolean accumulate) {
        for (int[] s : shapes()) {
            Problem p = new Problem(form, s[0], s[1], s[2]);
            float[] vector = p.initialC(accumulate);
            float[] scalar = p.initialC(accumulate);
            MatmulKernel.ROW_STREAMING.multiply(form, p.a, 0, p.b, 0, vector, 0, s[0], s[1], s[2], accumulate,
                    Workers.SERIAL);
            new ScalarKernels().matmul(form, p.a, p.b, scalar, s[0], s[1], s[2], accumulate);
            assertSameBits(scalar, vector, "row streaming " + form + " " + Arrays.toString(s));
        }
    }

    @ParameterizedTest(name = "{0} accumulate={1}")
    @MethodSource("formCases")
    void rowStreamingInChunksOfBKeepsTheBits(MatmulForm form, boolean accumulate, int m, int k, int n) {
        Problem p = new Problem(form, m, k, n);
        float[] whole = p.initialC(accumulate);
        RowStreamingMatmul.multiply(form, p.a, 0, p.b, 0, whole, 0, m, k, n, accumulate, Integer.MAX_VALUE);
        for (int chunkRows : new int[] {1, 7, 16}) {
            float[] chunked = p.initialC(accumulate);
            RowStreamingMatmul.multiply(form, p.a, 0, p.b, 0, chunked, 0, m, k, n, accumulate, chunkRows);
            assertSameBits(whole, chunked, "row streaming " + form + " " + m + "x" + k + "x" + n + ", B "
                    + chunkRows + " rows at a time");
        }
    }

    static Stream<Arguments> formsAndAccumulate() {
        return Stream.of(MatmulForm.AB, MatmulForm.ATB)
                .flatMap(form -> Stream.of(Arguments.of(form, false), Arguments.of(form, true)));
    }

    @ParameterizedTest(name = "{0} {1}x{2}x{3}")
    @MethodSource("parallelShapes")
    void packedGemmGivesTheSameBitsOnAnyNumberOfThreadsAndAtOffsets(MatmulForm form, int m, int k, int n) {
        assertTrue((long) m * k * n >= PackedGemm.PARALLEL_THRESHOLD, "shape must be large enough to split");
        Problem p = new Problem(form, m, k, n);
        float[] serial = p.initialC(true);
        MatmulKernel.PACKED_GEMM.multiply(form, p.a, 0, p.b, 0, serial, 0, m, k, n, true, Workers.SERIAL);
        for (Workers workers : List.of(TWO_WORKERS, THREE_WORKERS)) {
            float[] parallel = p.initialC(true);
            MatmulKernel.PACKED_GEMM.multiply(form, p.a, 0, p.b, 0, parallel, 0, m, k, n, true, workers);
            assertSameBits(serial, parallel, "PACKED_GEMM " + form + " on " + workers.threads() + " threads");
            Placed placed = p.placed(true);
            MatmulKernel.PACKED_GEMM.multiply(form, placed.a(), A_OFFSET, placed.b(), B_OFFSET, placed.c(), C_OFFSET,
                    m, k, n, true, workers);
            String context = "PACKED_GEMM " + form + " with offsets on " + workers.threads() + " threads";
            assertSameBits(serial, placed.product(), context);
            placed.assertOnlyCChanged(p, true, context);
        }
    }

    /**
     * Every blocking the OS could choose must give a correct product: block sizes from small caches
     * and this machine's, and the smallest legal blocks, which make every tile an edge of some block,
     * with B packed whole and (strip of 0 floats) one KC x NC block at a time;
     * the largest shape crosses every block edge, and where it is large enough to split, it gives the
     * same bits on three threads as on one.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("blockings")
    void packedGemmIsCorrectForEveryBlocking(GemmBlocking blocking) {
        for (MatmulForm form : MatmulForm.values()) {
            for (boolean accumulate : new boolean[] {false, true}) {
                int[] acrossEveryEdge = {blocking.mc() + PackedGemm.MR + 1, blocking.kc() + 7,
                        blocking.nc() + PackedGemm.NR + 1};
                for (int[] s : List.of(new int[] {1, 1, 1}, new int[] {17, 33, 31}, new int[] {37, 61, 127},
                        acrossEveryEdge)) {
                    Problem p = new Problem(form, s[0], s[1], s[2]);
                    float[] serial = p.initialC(accumulate);
                    PackedGemm.multiply(blocking, form, p.a, 0, p.b, 0, serial, 0, s[0], s[1], s[2], accumulate,
                            Workers.SERIAL);
                    String context = blocking + " " + form + " " + Arrays.toString(s);
                    p.assertMatchesReference(serial, accumulate, context);
                    float[] parallel = p.initialC(accumulate);
                    PackedGemm.multiply(blocking, form, p.a, 0, p.b, 0, parallel, 0, s[0], s[1], s[2], accumulate,
                            THREE_WORKERS);
                    assertSameBits(serial, parallel, context + " on 3 threads");
                }
            }
        }
    }

    /**
     * A packed all at once for every KC block (B packed whole, A shallow enough) and A packed one KC
     * block at a time (B one KC x NC block at a time) add the same KC blocks in the same order.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(MatmulForm.class)
    void packingAForEveryDepthAtOnceKeepsTheBits(MatmulForm form) {
        GemmBlocking deep = new GemmBlocking(7, 40 * PackedGemm.MR, 3 * PackedGemm.NR);
        GemmBlocking perBlock = new GemmBlocking(7, 40 * PackedGemm.MR, 3 * PackedGemm.NR, 0);
        int m = 2 * deep.deepRows(15) + PackedGemm.MR + 2;
        assertTrue(deep.deepRows(15) > 0, "the shape must take the deep path");
        for (boolean accumulate : new boolean[] {false, true}) {
            Problem p = new Problem(form, m, 15, 2 * PackedGemm.NR + 3);
            float[] expected = p.initialC(accumulate);
            PackedGemm.multiply(perBlock, form, p.a, 0, p.b, 0, expected, 0, p.m, p.k, p.n, accumulate, Workers.SERIAL);
            float[] actual = p.initialC(accumulate);
            PackedGemm.multiply(deep, form, p.a, 0, p.b, 0, actual, 0, p.m, p.k, p.n, accumulate, Workers.SERIAL);
            assertSameBits(expected, actual, form + (accumulate ? " accumulating" : ""));
        }
    }

    /**
     * The packed GEMM's affine product (C starts as the bias row, block by block) has the bits of
     * copying the bias into every row of C and accumulating the product, for every blocking (its
     * three loop orders) and on three threads.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("blockings")
    void packedAffineEqualsTheBiasCopiedThenTheProductAdded(GemmBlocking blocking) {
        for (int[] s : List.of(new int[] {1, 0, 1}, new int[] {17, 33, 31},
                new int[] {blocking.mc() + PackedGemm.MR + 1, blocking.kc() + 7, blocking.nc() + PackedGemm.NR + 1})) {
            Problem p = new Problem(MatmulForm.AB, s[0], s[1], s[2]);
            float[] bias = randomFloats(new SplittableRandom(s[0] * 31L + s[2]), s[2] + 3, 2f);
            float[] expected = new float[p.m * p.n];
            for (int i = 0; i < p.m; i++) {
                System.arraycopy(bias, 3, expected, i * p.n, p.n);
            }
            PackedGemm.multiply(blocking, MatmulForm.AB, p.a, 0, p.b, 0, expected, 0, p.m, p.k, p.n, true,
                    Workers.SERIAL);
            for (Workers workers : List.of(Workers.SERIAL, THREE_WORKERS)) {
                float[] actual = p.initialC(true);
                PackedGemm.affine(blocking, p.a, p.b, 0, bias, 3, actual, p.m, p.k, p.n, workers);
                assertSameBits(expected, actual, blocking + " " + Arrays.toString(s) + " on " + workers.threads());
            }
        }
    }

    static Stream<GemmBlocking> blockings() {
        return Stream.of(
                new GemmBlocking(1, PackedGemm.MR, PackedGemm.NR),
                new GemmBlocking(7, 2 * PackedGemm.MR, 3 * PackedGemm.NR),
                new GemmBlocking(7, 2 * PackedGemm.MR, 3 * PackedGemm.NR, 0),
                new GemmBlocking(7, 40 * PackedGemm.MR, 3 * PackedGemm.NR),
                GemmBlocking.forCaches(new CacheSizes(1024, 4096, "tiny")),
                GemmBlocking.forCaches(new CacheSizes(32 * 1024, 256 * 1024, "small")),
                GemmBlocking.DETECTED);
    }

    private static final Workers TWO_WORKERS = new Workers(2);
    private static final Workers THREE_WORKERS = new Workers(3);

    static Stream<Arguments> parallelShapes() {
        // Tall splits by rows, wide by columns; odd sizes leave ragged edge tiles in every part.
        return Stream.of(MatmulForm.values()).flatMap(form -> Stream.of(
                Arguments.of(form, 1031, 257, 255),
                Arguments.of(form, 61, 263, 4201)));
    }

    /** Random operands in the stored layout of a form, with C's starting values, and the float64 product. */
    static final class Problem {
        final MatmulForm form;
        final int m, k, n;
        final float[] a, b, c0;

        Problem(MatmulForm form, int m, int k, int n) {
            this.form = form;
            this.m = m;
            this.k = k;
            this.n = n;
            SplittableRandom random = new SplittableRandom(((long) m * 1_000_003 + k) * 1_000_003 + n + form.ordinal());
            a = randomFloats(random, m * k, 1f);
            b = randomFloats(random, k * n, 1f);
            c0 = randomFloats(random, m * n, 1f);
        }

        /** C's exact size, so any write past the end fails; NaN where the kernel must overwrite. */
        float[] initialC(boolean accumulate) {
            float[] c = c0.clone();
            if (!accumulate) {
                java.util.Arrays.fill(c, Float.NaN);
            }
            return c;
        }

        /**
         * A, B and C at their offsets inside larger arrays. A and B are surrounded by NaN, so that a read
         * outside them spoils the result; C by C_GUARD, which no write may change.
         */
        Placed placed(boolean accumulate) {
            return new Placed(place(a, A_OFFSET, Float.NaN), place(b, B_OFFSET, Float.NaN),
                    place(initialC(accumulate), C_OFFSET, C_GUARD), m * n);
        }

        /** Followed by a bit more than two vectors, so that a vector running past the end stays in the array. */
        private static float[] place(float[] values, int offset, float around) {
            float[] array = new float[offset + values.length + 2 * LANES + 1];
            Arrays.fill(array, around);
            System.arraycopy(values, 0, array, offset, values.length);
            return array;
        }

        void assertMatchesReference(float[] c, boolean accumulate, String context) {
            double[] reference = new double[m * n];
            double[] tolerance = new double[m * n];
            double scale = 4 * Math.sqrt(k + 1.0) * UNIT_ROUNDOFF;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = accumulate ? c0[i * n + j] : 0;
                    double magnitude = Math.abs(sum);
                    for (int p = 0; p < k; p++) {
                        double term = (double) a[form.aIndex(i, p, m, k)] * b[form.bIndex(p, j, k, n)];
                        sum += term;
                        magnitude += Math.abs(term);
                    }
                    reference[i * n + j] = sum;
                    tolerance[i * n + j] = scale * magnitude;
                }
            }
            assertWithin(reference, c, tolerance, context + " m=" + m + " k=" + k + " n=" + n);
        }
    }

    /** The operands of a {@link Problem} at A_OFFSET, B_OFFSET and C_OFFSET in larger arrays. */
    record Placed(float[] a, float[] b, float[] c, int cSize) {
        float[] product() {
            return Arrays.copyOfRange(c, C_OFFSET, C_OFFSET + cSize);
        }

        /** A and B as placed, and C's guard around the product, still bit for bit. */
        void assertOnlyCChanged(Problem p, boolean accumulate, String context) {
            Placed untouched = p.placed(accumulate);
            assertSameBits(untouched.a(), a, context + ": A's array must not change");
            assertSameBits(untouched.b(), b, context + ": B's array must not change");
            float[] expected = untouched.c().clone();
            System.arraycopy(c, C_OFFSET, expected, C_OFFSET, cSize);
            assertSameBits(expected, c, context + ": C's array outside the product must not change");
        }
    }

}
