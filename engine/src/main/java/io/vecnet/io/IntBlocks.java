package io.vecnet.io;

import java.util.Arrays;

/** {@link FloatBlocks} for ints: a growing sequence that never copies what it already holds. */
final class IntBlocks {
    private int[][] blocks = new int[8][];
    private long size;

    long size() {
        return size;
    }

    void add(int value) {
        int offset = (int) (size & (FloatBlocks.BLOCK - 1));
        int block = (int) (size >>> FloatBlocks.BLOCK_BITS);
        if (offset == 0) {
            if (block == blocks.length) {
                blocks = Arrays.copyOf(blocks, 2 * block);
            }
            blocks[block] = new int[FloatBlocks.BLOCK];
        }
        blocks[block][offset] = value;
        size++;
    }

    /** The values in one array; each block is released once it is copied. */
    int[] toArray() {
        int[] all = new int[Math.toIntExact(size)];
        for (int block = 0; (long) block * FloatBlocks.BLOCK < size; block++) {
            int from = block * FloatBlocks.BLOCK;
            System.arraycopy(blocks[block], 0, all, from, (int) Math.min(FloatBlocks.BLOCK, size - from));
            blocks[block] = null;
        }
        return all;
    }
}
