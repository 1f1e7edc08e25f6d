package io.vecnet.cli;

import io.vecnet.data.Dataset;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Notices runs that did not learn, from the reported losses and the training accuracy: a loss that
 * exploded, one that stayed at ln K (a network that outputs the uniform distribution), one that ended
 * above where it began; and a model no better than always answering the most common class, which
 * fails the command rather than exiting 0 with a useless model.
 */
final class LearningCheck {
    private final List<String> warnings;
    private final String uselessReason;

    private LearningCheck(List<String> warnings, String uselessReason) {
        this.warnings = warnings;
        this.uselessReason = uselessReason;
    }

    /** {@code losses}: the training loss at each report, first to last. */
    static LearningCheck of(float[] losses, float accuracy, Dataset training) {
        List<String> warnings = new ArrayList<>();
        String fix = null;
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
                        + "is probably too large; %s, or --standardize the features", highest, first, fix));
            }
            if (near(first, lnK) && near(last, lnK)) {
                fix = fix != null ? fix : "--standardize the features or try a larger --lr";
                warnings.add(String.format(Locale.ROOT, "the loss stayed at ln %d = %.4f: the network learned nothing; "
                        + "--standardize the features or try a larger --lr", training.classes(), lnK));
            }
            if (last > first) {
                fix = fix != null ? fix : "try a smaller --lr";
                warnings.add(String.format(Locale.ROOT, "the loss ended higher than it began (%.6f, from %.6f); "
                        + "try a smaller --lr or --standardize the features", last, first));
            }
        }
        float majority = majorityShare(training);
        String useless = training.classes() >= 2 && training.size() > 0 && accuracy <= majority + 1e-6f
                ? String.format(Locale.ROOT, "the model is no better than always answering the most common class "
                        + "(training accuracy %.4f, that class's share %.4f)%s", accuracy, majority,
                        fix == null ? "" : "; " + fix)
                : null;
        return new LearningCheck(warnings, useless);
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
