package io.vecnet.io;

import java.time.Duration;
import java.util.Random;

/**
 * Settings and inputs shared by the fuzz tests. {@code -Dvecnet.fuzz.iterations=N} sets how many
 * inputs each fuzz test tries (by default each tries a second or so's worth, in every build; a
 * release run tries many more), {@code -Dvecnet.fuzz.seed=S} which ones. Each iteration has a
 * generator of its own, so a failure names the seed and iteration that reproduce it.
 */
final class Fuzz {
    static final long SEED = Long.getLong("vecnet.fuzz.seed", 20_251_130L);
    private static final Integer ITERATIONS = Integer.getInteger("vecnet.fuzz.iterations");

    /** Float edge cases and near misses, as a CSV cell might hold them. */
    static final String[] EDGE_CELLS = {
        "0", "-0", "+0", "0.0", "-0.0", ".0", "0.", ".", "-", "+", "", " ", "e", "E5", ".e1", "1e", "1e+", "1e-",
        "1.e5", "-.5e-3", "+.5", "1E+38", "1e-45", "1.4E-45", "1.4e-46", "7e-46", "1e-50", "1.17549435E-38",
        "1.1754942E-38", "3.4028235E38", "3.40282356E38", "3.4028235677973366E38", "3.4028235677973367E38",
        "3.5E38", "-3.4028235E38", "1e39", "1e400", "-1e400", "1e-400", "1e2147483648", "1e-2147483649",
        "0e99999999999", "123456789012345678901234567890", "0.000000000000000000000000000000000000000000001",
        "NaN", "nan", "-NaN", "+nan", "Infinity", "-Infinity", "+Infinity", "inf", "-inf", "INF", "infinity",
        "Infinityx", "NaN1", "0x1p3", "0x1.8p1", "-0X1P-149", "0x", "1f", "1d", "1F", "1D", "1_000", "1,5",
        "1 2", "--1", "+-1", "1..2", "1e1.5", "1e+-1", "\u0661\u0662", "\uff11", "\u00a01", "1\u00a0",
        "\u20071", "\u2028", "\u200b1", "\u202e1", "\ud83d\ude00", "'1'", "\"1\"", "1;2", "\t1\t",
        "\u000b1\f", "\u001c1\u001f", " 2.5 ", "16777217", "9007199254740993", "4.9e-324", "2.2250738585072014E-308",
        "1.0000000596046448", "1.00000005960464477539062500000000001", "0.1", "-0.3", "100", "1E22", "1e23",
        // Within half a double ulp of a point halfway between two floats: rounded to double first, then to
        // float, they would come out one float off.
        "0.1381024345755577", "0.03673643805086613", "0.003274664399214089", "0.8299037516117096",
        "0.8437879979610443", "1.828376591205597", "0.07114438340067863", "0.06234443373978138",
    };

    private Fuzz() {
    }

    /** {@code -Dvecnet.fuzz.iterations}, or a test's own default. */
    static int iterations(int byDefault) {
        return ITERATIONS != null ? ITERATIONS : byDefault;
    }

    /** Time enough for {@code iterations}, generously: a hang fails instead of stalling the build. */
    static Duration budget(int iterations) {
        return Duration.ofSeconds(60 + iterations / 10);
    }

    static Random random(long iteration) {
        return new Random(SEED * 0x9E3779B97F4A7C15L + iteration);
    }

    /** What a failure message shows of an input: escaped, and at most 200 characters. */
    static String show(String input) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < input.length() && shown.length() < 200; i++) {
            char c = input.charAt(i);
            shown.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return (shown.length() >= 200 ? shown + "..." : shown) + " (" + input.length() + " chars)";
    }

    /** A cell: an edge case, a number in the grammar, either one mutated, or arbitrary text; no commas or line ends. */
    static String cell(Random random) {
        String cell = switch (random.nextInt(5)) {
            case 0 -> EDGE_CELLS[random.nextInt(EDGE_CELLS.length)];
            case 1 -> number(random);
            case 2 -> mutate(random, random.nextBoolean() ? number(random) : EDGE_CELLS[random.nextInt(EDGE_CELLS.length)]);
            case 3 -> text(random, random.nextInt(12));
            default -> Float.toString(Float.intBitsToFloat(random.nextInt()));
        };
        if (random.nextInt(4) == 0) {
            cell = padding(random) + cell + padding(random);
        }
        return cell.replace(',', ';').replace('\n', ' ').replace('\r', ' ').replace('\0', ' ');
    }

    /** A number in the CSV grammar {@code [+-]?(digits[.digits?]|.digits)([eE][+-]?digits)?}. */
    static String number(Random random) {
        StringBuilder number = new StringBuilder();
        if (random.nextInt(3) == 0) {
            number.append(random.nextBoolean() ? '-' : '+');
        }
        int whole = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(random.nextInt(5) == 0 ? 40 : 8);
        number.append(digits(random, whole));
        if (whole == 0 || random.nextBoolean()) {
            number.append('.');
            number.append(digits(random, (whole == 0 ? 1 : 0) + random.nextInt(random.nextInt(5) == 0 ? 40 : 9)));
        }
        if (random.nextInt(3) == 0) {
            number.append(random.nextBoolean() ? 'e' : 'E');
            if (random.nextBoolean()) {
                number.append(random.nextBoolean() ? '-' : '+');
            }
            number.append(digits(random, 1 + random.nextInt(random.nextInt(8) == 0 ? 12 : 2)));
        }
        return number.toString();
    }

    private static String digits(Random random, int count) {
        StringBuilder digits = new StringBuilder(count);
        boolean zeros = random.nextInt(6) == 0;
        for (int i = 0; i < count; i++) {
            digits.append(zeros ? '0' : (char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    private static final String NEAR_MISSES = "0123456789+-.eExXpPfFdDnNaAiIyY _\t\u00a0\u2007\u0661\uff11\u2028\u200b;'\"";

    static String mutate(Random random, String cell) {
        StringBuilder mutated = new StringBuilder(cell);
        for (int m = 1 + random.nextInt(3); m > 0; m--) {
            int at = mutated.length() == 0 ? 0 : random.nextInt(mutated.length() + 1);
            char c = NEAR_MISSES.charAt(random.nextInt(NEAR_MISSES.length()));
            switch (random.nextInt(3)) {
                case 0 -> mutated.insert(at, c);
                case 1 -> {
                    if (at < mutated.length()) {
                        mutated.deleteCharAt(at);
                    }
                }
                default -> {
                    if (at < mutated.length()) {
                        mutated.setCharAt(at, c);
                    }
                }
            }
        }
        return mutated.toString();
    }

    /** Arbitrary characters: ASCII, controls, other scripts, surrogate pairs. */
    static String text(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> text.append((char) random.nextInt(0x20));
                case 1 -> text.appendCodePoint(0x80 + random.nextInt(0x2000));
                case 2 -> text.appendCodePoint(0x1F300 + random.nextInt(0x300));
                default -> text.append((char) (0x20 + random.nextInt(0x5f)));
            }
        }
        return text.toString();
    }

    private static final String WHITESPACE = " \t\u000b\f\u001c\u001f\u2003\u3000";

    private static String padding(Random random) {
        StringBuilder padding = new StringBuilder();
        for (int i = random.nextInt(3); i > 0; i--) {
            padding.append(WHITESPACE.charAt(random.nextInt(WHITESPACE.length())));
        }
        return padding.toString();
    }
}
