package io.vecnet.cli;

import java.util.Locale;

/** What a training run will allocate, so that absurd sizes are refused before the first array. */
final class MemoryEstimate {
    private MemoryEstimate() {
    }

    /**
     * Bytes for the weights and their gradients plus the full-batch buffers: hidden activations and
     * their gradient, and the scores and their gradient, for every row, and the data itself (4 bytes
     * per number).
     */
    static long trainingBytes(ModelKind kind, double inputs, double hidden, double classes, double rows) {
        double data = rows * (inputs + 1);
        double floats = data + (kind == ModelKind.net
                ? 2 * (inputs * hidden + hidden + hidden * classes + classes) + 2 * rows * (hidden + classes)
                : 2 * (inputs * classes + classes) + 2 * rows * classes);
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
