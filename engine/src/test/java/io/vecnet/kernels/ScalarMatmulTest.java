package io.vecnet.kernels;

import static io.vecnet.testing.FloatAsserts.assertSameBits;
import static io.vecnet.testing.FloatAsserts.randomFloats;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The scalar matmul's tiles (two rows by four columns, one by four, four by one, one by one) against
 * the plainest loop, one chain per output, bit for bit: every form, with and without accumulation,
 * on sizes around each tile's edges, with operands at offsets inside larger arrays.
 */
class ScalarMatmulTest {
    private static final int[] ROWS_AND_COLUMNS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 17};
    private static final int[] INNER = {0, 1, 2, 3, 16, 33};
    private static final int OFFSET = 5;

    @ParameterizedTest(name = "{0}")
    @EnumSource(MatmulForm.class)
    void tilesGiveTheBitsOfOneChainPerOutput(MatmulForm form) {
        for (boolean accumulate : new boolean[] {false, true}) {
            for (int m : ROWS_AND_COLUMNS) {
                for (int n : ROWS_AND_COLUMNS) {
                    for (int k : INNER) {
                        checkAgainstOneChainPerOutput(form, accumulate, m, k, n);
                    }
                }
            }
        }
    }

    private static void checkAgainstOneChainPerOutput(MatmulForm form, boolean accumulate, int m, int k, int n) {
        SplittableRandom random = new SplittableRandom(31L * m + 7L * k + n + form.ordinal());
        float[] a = randomFloats(random, OFFSET + m * k, 2f);
        float[] b = randomFloats(random, OFFSET + k * n, 2f);
        float[] c = randomFloats(random, 2 * OFFSET + m * n, 2f);
        float[] expected = c.clone();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int index = OFFSET + i * n + j;
                float sum = accumulate && form != MatmulForm.ABT ? expected[index] : 0f;
                for (int p = 0; p < k; p++) {
                    sum = Math.fma(a[OFFSET + form.aIndex(i, p, m, k)], b[OFFSET + form.bIndex(p, j, k, n)], sum);
                }
                expected[index] = accumulate && form == MatmulForm.ABT ? expected[index] + sum : sum;
            }
        }
        new ScalarKernels().matmul(form, a, OFFSET, b, OFFSET, c, OFFSET, m, k, n, accumulate);
        assertSameBits(expected, c, form + " accumulate=" + accumulate + " m=" + m + " k=" + k + " n=" + n);
    }
}
