package io.vecnet.kernels;

/**
 * The scalar backend's matmul. Every output is one chain of fmas over p in order: from C's value
 * for A·B and Aᵀ·B when accumulating, else from 0; for A·Bᵀ from 0, C then added. Those are the
 * vector backend's row-streaming bits. Outputs are computed two rows by four columns at a time,
 * eight independent chains, because one chain waits on its own fma's latency and a loop over one
 * row of C loads and stores C for every term; leftover columns go four rows at a time. One loop
 * serves every form through the strides of A and B.
 */
final class ScalarMatmul {
    private final float[] a;
    private final float[] b;
    private final float[] c;
    private final int k;
    /** A(i, p) is a[i·aRow + p·aStep] and B(p, j) is b[p·bStep + j·bColumn], offsets included. */
    private final int aRow;
    private final int aStep;
    private final int bStep;
    private final int bColumn;
    /** Chains start from C's value; else from 0, with C added after when {@link #addC}. */
    private final boolean fromC;
    private final boolean addC;

    private ScalarMatmul(MatmulForm form, float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        this.a = a;
        this.b = b;
        this.c = c;
        this.k = k;
        this.aRow = form == MatmulForm.ATB ? 1 : k;
        this.aStep = form == MatmulForm.ATB ? m : 1;
        this.bStep = form == MatmulForm.ABT ? 1 : n;
        this.bColumn = form == MatmulForm.ABT ? k : 1;
        this.fromC = accumulate && form != MatmulForm.ABT;
        this.addC = accumulate && form == MatmulForm.ABT;
    }

    static void multiply(MatmulForm form, float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset,
                         int m, int k, int n, boolean accumulate) {
        new ScalarMatmul(form, a, b, c, m, k, n, accumulate).run(aOffset, bOffset, cOffset, m, n);
    }

    private void run(int aOffset, int bOffset, int cOffset, int m, int n) {
        int wholeColumns = n - n % 4;
        for (int i = 0; i < m; i += 2) {
            int a0 = aOffset + i * aRow;
            int c0 = cOffset + i * n;
            for (int j = 0; j < wholeColumns; j += 4) {
                if (i + 1 < m) {
                    twoByFour(a0, a0 + aRow, bOffset + j * bColumn, c0 + j, c0 + n + j);
                } else {
                    oneByFour(a0, bOffset + j * bColumn, c0 + j);
                }
            }
        }
        for (int j = wholeColumns; j < n; j++) {
            int i = 0;
            for (; i + 4 <= m; i += 4) {
                fourByOne(aOffset + i * aRow, bOffset + j * bColumn, cOffset + i * n + j, n);
            }
            for (; i < m; i++) {
                oneByOne(aOffset + i * aRow, bOffset + j * bColumn, cOffset + i * n + j);
            }
        }
    }

    private void twoByFour(int a0, int a1, int b0, int c0, int c1) {
        int b1 = b0 + bColumn;
        int b2 = b1 + bColumn;
        int b3 = b2 + bColumn;
        float s00 = start(c0), s01 = start(c0 + 1), s02 = start(c0 + 2), s03 = start(c0 + 3);
        float s10 = start(c1), s11 = start(c1 + 1), s12 = start(c1 + 2), s13 = start(c1 + 3);
        for (int p = 0, ia = 0, ib = 0; p < k; p++, ia += aStep, ib += bStep) {
            float x0 = a[a0 + ia];
            float x1 = a[a1 + ia];
            float y0 = b[b0 + ib];
            float y1 = b[b1 + ib];
            float y2 = b[b2 + ib];
            float y3 = b[b3 + ib];
            s00 = Math.fma(x0, y0, s00);
            s01 = Math.fma(x0, y1, s01);
            s02 = Math.fma(x0, y2, s02);
            s03 = Math.fma(x0, y3, s03);
            s10 = Math.fma(x1, y0, s10);
            s11 = Math.fma(x1, y1, s11);
            s12 = Math.fma(x1, y2, s12);
            s13 = Math.fma(x1, y3, s13);
        }
        finish(c0, s00);
        finish(c0 + 1, s01);
        finish(c0 + 2, s02);
        finish(c0 + 3, s03);
        finish(c1, s10);
        finish(c1 + 1, s11);
        finish(c1 + 2, s12);
        finish(c1 + 3, s13);
    }

    private void oneByFour(int a0, int b0, int c0) {
        int b1 = b0 + bColumn;
        int b2 = b1 + bColumn;
        int b3 = b2 + bColumn;
        float s0 = start(c0), s1 = start(c0 + 1), s2 = start(c0 + 2), s3 = start(c0 + 3);
        for (int p = 0, ia = 0, ib = 0; p < k; p++, ia += aStep, ib += bStep) {
            float x = a[a0 + ia];
            s0 = Math.fma(x, b[b0 + ib], s0);
            s1 = Math.fma(x, b[b1 + ib], s1);
            s2 = Math.fma(x, b[b2 + ib], s2);
            s3 = Math.fma(x, b[b3 + ib], s3);
        }
        finish(c0, s0);
        finish(c0 + 1, s1);
        finish(c0 + 2, s2);
        finish(c0 + 3, s3);
    }

    /** Rows i..i+3 of one column: C's indices step by n, A's rows by aRow. */
    private void fourByOne(int a0, int b0, int c0, int n) {
        int a1 = a0 + aRow;
        int a2 = a1 + aRow;
        int a3 = a2 + aRow;
        float s0 = start(c0), s1 = start(c0 + n), s2 = start(c0 + 2 * n), s3 = start(c0 + 3 * n);
        for (int p = 0, ia = 0, ib = 0; p < k; p++, ia += aStep, ib += bStep) {
            float y = b[b0 + ib];
            s0 = Math.fma(a[a0 + ia], y, s0);
            s1 = Math.fma(a[a1 + ia], y, s1);
            s2 = Math.fma(a[a2 + ia], y, s2);
            s3 = Math.fma(a[a3 + ia], y, s3);
        }
        finish(c0, s0);
        finish(c0 + n, s1);
        finish(c0 + 2 * n, s2);
        finish(c0 + 3 * n, s3);
    }

    private void oneByOne(int a0, int b0, int c0) {
        float s = start(c0);
        for (int p = 0, ia = 0, ib = 0; p < k; p++, ia += aStep, ib += bStep) {
            s = Math.fma(a[a0 + ia], b[b0 + ib], s);
        }
        finish(c0, s);
    }

    private float start(int index) {
        return fromC ? c[index] : 0f;
    }

    private void finish(int index, float sum) {
        c[index] = addC ? c[index] + sum : sum;
    }
}
