package io.vecnet.cli;

import io.vecnet.data.Dataset;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Notices runs that did not learn, from the reported losses and the training accuracy: a loss that
 * exploded, one that stayed at ln K (a network that outputs the uniform distribution, unless the
 * accuracy says it learned all the same, slowly), one that ended above where it began; and a model
 * no better than always answering the most common class, which fails the command rather than
 * exiting 0 with a useless model.
 */
final class LearningCheck {
    private final List<String> warnings;
    private final String uselessReason;

    private LearningCheck(List<String> warnings, String uselessReason) {
        this.warnings = warnings;
        this.uselessReason = uselessReason;
    }

    /**
     * What the fixes a warning suggests depend on: whether the features were standardized, whether
     * early stopping ended the run (else it ran to its length, which {@code lengthOption} sets).
     */
    record Setup(boolean standardized, boolean stoppedEarly, String lengthOption) {
        /** The suggestion for a loss that hardly moved: a run cut at its length may just need a longer one. */
        String moreLearning() {
            return stoppedEarly ? "try a larger --lr" : "try more " + lengthOption + " or a larger --lr";
        }

        /** The suggestion of standardizing, only where the features were not. */
        String orStandardize() {
            return standardized ? "" : ", or --standardize the features";
        }
    }

    /** {@code losses}: the training loss at each report, first to last. */
    static LearningCheck of(float[] losses, float accuracy, Dataset training, Setup setup) {
        List<String> warnings = new ArrayList<>();
        String fix = null;
        float majority = majorityShare(training);
        if (losses.length >= 2) {
            float first = losses[0];
            float last = losses[losses.length - 1];
            float highest = first;
            for (float loss : losses) {
                highest = Math.max(highest, loss);
            }
            double lnK = Math.log(training.classes());
            if (highest > 2 * first + 1) {
                fix = "try a smaller --lr";
                warnings.add(String.format(Locale.ROOT, "the loss rose to %.6g (it began at %.6f): the learning rate "
                        + "is probably too large; %s%s", highest, first, fix, setup.orStandardize()));
            }
            if (near(first, lnK) && near(last, lnK)) {
                if (learned(accuracy, majority)) {
                    warnings.add(String.format(Locale.ROOT, "the loss barely moved from ln %d = %.4f (it ended at "
                            + "%.4f) while the training accuracy rose to %.2f: %s", training.classes(), lnK, last,
                            accuracy, setup.moreLearning()));
                } else {
                    String nothing = setup.standardized() ? setup.moreLearning()
                            : "--standardize the features, or " + setup.moreLearning();
                    fix = fix != null ? fix : nothing;
                    warnings.add(String.format(Locale.ROOT, "the loss stayed at ln %d = %.4f: the network learned "
                            + "nothing; %s", training.classes(), lnK, nothing));
                }
            }
            if (last > first) {
                fix = fix != null ? fix : "try a smaller --lr";
                warnings.add(String.format(Locale.ROOT, "the loss ended higher than it began (%.6f, from %.6f); "
                        + "try a smaller --lr%s", last, first, setup.orStandardize()));
            }
        }
        String useless = training.classes() >= 2 && training.size() > 0 && accuracy <= majority + 1e-6f
                ? String.format(Locale.ROOT, "the model is no better than always answering the most common class "
                        + "(training accuracy %.4f, that class's share %.4f)%s", accuracy, majority,
                        fix == null ? "" : "; " + fix)
                : null;
        return new LearningCheck(warnings, useless);
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

    void warn(PrintWriter err) {
        for (String warning : warnings) {
            err.println("vecnet train: warning: " + warning);
        }
        err.flush();
    }

    boolean useless() {
        return uselessReason != null;
    }

    String reason() {
        return uselessReason;
    }
}
