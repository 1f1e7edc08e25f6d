package io.vecnet.kernels.vector;

/**
 * Per-thread work buffers for packing and transposing, grown on demand and then reused, so that
 * a training loop calling the kernels allocates nothing after its first iteration.
 */
final class Scratch {
    enum Slot { A, B, C }

    private static final ThreadLocal<float[][]> BUFFERS =
            ThreadLocal.withInitial(() -> new float[Slot.values().length][0]);

    private Scratch() {
    }

    static float[] get(Slot slot, int size) {
        float[][] buffers = BUFFERS.get();
        if (buffers[slot.ordinal()].length < size) {
            buffers[slot.ordinal()] = new float[size];
        }
        return buffers[slot.ordinal()];
    }

    /**
     * Writes the cols x rows transpose of the rows x cols matrix at {@code src[offset..]} into a scratch
     * slot, from index 0.
     */
    static float[] transpose(Slot slot, float[] src, int offset, int rows, int cols) {
        float[] dst = get(slot, rows * cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                dst[j * rows + i] = src[offset + i * cols + j];
            }
        }
        return dst;
    }
}
