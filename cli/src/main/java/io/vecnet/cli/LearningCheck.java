package io.vecnet.cli;

import io.vecnet.data.Dataset;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Notices runs that did not learn, from the reported losses, the loss of the model the run returns
 * and its training accuracy: a loss that exploded, one that stayed at ln K (a network that outputs
 * the uniform distribution, unless the accuracy says it learned all the same, slowly), one that
 * ended above where it began; and a model no better than always answering the most common class,
 * which fails the command rather than exiting 0 with a useless model. With early stopping, the
 * model returned is the one it kept, not the last epoch's.
 */
final class LearningCheck {
    private final List<Warning> warnings;
    /** The advice the failure carries, the first warning's that has one; null when there is none. */
    private final String fix;
    private final String uselessReason;

    /** How many times ln K a loss must stay above, from the start, for the softmax to count as saturated. */
    private static final double SATURATED = 10;
    private static final String SMALLER_REG = "try a smaller --reg";

    private LearningCheck(List<Warning> warnings, String fix, String uselessReason) {
        this.warnings = warnings;
        this.fix = fix;
        this.uselessReason = uselessReason;
    }

    /** What went wrong, and what to try (null when the diagnosis says it). */
    private record Warning(String diagnosis, String advice) {
        String line(boolean withAdvice) {
            return advice == null || !withAdvice ? diagnosis : diagnosis + "; " + advice;
        }
    }

    /**
     * What the fixes a warning suggests depend on: whether the features are on a unit scale already
     * (standardized, or the built-in spiral's, within [-1, 1]), where --standardize would fix nothing;
     * whether early stopping ended the run (else it ran to its length, which {@code lengthOption} sets),
     * whether the L2 term outweighed the data term at the start ({@link #l2Dominates}), whether there
     * was an L2 term at all.
     */
    record Setup(boolean unitScale, boolean stoppedEarly, String lengthOption, boolean keptStartingWeights,
                 boolean l2Dominates, boolean regularized) {
        Setup(boolean unitScale, boolean stoppedEarly, String lengthOption) {
            this(unitScale, stoppedEarly, lengthOption, false, false, false);
        }

        /** The suggestion for a loss that rose: a smaller --reg when the L2 term drove it, else a smaller rate. */
        String smallerRegOrRate() {
            return l2Dominates ? SMALLER_REG : "try a smaller --lr" + orStandardize();
        }

        /** The suggestion for a loss that hardly moved: a run cut at its length may just need a longer one. */
        String moreLearning() {
            return stoppedEarly ? "try a larger --lr" : "try more " + lengthOption + " or a larger --lr";
        }

        /** The suggestion of standardizing, only where the features are not on a unit scale. */
        String orStandardize() {
            return unitScale ? "" : ", or --standardize the features";
        }
    }

    /**
     * Whether the L2 term of the starting weights was at least half the loss the run began at
     * ({@code losses[0]}, data and L2 terms), that is no less than the data term: the penalty on the
     * weights, not the data, then drives the loss, and a loss that explodes, stays huge or learns
     * nothing is the L2 strength's doing. An infinite L2 term leaves no finite loss to begin at.
     */
    static boolean l2Dominates(float[] losses, float startingL2) {
        return Float.isInfinite(startingL2) || losses.length > 0 && startingL2 >= losses[0] / 2;
    }

    /**
     * {@code losses}: the training loss before the first step, then at each report, first to last,
     * the last being the loss of the model the run returns.
     */
    static LearningCheck of(float[] losses, float accuracy, Dataset training, Setup setup) {
        return of(losses, losses.length == 0 ? Float.NaN : losses[losses.length - 1], accuracy, training, null,
                Float.NaN, setup);
    }

    /**
     * As {@link #of(float[], float, Dataset, Setup)}, with {@code kept} the training loss of the
     * model the run returns (with early stopping, the one it kept), and with rows held out
     * ({@code held}, null when none) a warning when the model does no better on them than always
     * answering their most common class. Only a warning: a few held-out rows can fall short by chance.
     */
    static LearningCheck of(float[] losses, float kept, float accuracy, Dataset training, Dataset held,
                            float heldAccuracy, Setup setup) {
        List<Warning> warnings = new ArrayList<>();
        float majority = majorityShare(training);
        if (losses.length >= 2) {
            float first = losses[0];
            float highest = first;
            for (float loss : losses) {
                highest = Math.max(highest, loss);
            }
            double lnK = Math.log(training.classes());
            float lowest = kept;
            for (int i = 1; i < losses.length; i++) {
                lowest = Math.min(lowest, losses[i]);
            }
            boolean exploded = highest > 2 * first + 1;
            // A spike the run recovered from needs no advice: it learned, and the model it returns is
            // below the start. A random start can beat the majority class, so accuracy alone does not
            // show a recovery.
            boolean recovered = learned(accuracy, majority) && kept < first;
            // A network that knows nothing scores about ln K; far above it from the start, its scores
            // are huge and the softmax saturated, where the gradients vanish, unless the L2 term is the bulk.
            if (Math.min(first, lowest) > SATURATED * lnK) {
                String cause = setup.l2Dominates() ? "most of it is the L2 term"
                        : "its scores are huge, which saturates the softmax";
                warnings.add(new Warning("the loss never fell below " + Text.loss(Math.min(first, lowest))
                        + String.format(Locale.ROOT, ", far above ln %d = %.4f where a network that knows nothing "
                        + "starts: %s", training.classes(), lnK, cause), setup.l2Dominates() ? SMALLER_REG
                        : setup.unitScale() ? "try a smaller --lr" : "--standardize the features"));
            }
            if (exploded && !recovered) {
                warnings.add(new Warning(String.format(Locale.ROOT, "the loss rose to %.6g (it began at %s): the "
                        + "%s is probably too large", highest, Text.loss(first),
                        setup.l2Dominates() ? "L2 strength, most of the loss at the start," : "learning rate"),
                        setup.smallerRegOrRate()));
            }
            if (near(first, lnK) && near(kept, lnK)) {
                // After an explosion the kept model near ln K is the untrained start (or close to it):
                // its accuracy is the random start's, not slow learning, and a larger rate the wrong advice.
                if (learned(accuracy, majority) && !exploded) {
                    String end = String.format(Locale.ROOT, setup.stoppedEarly()
                            ? "%.4f with the weights early stopping kept" : "it ended at %.4f", kept);
                    warnings.add(new Warning(String.format(Locale.ROOT, "the loss barely moved from ln %d = %.4f (%s) "
                            + "while the training accuracy rose to %.2f: %s", training.classes(), lnK, end, accuracy,
                            setup.moreLearning()), null));
                } else {
                    String advice = exploded ? null : setup.unitScale() ? setup.moreLearning()
                            : "--standardize the features, or " + setup.moreLearning();
                    warnings.add(new Warning(String.format(Locale.ROOT, "the loss stayed at ln %d = %.4f: the network "
                            + "learned nothing", training.classes(), lnK), advice));
                }
            }
            if (kept > first && !recovered) {
                warnings.add(new Warning(String.format(Locale.ROOT, "%s (%s, from %s)", setup.stoppedEarly()
                        ? "the loss with the weights early stopping kept is higher than at the start"
                        : "the loss ended higher than it began", Text.loss(kept), Text.loss(first)),
                        setup.smallerRegOrRate()));
            }
        }
        boolean heldUseless = held != null && held.size() > 0 && heldAccuracy <= majorityShare(held) + 1e-6f;
        if (heldUseless && learned(accuracy, majority)) {
            warnings.add(new Warning(String.format(Locale.ROOT, "the validation accuracy (%.4f) is no better than "
                    + "always answering the most common class (%.4f): what the model learned does not carry over to "
                    + "rows it has not seen", heldAccuracy, majorityShare(held)), null));
        }
        // With no other advice, a model at ln K that was regularised is likely one the L2 term shrank to
        // nothing, however small that term was at the start.
        boolean l2Collapsed = setup.regularized() && near(kept, Math.log(training.classes()));
        String fix = warnings.stream().map(Warning::advice).filter(advice -> advice != null).findFirst()
                .orElse(setup.l2Dominates() || l2Collapsed ? SMALLER_REG : null);
        String advice = fix == null ? "" : "; " + fix;
        String useless = setup.keptStartingWeights()
                ? "no epoch improved on the starting weights, so early stopping kept them: the model is untrained"
                        + advice
                : noBetterThanTheMajority(accuracy, training, advice);
        return new LearningCheck(warnings, fix, useless);
    }

    /**
     * The check of a run that took no step ({@code --iterations 0}): the model is its random start, so
     * the losses show nothing to diagnose and no option is worth advising; it says so, and fails the
     * command, as any run's, when the model is no better than always answering the most common class.
     */
    static LearningCheck untrained(float accuracy, Dataset training) {
        Warning noStep = new Warning("no step was taken (--iterations 0): the model is as initialised", null);
        return new LearningCheck(List.of(noStep), null, noBetterThanTheMajority(accuracy, training, ""));
    }

    /** Why a model with {@code accuracy} on {@code training} is useless, or null when it is not; {@code advice} ends it. */
    private static String noBetterThanTheMajority(float accuracy, Dataset training, String advice) {
        float majority = majorityShare(training);
        if (training.classes() < 2 || training.size() == 0 || accuracy > majority + 1e-6f) {
            return null;
        }
        return String.format(Locale.ROOT, "the model is no better than always answering the most common class "
                + "(training accuracy %.4f, that class's share %.4f)%s", accuracy, majority, advice);
    }

    /** An accuracy at least a tenth of the way from always answering the most common class to perfect. */
    private static boolean learned(float accuracy, float majority) {
        return accuracy - majority >= 0.1f * (1 - majority);
    }

    private static boolean near(float loss, double lnK) {
        return Math.abs(loss - lnK) <= 0.01 * lnK;
    }

    private static float majorityShare(Dataset data) {
        int[] counts = new int[data.classes()];
        int most = 0;
        for (int i = 0; i < data.size(); i++) {
            most = Math.max(most, ++counts[data.label(i)]);
        }
        return data.size() == 0 ? 0f : (float) most / data.size();
    }

    /** Prints the warnings, each piece of advice once: when the run failed, in its last line only. */
    void warn(PrintWriter err) {
        Set<String> given = new HashSet<>();
        if (useless() && fix != null) {
            given.add(fix);
        }
        for (Warning warning : warnings) {
            boolean repeated = warning.advice() != null && !given.add(warning.advice());
            err.println("vecnet train: warning: " + warning.line(!repeated));
        }
        err.flush();
    }

    /** Whether anything was warned of: then a suggestion to train longer would contradict it. */
    boolean warned() {
        return !warnings.isEmpty();
    }

    boolean useless() {
        return uselessReason != null;
    }

    String reason() {
        return uselessReason;
    }
}
