package io.vecnet.kernels.vector;

import io.vecnet.kernels.MatmulForm;

/**
 * The vector matmul variants. Each computes every {@link MatmulForm}, transposing an operand into
 * scratch where its access pattern needs it; {@link #choose} picks the one that suits a shape.
 * Tests run every variant on every form so none goes unchecked.
 */
enum MatmulKernel {
    /** Row of C held in registers, streamed over rows of B: best for small inner sizes. */
    ROW_STREAMING {
        @Override
        void multiply(MatmulForm form, float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset,
                      int m, int k, int n, boolean accumulate, Workers workers) {
            RowStreamingMatmul.multiply(form, a, aOffset, b, bOffset, c, cOffset, m, k, n, accumulate);
        }
    },
    /** Each output a dot product of contiguous rows: best for narrow outputs such as n = 3 classes. */
    DOT_PRODUCT {
        @Override
        void multiply(MatmulForm form, float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset,
                      int m, int k, int n, boolean accumulate, Workers workers) {
            DotProductMatmul.multiply(form, a, aOffset, b, bOffset, c, cOffset, m, k, n, accumulate);
        }
    },
    /**
     * Computes Cᵀ = op(B)ᵀ·op(A)ᵀ with row streaming, then transposes it: for Aᵀ·B with a narrow
     * output, where it streams along A's contiguous rows instead of transposing A.
     */
    TRANSPOSED_OUTPUT {
        @Override
        void multiply(MatmulForm form, float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset,
                      int m, int k, int n, boolean accumulate, Workers workers) {
            RowStreamingMatmul.multiplyTransposedOutput(form, a, aOffset, b, bOffset, c, cOffset, m, k, n, accumulate);
        }
    },
    /** Packed, cache-blocked GEMM with a register-tiled micro-kernel: for large shapes. */
    PACKED_GEMM {
        @Override
        void multiply(MatmulForm form, float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset,
                      int m, int k, int n, boolean accumulate, Workers workers) {
            PackedGemm.multiply(form, a, aOffset, b, bOffset, c, cOffset, m, k, n, accumulate, workers);
        }
    };

    /**
     * Below this many multiply-adds packing costs more than it saves: for square products here, row
     * streaming and the packed GEMM tie at n = 32 and the packed GEMM is 1.5x faster from n = 40.
     */
    static final long PACKING_THRESHOLD = 32L * 32 * 32;

    /**
     * {@code C (+)= op(A) · op(B)} with each operand row-major from its offset, touching no element of c
     * outside the m x n block there. Runs on the calling thread, or splits over {@code workers} where the
     * variant can.
     */
    abstract void multiply(MatmulForm form, float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset,
                           int m, int k, int n, boolean accumulate, Workers workers);

    static MatmulKernel choose(MatmulForm form, int m, int k, int n) {
        if (n < VectorMath.LANES && k >= VectorMath.LANES) {
            // A row of C is less than one vector: lanes pay only along k.
            return form == MatmulForm.ATB ? TRANSPOSED_OUTPUT : DOT_PRODUCT;
        }
        if ((long) m * k * n >= PACKING_THRESHOLD && k >= 16 && m >= 8) {
            return PACKED_GEMM;
        }
        return ROW_STREAMING;
    }
}
