package io.vecnet.cli;

import io.vecnet.train.Evaluation;
import io.vecnet.train.TrainingListener;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Hears every report of a training run (every iteration of a full-batch run, every epoch of a
 * mini-batch run): prints the case study's {@code iteration N: loss X} lines (or {@code epoch N: ...}),
 * with the validation loss and accuracy when there are validation rows, keeps the loss curves for
 * {@code --plot}, and on a terminal, when the run will take more than about
 * {@value #SLOW_RUN_SECONDS} s, keeps one progress line updated below them.
 */
final class TrainingReport implements TrainingListener {
    static final double SLOW_RUN_SECONDS = 2.0;
    private static final long FIRST_ESTIMATE_NANOS = 300_000_000L;
    private static final long REFRESH_NANOS = 100_000_000L;
    private static final int MAX_CURVE_POINTS = 10_000;

    private final PrintWriter out;
    private final String unit;
    private final int iterations;
    private final int printEvery;
    private final boolean printLosses;
    private final boolean terminal;
    private final LongSupplier clock;
    private final int curveStride;
    private final float[] curve;
    private final float[] validationCurve;
    private int curveLength;
    private long start = -1;
    private long lastRefresh;
    private int lastRefreshIteration;
    private int progressWidth;
    private final ReentrantLock reporting = new ReentrantLock();
    private volatile boolean interrupted;
    private volatile int lastIteration;

    /** A report per iteration (full batch) of a run of {@code iterations} iterations. */
    TrainingReport(PrintWriter out, int iterations, int printEvery, boolean printLosses, boolean terminal,
                   LongSupplier clock) {
        this(out, "iteration", iterations, printEvery, printLosses, terminal, clock);
    }

    /** A report per {@code unit} ("iteration" or "epoch") of a run of at most {@code iterations} of them. */
    TrainingReport(PrintWriter out, String unit, int iterations, int printEvery, boolean printLosses, boolean terminal,
                   LongSupplier clock) {
        this.out = out;
        this.unit = unit;
        this.iterations = iterations;
        this.printEvery = printEvery;
        this.printLosses = printLosses;
        this.terminal = terminal;
        this.clock = clock;
        this.curveStride = Math.max(1, (int) Math.ceil((double) iterations / MAX_CURVE_POINTS));
        this.curve = new float[Math.ceilDiv(iterations, curveStride) + 1];
        this.validationCurve = new float[curve.length];
    }

    /**
     * In epochs, each line is the state after that many epochs, counted from 1: a full-batch run's
     * first report, made before any step, is left out (TrainCommand reports the state after its last).
     */
    @Override
    public void onReport(Progress progress) {
        if (!inEpochs()) {
            onReport(progress.iteration(), progress.loss(), progress.validation());
        } else if (progress.epoch() > 0) {
            onReport(progress.epoch(), progress.loss(), progress.validation());
        }
    }

    void onReport(int iteration, float loss) {
        onReport(iteration, loss, null);
    }

    void onReport(int iteration, float loss, Evaluation validation) {
        reporting.lock();
        try {
            if (!interrupted) {
                record(iteration, loss, validation);
            }
        } finally {
            reporting.unlock();
        }
    }

    private void record(int iteration, float loss, Evaluation validation) {
        lastIteration = iteration;
        if (start < 0) {
            start = clock.getAsLong();
            Interruption.during(this::activity);
        }
        if ((iteration - firstReport()) % curveStride == 0 && curveLength < curve.length) {
            validationCurve[curveLength] = validation == null ? Float.NaN : validation.loss();
            curve[curveLength++] = loss;
        }
        if (printLosses && iteration % printEvery == 0) {
            clearProgress();
            out.printf(Locale.ROOT, "%s %d: loss %s", unit, iteration, Text.loss(loss));
            if (validation != null) {
                out.printf(Locale.ROOT, ", validation loss %s, accuracy %.4f", Text.loss(validation.loss()),
                        validation.accuracy());
            }
            out.println();
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

    /**
     * What an interruption cut short: the last report. Training goes on while the JVM shuts down, so
     * from here on nothing more is reported, and a report being printed is waited for (a second at
     * most, should standard output be stuck): no line comes after the one the message names.
     */
    private String activity() {
        interrupted = true;
        try {
            if (reporting.tryLock(1, TimeUnit.SECONDS)) {
                reporting.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "during training at " + unit + " " + lastIteration + " of " + iterations;
    }

    /** The loss at iterations 0, stride, 2·stride, ... (epochs: 1, 1 + stride, ...) as recorded so far. */
    float[] lossCurve() {
        return Arrays.copyOf(curve, curveLength);
    }

    /** The validation loss at the same reports, NaN where there was none. */
    private float[] validationCurve() {
        return Arrays.copyOf(validationCurve, curveLength);
    }

    /**
     * The loss curve as recorded so far: report {@code i} is at {@code first + i·stride} of
     * {@code unit}, the validation loss NaN where there was none.
     */
    record Curve(float[] losses, float[] validation, int stride, String unit, int first) {
    }

    Curve curve() {
        return new Curve(lossCurve(), validationCurve(), curveStride, unit, firstReport());
    }

    /** Whether the reports count epochs (from 1) rather than iterations (from 0). */
    boolean inEpochs() {
        return unit.equals("epoch");
    }

    /** The epoch or iteration of the first report: epochs count from 1, iterations from 0. */
    private int firstReport() {
        return inEpochs() ? 1 : 0;
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
        String line = String.format(Locale.ROOT, "%s %d/%d  loss %s  %.0f %ss/s  %s left",
                unit, iteration, iterations, Text.loss(loss), perSecond, unit, duration(secondsLeft));
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
