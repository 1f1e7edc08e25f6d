package io.vecnet.cli;

import java.math.BigDecimal;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * Reads float and double options as picocli does, but refuses a number beyond the type's range, or
 * nonzero and too small to be told from 0: it would become an infinity or 0, and a later check would
 * quote that rather than what was typed ({@code --lr 1e40} reported as "got Infinity").
 */
final class FloatingPointConverter {
    private FloatingPointConverter() {
    }

    static Float toFloat(String value) {
        float number = parsed(value, "float", Float::valueOf);
        requireRepresented(value, number, "float", Float.toString(Float.MAX_VALUE), Float.toString(Float.MIN_VALUE));
        return number;
    }

    static Double toDouble(String value) {
        double number = parsed(value, "double", Double::valueOf);
        requireRepresented(value, number, "double", Double.toString(Double.MAX_VALUE),
                Double.toString(Double.MIN_VALUE));
        return number;
    }

    private static <T extends Number> T parsed(String value, String type, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a " + type);
        }
    }

    /** Refuses {@code value} when it became an infinity without naming one, or 0 without being 0. */
    private static void requireRepresented(String value, double number, String type, String largest, String smallest) {
        if (Double.isInfinite(number) && !value.contains("Infinity")) {
            throw new CommandLine.TypeConversionException("'" + value + "' is too large for a " + type
                    + ", whose magnitude is at most " + largest);
        }
        if (number == 0 && nonzeroDecimal(value)) {
            throw new CommandLine.TypeConversionException("'" + value + "' is too small for a " + type
                    + ", whose smallest magnitude above 0 is " + smallest);
        }
    }

    /** Whether {@code value} is a decimal number other than 0 (hexadecimal and suffixed ones are not checked). */
    private static boolean nonzeroDecimal(String value) {
        try {
            return new BigDecimal(value.strip()).signum() != 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
