package io.vecnet.cli;

import io.vecnet.nn.Mlp;
import io.vecnet.nn.NetworkSpec;
import java.util.Locale;

/** What a training run will allocate, so that absurd sizes are refused before the first array. */
final class MemoryEstimate {
    private MemoryEstimate() {
    }

    /**
     * Bytes for training {@code spec} on {@code rows} rows, {@code stepRows} at a time (all of them for
     * full-batch runs), at 4 bytes per number: the data set and one copy (its split, then the scaled
     * rows); for the rows of one step a copy of their features, every layer's activations and two
     * deltas of the widest layer; an evaluation's block of activations ({@link Mlp#BLOCK_ROWS} rows)
     * and its scores and their gradient for every row; the parameters five times (model, working
     * copy, gradient and an optimiser's two moments).
     */
    static long trainingBytes(NetworkSpec spec, double rows, double stepRows) {
        double activations = 0;
        double widest = 0;
        for (int l = 1; l <= spec.depth(); l++) {
            activations += spec.width(l);
            widest = Math.max(widest, spec.width(l));
        }
        double data = 2 * rows * (spec.inputs() + 1);
        double step = stepRows * (spec.inputs() + activations + 2 * widest);
        double evaluation = Math.min(rows, Mlp.BLOCK_ROWS) * activations + 2 * rows * spec.classes();
        double floats = data + step + evaluation + 5.0 * spec.parameterCount();
        return (long) Math.min(Long.MAX_VALUE, 4 * floats);
    }

    /** How to run vecnet with a larger heap: twice the present one, in whole gigabytes, through the launcher. */
    static String moreMemory() {
        return moreMemory(0);
    }

    /** {@link #moreMemory()}, but at least a quarter more than {@code neededBytes}. */
    static String moreMemory(long neededBytes) {
        long bytes = Math.max(2 * Runtime.getRuntime().maxMemory(), neededBytes + neededBytes / 4);
        return "allow more with VECNET_JAVA_OPTS=-Xmx" + Math.max(1, Math.ceilDiv(bytes, 1L << 30)) + "g";
    }

    /** Bytes in the largest unit that keeps the number at or above 1: {@code 7.5 GB}. */
    static String format(long bytes) {
        String[] units = {"bytes", "KB", "MB", "GB", "TB", "PB", "EB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
