package io.vecnet.cli;

import java.util.Locale;

/** Text from the data, such as class names, made safe to print in a table or a one-line message. */
final class Text {
    private Text() {
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
