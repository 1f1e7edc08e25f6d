package io.vecnet.cli;

import java.util.Locale;

/** Text from the data, such as class names, made safe to print in a table or a one-line message. */
final class Text {
    private Text() {
    }

    /**
     * A loss with six decimals, as the course prints it, or in six significant digits from a million
     * up, where fixed decimals would print thirty digits (a loss of 1.4e26 on unscaled features).
     */
    static String loss(double loss) {
        return String.format(Locale.ROOT, Math.abs(loss) < 1e6 ? "%.6f" : "%.6g", loss);
    }

    /** {@code name} with line breaks and tabs escaped as in Java ({@code \n}), other control characters by their code. */
    static String oneLine(String name) {
        StringBuilder shown = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> shown.append("\\n");
                case '\r' -> shown.append("\\r");
                case '\t' -> shown.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        shown.append(String.format(Locale.ROOT, "\\u%04x", c));
                    } else {
                        shown.appendCodePoint(c);
                    }
                }
            }
        });
        return shown.toString();
    }
}
