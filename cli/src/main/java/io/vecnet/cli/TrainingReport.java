package io.vecnet.cli;

import io.vecnet.train.TrainingListener;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Hears every iteration of a training run: prints the case study's {@code iteration N: loss X}
 * lines, keeps the loss curve for {@code --plot}, and on a terminal, when the run will take more
 * than about {@value #SLOW_RUN_SECONDS} s, keeps one progress line updated below them.
 */
final class TrainingReport implements TrainingListener {
    static final double SLOW_RUN_SECONDS = 2.0;
    private static final long FIRST_ESTIMATE_NANOS = 300_000_000L;
    private static final long REFRESH_NANOS = 100_000_000L;
    private static final int MAX_CURVE_POINTS = 10_000;

    private final PrintWriter out;
    private final int iterations;
    private final int printEvery;
    private final boolean printLosses;
    private final boolean terminal;
    private final LongSupplier clock;
    private final int curveStride;
    private final float[] curve;
    private int curveLength;
    private long start = -1;
    private long lastRefresh;
    private int lastRefreshIteration;
    private int progressWidth;
    private volatile int lastIteration;

    TrainingReport(PrintWriter out, int iterations, int printEvery, boolean printLosses, boolean terminal,
                   LongSupplier clock) {
        this.out = out;
        this.iterations = iterations;
        this.printEvery = printEvery;
        this.printLosses = printLosses;
        this.terminal = terminal;
        this.clock = clock;
        this.curveStride = Math.max(1, (int) Math.ceil((double) iterations / MAX_CURVE_POINTS));
        this.curve = new float[Math.ceilDiv(iterations, curveStride)];
    }

    @Override
    public void onReport(int iteration, float loss) {
        lastIteration = iteration;
        if (start < 0) {
            start = clock.getAsLong();
            Interruption.during(this::activity);
        }
        if (iteration % curveStride == 0) {
            curve[curveLength++] = loss;
        }
        if (printLosses && iteration % printEvery == 0) {
            clearProgress();
            out.printf(Locale.ROOT, "iteration %d: loss %.6f%n", iteration, loss);
            out.flush();
        }
        if (terminal && printLosses) {
            updateProgress(iteration, loss);
        }
    }

    /** Removes the progress line, if one is showing; call when training ends. */
    void finish() {
        Interruption.during(null);
        clearProgress();
        out.flush();
    }

    /** What an interruption cut short. */
    private String activity() {
        return "during training at iteration " + lastIteration + " of " + iterations;
    }

    /** The loss at iterations 0, stride, 2·stride, ... as recorded so far. */
    float[] lossCurve() {
        return Arrays.copyOf(curve, curveLength);
    }

    int curveStride() {
        return curveStride;
    }

    private void updateProgress(int iteration, float loss) {
        long now = clock.getAsLong();
        long elapsed = now - start;
        boolean refreshed = lastRefreshIteration > 0;
        if (iteration == 0 || elapsed < FIRST_ESTIMATE_NANOS || refreshed && now - lastRefresh < REFRESH_NANOS) {
            return;
        }
        // The rate since the last refresh, not since the start: the first iterations run before the JIT.
        double perSecond = !refreshed ? iteration / (elapsed / 1e9)
                : (iteration - lastRefreshIteration) / ((now - lastRefresh) / 1e9);
        double secondsLeft = (iterations - iteration) / perSecond;
        lastRefresh = now;
        lastRefreshIteration = iteration;
        if (progressWidth == 0 && elapsed / 1e9 + secondsLeft < SLOW_RUN_SECONDS) {
            return;
        }
        String line = String.format(Locale.ROOT, "iteration %d/%d  loss %.6f  %.0f iterations/s  %s left",
                iteration, iterations, loss, perSecond, duration(secondsLeft));
        out.print("\r" + line + " ".repeat(Math.max(0, progressWidth - line.length())));
        out.flush();
        progressWidth = line.length();
    }

    private void clearProgress() {
        if (progressWidth > 0) {
            out.print("\r" + " ".repeat(progressWidth) + "\r");
            progressWidth = 0;
        }
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : s < 3600 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
