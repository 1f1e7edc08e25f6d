package io.vecnet.train;

/**
 * Told how training goes: a full-batch run reports at step 0 and every {@code reportEvery} steps, a
 * mini-batch run at the end of every epoch. It may stop training.
 */
@FunctionalInterface
public interface TrainingListener {
    TrainingListener NONE = progress -> {
    };

    void onReport(Progress progress);

    /**
     * One report. Full batch: {@code loss} is the loss at the parameters before step {@code iteration}'s
     * update, as the case study prints it. Mini-batch: {@code iteration} is the steps taken so far and
     * {@code loss} the mean of the epoch's batch losses. {@code validation} is the held-out rows' loss
     * and accuracy at the current parameters, or null without a validation set.
     */
    final class Progress {
        private final int iteration;
        private final int epoch;
        private final float loss;
        private final Evaluation validation;
        private boolean stopRequested;

        Progress(int iteration, int epoch, float loss, Evaluation validation) {
            this.iteration = iteration;
            this.epoch = epoch;
            this.loss = loss;
            this.validation = validation;
        }

        public int iteration() {
            return iteration;
        }

        /** Epochs completed (mini-batch), or the step (full batch, where a step is an epoch). */
        public int epoch() {
            return epoch;
        }

        public float loss() {
            return loss;
        }

        /** The validation loss and accuracy, or null when training has no validation set. */
        public Evaluation validation() {
            return validation;
        }

        /** Ends training here: the result keeps the parameters this report was made at. */
        public void stop() {
            stopRequested = true;
        }

        boolean stopRequested() {
            return stopRequested;
        }
    }
}
