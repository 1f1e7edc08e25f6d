package io.vecnet.kernels;

/**
 * The three products training needs, each {@code C (m x n) = op(A) · op(B)} with inner size k.
 * The forms name the stored layouts so no caller has to materialise a transpose.
 */
public enum MatmulForm {
    /** {@code C = A · B}: A is m x k, B is k x n (forward passes). */
    AB,
    /** {@code C = Aᵀ · B}: A is k x m, B is k x n (weight gradients such as Xᵀ·dscores). */
    ATB,
    /** {@code C = A · Bᵀ}: A is m x k, B is n x k (back-propagation such as dscores·W2ᵀ). */
    ABT;

    /** Index of A(i, p) in A's row-major storage. */
    public int aIndex(int i, int p, int m, int k) {
        return this == ATB ? p * m + i : i * k + p;
    }

    /** Index of B(p, j) in B's row-major storage. */
    public int bIndex(int p, int j, int k, int n) {
        return this == ABT ? j * k + p : p * n + j;
    }
}
