package io.vecnet.train;

/** Told the loss at iteration 0 and every {@code reportEvery} iterations after it; may stop training. */
@FunctionalInterface
public interface TrainingListener {
    TrainingListener NONE = progress -> {
    };

    void onReport(Progress progress);

    /** One report: the loss at the parameters before that iteration's update, as the case study prints it. */
    final class Progress {
        private final int iteration;
        private final float loss;
        private boolean stopRequested;

        Progress(int iteration, float loss) {
            this.iteration = iteration;
            this.loss = loss;
        }

        public int iteration() {
            return iteration;
        }

        public float loss() {
            return loss;
        }

        /** Ends training before this iteration's update: the result keeps the parameters this loss was measured at. */
        public void stop() {
            stopRequested = true;
        }

        boolean stopRequested() {
            return stopRequested;
        }
    }
}
