package io.vecnet.cli;

import io.vecnet.nn.NetworkSpec;
import java.util.Locale;

/** What a training run will allocate, so that absurd sizes are refused before the first array. */
final class MemoryEstimate {
    private MemoryEstimate() {
    }

    /**
     * Bytes for the data (the data set and one copy: its split, then the scaled rows), every layer's
     * activations and two delta buffers of the widest layer for every row, and the parameters three times (model,
     * working copy, gradient), at 4 bytes per number.
     */
    static long trainingBytes(NetworkSpec spec, double rows) {
        double activations = 0;
        double widest = 0;
        for (int l = 1; l <= spec.depth(); l++) {
            activations += spec.width(l);
            widest = Math.max(widest, spec.width(l));
        }
        double floats = 2 * rows * (spec.inputs() + 1) + rows * (activations + 2 * widest)
                + 3.0 * spec.parameterCount();
        return (long) Math.min(Long.MAX_VALUE, 4 * floats);
    }

    /** How to run vecnet with a larger heap: twice the present one, in whole gigabytes, through the launcher. */
    static String moreMemory() {
        long gigabytes = Math.max(1, Math.ceilDiv(2 * Runtime.getRuntime().maxMemory(), 1L << 30));
        return "allow more with VECNET_JAVA_OPTS=-Xmx" + gigabytes + "g";
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
