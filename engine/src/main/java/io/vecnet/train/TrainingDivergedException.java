package io.vecnet.train;

/** The loss became NaN or infinite; training stops at that iteration. */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int iteration;

    public TrainingDivergedException(int iteration, float loss) {
        super("training diverged: the loss became " + loss + " at iteration " + iteration
                + "; try a smaller learning rate");
        this.iteration = iteration;
    }

    public int iteration() {
        return iteration;
    }
}
