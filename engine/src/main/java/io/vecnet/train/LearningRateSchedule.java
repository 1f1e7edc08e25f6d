package io.vecnet.train;

import java.util.Arrays;
import java.util.Locale;

/** How the learning rate moves over a run of {@code total} steps, from the optimiser's starting rate. */
public enum LearningRateSchedule {
    /** The starting rate throughout. */
    CONSTANT("constant") {
        @Override
        public float rate(float base, int step, int total) {
            return base;
        }
    },
    /** Tenfold lower from half the run, a hundredfold from three quarters. */
    STEP("step") {
        @Override
        public float rate(float base, int step, int total) {
            if (4L * step >= 3L * total) {
                return base * 0.01f;
            }
            return 2L * step >= total ? base * 0.1f : base;
        }
    },
    /** Half a cosine from the starting rate down to 0 at the end of the run (Loshchilov and Hutter's SGDR, one cycle). */
    COSINE("cosine") {
        @Override
        public float rate(float base, int step, int total) {
            double progress = total <= 1 ? 0 : (double) step / total;
            // Never exactly 0: an optimiser refuses a zero rate, and the last step would change nothing anyway.
            return (float) Math.max(base * 0.5 * (1 + Math.cos(Math.PI * progress)), base * 1e-6);
        }
    };

    private final String id;

    LearningRateSchedule(String id) {
        this.id = id;
    }

    /** The rate for step {@code step} (from 0) of {@code total}. */
    public abstract float rate(float base, int step, int total);

    public String id() {
        return id;
    }

    public static LearningRateSchedule parse(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.id.equals(wanted)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown learning-rate schedule '" + id + "' (known: constant, step, cosine)"));
    }

    @Override
    public String toString() {
        return id;
    }
}
