package io.vecnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class TrainingConfigTest {

    private static void assertRejected(String message, Executable create) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, create).getMessage());
    }

    @Test
    void caseStudySettings() {
        assertEquals(new TrainingConfig(1f, 1e-3f, 200, 10), TrainingConfig.linearCaseStudy());
        assertEquals(new TrainingConfig(1f, 1e-3f, 10_000, 1_000), TrainingConfig.netCaseStudy());
    }

    @Test
    void stepSizeMustBeFiniteAndPositive() {
        assertRejected("step size must be a finite number > 0, got 0.0", () -> new TrainingConfig(0f, 0f, 1, 1));
        assertRejected("step size must be a finite number > 0, got -1.0", () -> new TrainingConfig(-1f, 0f, 1, 1));
        assertRejected("step size must be a finite number > 0, got NaN", () -> new TrainingConfig(Float.NaN, 0f, 1, 1));
        assertRejected("step size must be a finite number > 0, got Infinity",
                () -> new TrainingConfig(Float.POSITIVE_INFINITY, 0f, 1, 1));
    }

    @Test
    void regularisationMustBeFiniteAndNotNegative() {
        assertRejected("regularisation strength must be a finite number >= 0, got -0.1",
                () -> new TrainingConfig(1f, -0.1f, 1, 1));
        assertRejected("regularisation strength must be a finite number >= 0, got NaN",
                () -> new TrainingConfig(1f, Float.NaN, 1, 1));
        assertRejected("regularisation strength must be a finite number >= 0, got Infinity",
                () -> new TrainingConfig(1f, Float.POSITIVE_INFINITY, 1, 1));
    }

    @Test
    void iterationsAndReportIntervalAreChecked() {
        assertRejected("iterations must be >= 0, got -1", () -> new TrainingConfig(1f, 0f, -1, 1));
        assertRejected("the report interval must be >= 1, got 0", () -> new TrainingConfig(1f, 0f, 10, 0));
        assertEquals(0, new TrainingConfig(1f, 0f, 0, 1).iterations());
    }
}
