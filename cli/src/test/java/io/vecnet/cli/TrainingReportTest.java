package io.vecnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TrainingReportTest {
    /** Runs {@code iterations} fake iterations of {@code nanosEach}, loss 1/(i+1). */
    private static String report(int iterations, long nanosEach, boolean terminal) {
        StringWriter text = new StringWriter();
        long[] now = {0};
        TrainingReport report = new TrainingReport(new PrintWriter(text), iterations, 100, true, terminal, () -> now[0]);
        for (int i = 0; i < iterations; i++) {
            report.onReport(i, 1f / (i + 1));
            now[0] += nanosEach;
        }
        report.finish();
        return text.toString();
    }

    @Test
    void aSlowRunOnATerminalShowsOneUpdatingProgressLine() {
        String text = report(1000, 5_000_000L, true);
        assertTrue(text.contains("\riteration 100/1000  loss 0.009901  200 iterations/s  5 s left"), text);
        assertTrue(text.contains("iteration 900: loss 0.001110\n"), text);
        String[] printed = asATerminalShowsIt(text);
        assertEquals(10, printed.length, text);
        assertEquals("iteration 0: loss 1.000000", printed[0]);
    }

    /** The lines left on screen: on each line, what follows the last carriage return. */
    private static String[] asATerminalShowsIt(String text) {
        return Arrays.stream(text.split("\n", -1)).map(line -> line.substring(line.lastIndexOf('\r') + 1))
                .filter(line -> !line.isBlank()).toArray(String[]::new);
    }

    @Test
    void aFastRunOrNoTerminalGetsPlainLinesOnly() {
        assertFalse(report(1000, 1_000_000L, true).contains("\r"), "a 1 s run shows no progress");
        assertFalse(report(1000, 5_000_000L, false).contains("\r"), "no terminal, no progress");
    }

    @Test
    void theLossCurveKeepsAtMostTenThousandPoints() {
        TrainingReport report = new TrainingReport(new PrintWriter(new StringWriter()), 25_000, 1000, false, false, () -> 0);
        for (int i = 0; i < 25_000; i++) {
            report.onReport(i, i);
        }
        assertEquals(3, report.curve().stride());
        assertEquals(0, report.curve().first(), "iterations count from 0");
        float[] curve = report.lossCurve();
        assertEquals(8334, curve.length);
        assertArrayEquals(new float[] {0, 3, 6}, Arrays.copyOf(curve, 3));
    }

    @Test
    void durationsReadNaturally() {
        assertEquals("4 s", TrainingReport.duration(4.4));
        assertEquals("2 min 5 s", TrainingReport.duration(125));
        assertEquals("1 h 1 min", TrainingReport.duration(3690));
    }
}
