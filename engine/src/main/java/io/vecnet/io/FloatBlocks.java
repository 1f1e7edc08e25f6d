package io.vecnet.io;

import java.util.Arrays;

/**
 * A growing sequence of floats kept in fixed-size blocks, so that growing never copies what is
 * already stored: at most one block is partly unused, and the final array costs one copy.
 */
final class FloatBlocks {
    static final int BLOCK_BITS = 16;
    static final int BLOCK = 1 << BLOCK_BITS;

    private float[][] blocks = new float[8][];
    private long size;

    long size() {
        return size;
    }

    void add(float value) {
        int offset = (int) (size & (BLOCK - 1));
        int block = (int) (size >>> BLOCK_BITS);
        if (offset == 0) {
            if (block == blocks.length) {
                blocks = Arrays.copyOf(blocks, 2 * block);
            }
            blocks[block] = new float[BLOCK];
        }
        blocks[block][offset] = value;
        size++;
    }

    /** The values in one array; each block is released once it is copied. */
    float[] toArray() {
        float[] all = new float[Math.toIntExact(size)];
        for (int block = 0; (long) block * BLOCK < size; block++) {
            int from = block * BLOCK;
            System.arraycopy(blocks[block], 0, all, from, (int) Math.min(BLOCK, size - from));
            blocks[block] = null;
        }
        return all;
    }
}
