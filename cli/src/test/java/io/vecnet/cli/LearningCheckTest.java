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
        LearningCheck standardized = LearningCheck.of(AT_LN_3, 1 / 3f, threeClasses(),
                new LearningCheck.Setup(true, false, "--epochs"));
        assertTrue(standardized.reason().endsWith("; try more --epochs or a larger --lr"), standardized.reason());
        LearningCheck raw = LearningCheck.of(AT_LN_3, 1 / 3f, threeClasses(),
                new LearningCheck.Setup(false, false, "--iterations"));
        assertTrue(raw.reason().endsWith("; --standardize the features, or try more --iterations or a larger --lr"),
                raw.reason());
        String exploded = warnings(LearningCheck.of(new float[] {1f, 9f, 2f}, 0.5f, threeClasses(),
                new LearningCheck.Setup(true, false, "--epochs")));
        assertTrue(exploded.contains("try a smaller --lr") && !exploded.contains("--standardize"), exploded);
        String explodedRaw = warnings(LearningCheck.of(new float[] {1f, 9f, 2f}, 0.5f, threeClasses(),
                new LearningCheck.Setup(false, false, "--epochs")));
        assertTrue(explodedRaw.contains("try a smaller --lr, or --standardize the features"), explodedRaw);
    }

    /** Far above ln K from the start: unscaled features have saturated the softmax. */
    @Test
    void aLossFarAboveLnKFromTheStartIsASaturatedSoftmax() {
        float[] huge = {1.371e26f, 1.392e26f, 1.341e26f};
        String raw = warnings(LearningCheck.of(huge, 0.5f, threeClasses(), new LearningCheck.Setup(false, true, "--epochs")));
        assertEquals("vecnet train: warning: the loss never fell below 1.34100e+26, far above ln 3 = 1.0986 where a "
                + "network that knows nothing starts: its scores are huge, which saturates the softmax; --standardize "
                + "the features\n", raw);
        String scaled = warnings(LearningCheck.of(new float[] {40f, 35f, 30f}, 0.5f, threeClasses(),
                new LearningCheck.Setup(true, true, "--epochs")));
        assertTrue(scaled.startsWith("vecnet train: warning: the loss never fell below 30.000000, far above ln 3")
                && scaled.endsWith("; try a smaller --lr\n"), scaled);
        assertEquals("", warnings(LearningCheck.of(new float[] {10f, 2f, 1f}, 0.9f, threeClasses(),
                new LearningCheck.Setup(true, true, "--epochs"))));
    }

    /** A run that fails gives its advice once, in its last line; the warnings say what went wrong. */
    @Test
    void aFailedRunGivesItsAdviceOnce() {
        LearningCheck check = LearningCheck.of(AT_LN_3, 1 / 3f, threeClasses(),
                new LearningCheck.Setup(true, false, "--epochs"));
        assertTrue(check.useless());
        assertEquals("vecnet train: warning: the loss stayed at ln 3 = 1.0986: the network learned nothing\n",
                warnings(check));
        assertEquals("the model is no better than always answering the most common class (training accuracy 0.3333, "
                + "that class's share 0.3333); try more --epochs or a larger --lr", check.reason());
        LearningCheck exploded = LearningCheck.of(new float[] {1.0986f, 7f, 1.0990f}, 1 / 3f, threeClasses(),
                new LearningCheck.Setup(false, false, "--epochs"));
        assertEquals("vecnet train: warning: the loss rose to 7.00000 (it began at 1.098600): the learning rate is "
                + "probably too large\nvecnet train: warning: the loss stayed at ln 3 = 1.0986: the network learned "
                + "nothing\nvecnet train: warning: the loss ended higher than it began (1.099000, from 1.098600)\n",
                warnings(exploded), "no advice to raise the rate that exploded");
        assertTrue(exploded.reason().endsWith("; try a smaller --lr, or --standardize the features"), exploded.reason());
        LearningCheck learning = LearningCheck.of(new float[] {1f, 1.5f}, 0.8f, threeClasses(),
                new LearningCheck.Setup(true, false, "--epochs"));
        assertFalse(learning.useless());
        assertEquals("vecnet train: warning: the loss ended higher than it began (1.500000, from 1.000000); try a "
                + "smaller --lr\n", warnings(learning), "a run that did not fail keeps the advice in its warning");
    }

    /** A model that learned its training rows but does no better than the majority on the held-out ones is warned of. */
    @Test
    void aModelNoBetterThanTheMajorityOnHeldOutRowsIsWarnedOf() {
        float[] fell = {1.0986f, 0.7f};
        Dataset held = threeClasses();
        LearningCheck memorised = LearningCheck.of(fell, 0.7f, 0.9f, threeClasses(), held, 1 / 3f,
                new LearningCheck.Setup(true, true, "--epochs"));
        assertFalse(memorised.useless(), "a warning, not a failure: a few held-out rows can fall short by chance");
        assertEquals("vecnet train: warning: the validation accuracy (0.3333) is no better than always answering the "
                + "most common class (0.3333): what the model learned does not carry over to rows it has not seen\n",
                warnings(memorised));
        assertEquals("", warnings(LearningCheck.of(fell, 0.7f, 0.9f, threeClasses(), held, 0.5f,
                new LearningCheck.Setup(true, true, "--epochs"))));
        assertEquals("", warnings(LearningCheck.of(fell, 0.7f, 0.9f, threeClasses(), null, Float.NaN,
                new LearningCheck.Setup(true, true, "--epochs"))));
    }

    /** A spike the run recovered from is no warning; advice that two warnings share is given once. */
    @Test
    void aRecoveredSpikeIsNoWarningAndAdviceIsGivenOnce() {
        float[] spiked = {1.0986f, 3.5f, 0.2f};
        assertEquals("", warnings(LearningCheck.of(spiked, 0.98f, threeClasses(),
                new LearningCheck.Setup(true, false, "--epochs"))));
        float[] keptBest = {1.0986f, 9e5f, 0.3f, 3e4f};
        assertEquals("", warnings(LearningCheck.of(keptBest, 0.3f, 0.87f, threeClasses(), null, Float.NaN,
                new LearningCheck.Setup(true, true, "--epochs"))), "early stopping kept an epoch below the start");
        float[] neverBelow = {1.0986f, 9e5f, 3e4f};
        assertTrue(warnings(LearningCheck.of(neverBelow, 0.56f, threeClasses(),
                new LearningCheck.Setup(true, true, "--epochs"))).startsWith("vecnet train: warning: the loss rose to"),
                "a random start can beat the majority class: accuracy alone shows no recovery");
        String twice = warnings(LearningCheck.of(new float[] {1.0986f, 9e5f, 3e4f}, 0.5f, threeClasses(),
                new LearningCheck.Setup(true, false, "--epochs")));
        assertEquals("vecnet train: warning: the loss rose to 900000 (it began at 1.098600): the learning rate is "
                + "probably too large; try a smaller --lr\nvecnet train: warning: the loss ended higher than it began "
                + "(30000.000000, from 1.098600)\n", twice);
    }

    /** Early stopping that found no epoch better than the start returns the untrained weights: a failure. */
    @Test
    void keptStartingWeightsAreAFailure() {
        LearningCheck check = LearningCheck.of(new float[] {1.0986f, 4e4f, 2e5f}, 1.0986f, 0.56f, threeClasses(), null,
                Float.NaN, new LearningCheck.Setup(true, true, "--epochs", true, false, false));
        assertTrue(check.useless());
        assertEquals("no epoch improved on the starting weights, so early stopping kept them: the model is untrained; "
                + "try a smaller --lr", check.reason());
    }

    /**
     * After an explosion, the starting weights early stopping fell back on are not a slowly learning
     * model, whatever accuracy the random start happens to have: no advice to raise the rate.
     */
    @Test
    void anExplosionIsNotFollowedByAdviceToRaiseTheRate() {
        String text = warnings(LearningCheck.of(new float[] {1.0977f, 9787.79f, 5000f}, 1.0977f, 0.56f, threeClasses(),
                null, Float.NaN, new LearningCheck.Setup(true, true, "--epochs", true, false, false)));
        assertTrue(text.startsWith("vecnet train: warning: the loss rose to 9787.79"), text);
        assertFalse(text.contains("larger --lr"), text);
    }

    /** A regularised model that ends at ln K, useless, was likely shrunk to nothing by the L2 term. */
    @Test
    void aRegularisedModelBackAtLnKIsAdvisedASmallerReg() {
        float[] shrunk = {1.1220f, 1.0990f, 1.0986f};
        LearningCheck regularised = LearningCheck.of(shrunk, 1.0986f, 1 / 3f, threeClasses(), null, Float.NaN,
                new LearningCheck.Setup(true, false, "--iterations", false, false, true));
        assertTrue(regularised.useless());
        assertTrue(regularised.reason().endsWith("; try a smaller --reg"), regularised.reason());
        LearningCheck unregularised = LearningCheck.of(shrunk, 1.0986f, 1 / 3f, threeClasses(), null, Float.NaN,
                new LearningCheck.Setup(true, false, "--iterations", false, false, false));
        assertFalse(unregularised.reason().contains("--reg"), unregularised.reason());
    }

    /** With early stopping, the loss judged is that of the weights it kept, not the last epoch's. */
    @Test
    void earlyStoppingsKeptWeightsAreJudgedNotTheLastEpochs() {
        LearningCheck.Setup early = new LearningCheck.Setup(true, true, "--epochs");
        float[] backAtLnK = {1.0986f, 0.4f, 1.0990f};
        assertEquals("", warnings(LearningCheck.of(backAtLnK, 0.4f, 0.9f, threeClasses(), null, Float.NaN, early)),
                "the kept weights learned; the last epoch's are not the model");
        assertEquals("vecnet train: warning: the loss barely moved from ln 3 = 1.0986 (1.0930 with the weights early "
                + "stopping kept) while the training accuracy rose to 0.81: try a larger --lr\n",
                warnings(LearningCheck.of(new float[] {1.0985f, 0.4f, 1.0f}, 1.0930f, 0.81f, threeClasses(), null,
                        Float.NaN, early)));

        float[] fellThenExploded = {1f, 0.5f, 9e5f, 3e4f};
        assertEquals("vecnet train: warning: the loss rose to 900000 (it began at 1.000000): the learning rate is "
                + "probably too large; try a smaller --lr\nvecnet train: warning: the loss with the weights early "
                + "stopping kept is higher than at the start (2.500000, from 1.000000)\n",
                warnings(LearningCheck.of(fellThenExploded, 2.5f, 0.6f, threeClasses(), null, Float.NaN, early)),
                "an epoch below the start that early stopping did not keep is no recovery");
    }

    /** The L2 term counts as dominant from half the starting loss on, or when it is infinite. */
    @Test
    void theL2TermDominatesFromHalfTheStartingLoss() {
        assertTrue(LearningCheck.l2Dominates(new float[] {2.34e28f, 2.34e28f}, 2.34e28f));
        assertTrue(LearningCheck.l2Dominates(new float[] {2f, 1f}, 1f), "as large as the data term");
        assertFalse(LearningCheck.l2Dominates(new float[] {2f, 1f}, 0.99f));
        assertFalse(LearningCheck.l2Dominates(new float[] {1.1236f}, 0.025f), "the case study's --reg 1");
        assertTrue(LearningCheck.l2Dominates(new float[0], Float.POSITIVE_INFINITY), "no finite loss to begin at");
        assertFalse(LearningCheck.l2Dominates(new float[0], 1f));
    }

    /** When the L2 term was most of the loss from the start, the advice is a smaller --reg, not a rate. */
    @Test
    void aLossTheL2TermDrivesIsAdvisedASmallerReg() {
        LearningCheck.Setup l2 = new LearningCheck.Setup(true, false, "--epochs", false, true, false);
        float[] huge = {2.52e28f, 2.52e28f, 2.52e28f};
        LearningCheck stuck = LearningCheck.of(huge, 1 / 3f, threeClasses(), l2);
        assertEquals("vecnet train: warning: the loss never fell below 2.52000e+28, far above ln 3 = 1.0986 where a "
                + "network that knows nothing starts: most of it is the L2 term\n", warnings(stuck));
        assertTrue(stuck.reason().endsWith("; try a smaller --reg"), stuck.reason());

        String exploded = warnings(LearningCheck.of(new float[] {3.4f, 2.3e4f, 2e36f}, 0.4f, threeClasses(), l2));
        assertEquals("vecnet train: warning: the loss rose to 2.00000e+36 (it began at 3.400000): the L2 strength, "
                + "most of the loss at the start, is probably too large; try a smaller --reg\nvecnet train: warning: "
                + "the loss ended higher than it began (2.00000e+36, from 3.400000)\n", exploded);

        LearningCheck shrunk = LearningCheck.of(new float[] {26f, 5f, 1.0986f}, 1 / 3f, threeClasses(), l2);
        assertEquals("", warnings(shrunk));
        assertEquals("the model is no better than always answering the most common class (training accuracy 0.3333, "
                + "that class's share 0.3333); try a smaller --reg", shrunk.reason(),
                "weights shrunk to nothing, with no other advice to give");
    }

    @Test
    void aRunThatEarlyStoppingEndedIsNotToldToRunLonger() {
        LearningCheck check = LearningCheck.of(AT_LN_3, 1 / 3f, threeClasses(),
                new LearningCheck.Setup(true, true, "--epochs"));
        assertTrue(check.useless());
        assertTrue(check.reason().endsWith("; try a larger --lr"), check.reason());
    }
}
