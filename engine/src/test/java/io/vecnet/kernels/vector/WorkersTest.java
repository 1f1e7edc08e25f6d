package io.vecnet.kernels.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class WorkersTest {
    private static final Duration HANG = Duration.ofSeconds(60);

    @Test
    void runsEachPartOnceWithPartZeroOnTheCaller() {
        Workers workers = new Workers(3);
        Thread[] ranOn = new Thread[3];
        AtomicIntegerArray runs = new AtomicIntegerArray(3);
        workers.run(3, part -> {
            ranOn[part] = Thread.currentThread();
            runs.incrementAndGet(part);
        });
        assertEquals("[1, 1, 1]", runs.toString());
        assertSame(Thread.currentThread(), ranOn[0]);
        assertNotEquals(ranOn[0], ranOn[1]);
        assertNotEquals(ranOn[1], ranOn[2]);
    }

    /** Thousands of hand-offs in a row: a lost wake-up on either side would hang here. */
    @Test
    void manyRunsInARowEachSeeTheirOwnParts() {
        Workers workers = new Workers(2);
        assertTimeoutPreemptively(HANG, () -> {
            for (int round = 0; round < 20_000; round++) {
                int[] written = new int[2];
                int value = round;
                workers.run(2, part -> written[part] = value + part);
                assertArrayEquals(new int[] {round, round + 1}, written);
                if (round % 5_000 == 0) {
                    Thread.sleep(1);
                }
            }
        });
    }

    /** Runs after the helper has given up polling and parked must still wake it. */
    @Test
    void wakesAParkedHelper() throws InterruptedException {
        Workers workers = new Workers(2);
        int[] written = new int[2];
        workers.run(2, part -> written[part] = 1);
        Thread.sleep(20);
        assertTimeoutPreemptively(HANG, () -> workers.run(2, part -> written[part] = 2));
        assertArrayEquals(new int[] {2, 2}, written);
    }

    @Test
    void aHelpersExceptionReachesTheCallerAfterEveryPartEnded() {
        Workers workers = new Workers(2);
        IllegalStateException thrown = new IllegalStateException("helper part failed");
        boolean[] callerPartEnded = new boolean[1];
        IllegalStateException caught = assertThrows(IllegalStateException.class, () -> workers.run(2, part -> {
            if (part == 1) {
                throw thrown;
            }
            callerPartEnded[0] = true;
        }));
        assertSame(thrown, caught);
        assertEquals(true, callerPartEnded[0]);
        int[] written = new int[2];
        workers.run(2, part -> written[part] = part + 1);
        assertArrayEquals(new int[] {1, 2}, written, "the helper serves the next run");
    }

    @Test
    void theCallersExceptionWaitsForTheHelpersPart() {
        Workers workers = new Workers(2);
        boolean[] helperPartEnded = new boolean[1];
        assertThrows(ArithmeticException.class, () -> workers.run(2, part -> {
            if (part == 0) {
                throw new ArithmeticException("caller part failed");
            }
            helperPartEnded[0] = true;
        }));
        assertEquals(true, helperPartEnded[0]);
    }

    @Test
    void whenEveryPartFailsTheCallersExceptionCarriesTheHelpers() {
        Workers workers = new Workers(3);
        IllegalStateException caller = new IllegalStateException("part 0");
        ArithmeticException first = new ArithmeticException("part 1");
        ArithmeticException second = new ArithmeticException("part 2");
        IllegalStateException caught = assertThrows(IllegalStateException.class, () -> workers.run(3, part -> {
            throw part == 0 ? caller : part == 1 ? first : second;
        }));
        assertSame(caller, caught);
        assertArrayEquals(new Throwable[] {first, second}, caught.getSuppressed());
    }

    /** Callers that find the helpers busy run their parts themselves: same results, no deadlock. */
    @Test
    void concurrentCallersAllGetTheirResults() throws Exception {
        Workers workers = new Workers(2);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                int caller = c;
                results.add(callers.submit(() -> {
                    for (int round = 0; round < 2_000; round++) {
                        long[] sums = new long[2];
                        workers.run(2, part -> {
                            for (int i = part; i < 1_000; i += 2) {
                                sums[part] += i * (long) caller;
                            }
                        });
                        if (sums[0] + sums[1] != 499_500L * caller) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertEquals(true, result.get(HANG.toSeconds(), java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void refusesMorePartsThanThreads() {
        assertThrows(IllegalArgumentException.class, () -> new Workers(2).run(3, part -> { }));
        assertThrows(IllegalArgumentException.class, () -> new Workers(0));
    }
}
