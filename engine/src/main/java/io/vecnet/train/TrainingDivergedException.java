package io.vecnet.train;

/** The loss became NaN or infinite; training stops at that iteration. */
public final class TrainingDivergedException extends RuntimeException {
    private final int iteration;

    public TrainingDivergedException(int iteration, float loss, float stepSize) {
        super("training diverged: the loss became " + loss + " at iteration " + iteration
                + "; try a smaller step size than " + stepSize);
        this.iteration = iteration;
    }

    public int iteration() {
        return iteration;
    }
}
