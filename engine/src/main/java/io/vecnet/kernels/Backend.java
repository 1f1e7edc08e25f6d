package io.vecnet.kernels;

import java.util.Locale;

/** Which kernel implementation to use; {@link #AUTO} picks vector when the JVM can run it. */
public enum Backend {
    AUTO, VECTOR, SCALAR;

    /** Parses {@code auto|vector|scalar}, case-insensitively, with a message listing the choices. */
    public static Backend parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown kernel backend '" + name + "' (expected auto, vector or scalar)");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The backend as {@link #parse} takes it: {@code auto}, {@code vector} or {@code scalar}. */
    @Override
    public String toString() {
        return label();
    }
}
