package io.vecnet.train;

/** Receives the loss at iteration 0 and every {@code reportEvery} iterations after it. */
@FunctionalInterface
public interface TrainingListener {
    TrainingListener NONE = (iteration, loss) -> {
    };

    /** {@code loss} is the loss at the parameters before that iteration's update, as the case study prints it. */
    void onReport(int iteration, float loss);
}
