package io.vecnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.Matrix;
import io.vecnet.data.Dataset;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LearningCheckTest {
    /** A loss that stays within 1% of ln 3 = 1.0986 throughout. */
    private static final float[] AT_LN_3 = {1.0985f, 1.0960f, 1.0930f};

    /** Three balanced classes: always answering one of them scores 1/3. */
    private static Dataset threeClasses() {
        return new Dataset(new Matrix(30, 2), IntStream.range(0, 30).map(i -> i % 3).toArray(), 3);
    }

    private static String warnings(LearningCheck check) {
        StringWriter text = new StringWriter();
        check.warn(new PrintWriter(text));
        return text.toString();
    }

    @Test
    void aLossNearLnKWithAnAccuracyWellAboveTheMajoritysIsSlowLearningNotNone() {
        LearningCheck check = LearningCheck.of(AT_LN_3, 0.81f, threeClasses(),
                new LearningCheck.Setup(true, false, "--epochs"));
        assertEquals("vecnet train: warning: the loss barely moved from ln 3 = 1.0986 (it ended at 1.0930) while the "
                + "training accuracy rose to 0.81: try more --epochs or a larger --lr\n", warnings(check));
        assertFalse(check.useless());
    }

    @Test
    void standardizingIsSuggestedOnlyWhereTheFeaturesWereNot() {
        String standardized = warnings(LearningCheck.of(AT_LN_3, 1 / 3f, threeClasses(),
                new LearningCheck.Setup(true, false, "--epochs")));
        assertEquals("vecnet train: warning: the loss stayed at ln 3 = 1.0986: the network learned nothing; "
                + "try more --epochs or a larger --lr\n", standardized);
        String raw = warnings(LearningCheck.of(AT_LN_3, 1 / 3f, threeClasses(),
                new LearningCheck.Setup(false, false, "--iterations")));
        assertTrue(raw.contains("learned nothing; --standardize the features, or try more --iterations"), raw);
        String exploded = warnings(LearningCheck.of(new float[] {1f, 9f, 2f}, 0.5f, threeClasses(),
                new LearningCheck.Setup(true, false, "--epochs")));
        assertTrue(exploded.contains("try a smaller --lr") && !exploded.contains("--standardize"), exploded);
    }

    @Test
    void aRunThatEarlyStoppingEndedIsNotToldToRunLonger() {
        LearningCheck check = LearningCheck.of(AT_LN_3, 1 / 3f, threeClasses(),
                new LearningCheck.Setup(true, true, "--epochs"));
        assertTrue(warnings(check).contains("learned nothing; try a larger --lr\n"), warnings(check));
        assertTrue(check.useless());
        assertTrue(check.reason().endsWith("; try a larger --lr"), check.reason());
    }
}
