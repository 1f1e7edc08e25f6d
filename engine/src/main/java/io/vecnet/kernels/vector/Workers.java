package io.vecnet.kernels.vector;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A small fixed set of daemon helper threads that large kernels split their work over. Work is
 * always split so that each output element is computed by one thread in the same order as without
 * threads: results do not depend on the thread count, nor on whether the helpers were free.
 * <p>
 * Mini-batch products take a few hundred microseconds, so the hand-off must cost far less: a
 * thread pool's queue and park/unpark measured about 27 µs per split here, against about 1 µs
 * now. Each helper therefore polls for its next part for {@link #SPIN_NANOS} after finishing one
 * before it parks, and the caller polls for the parts' ends the same way.
 */
final class Workers {
    private static final AtomicInteger POOLS = new AtomicInteger();
    static final Workers SERIAL = new Workers(1);
    /**
     * How long a helper polls for its next part, and a caller for a part's end, before parking: long
     * enough to span the serial work between two products of a training step (an Adam update and the
     * next batch's rows take a few hundred microseconds at 784 -> 256 -> 10), short enough that an
     * idle engine soon stops using the CPU. Measured on one epoch of Adam on 128-row batches, two
     * threads: 0.49 s with 100 µs, 0.45 s with 1 ms. OpenMP runtimes and OpenBLAS spin longer.
     */
    static final long SPIN_NANOS = 1_000_000;

    private final int threads;
    private final Helper[] helpers;
    /** Held by the one caller whose parts the helpers run; other callers run their parts themselves. */
    private final AtomicBoolean busy = new AtomicBoolean();

    Workers(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.helpers = new Helper[threads - 1];
        int poolId = POOLS.incrementAndGet();
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Helper("vecnet-" + poolId + "-worker-" + (i + 1));
        }
    }

    int threads() {
        return threads;
    }

    /**
     * Runs {@code part(0..parts-1)} and returns when all are done: part 0 on the calling thread, the
     * others on the helpers, or all on the calling thread when the helpers are serving another
     * caller. A part's exception is rethrown after every part has ended, with any other part's
     * exception suppressed in it.
     */
    void run(int parts, IntConsumer part) {
        if (parts > threads) {
            throw new IllegalArgumentException(parts + " parts for " + threads + " threads");
        }
        if (parts == 1 || !busy.compareAndSet(false, true)) {
            for (int i = 0; i < parts; i++) {
                part.accept(i);
            }
            return;
        }
        Throwable failure = null;
        int posted = 0;
        try {
            for (int i = 1; i < parts; i++) {
                helpers[i - 1].post(part, i);
                posted++;
            }
            part.accept(0);
        } catch (Throwable t) {
            failure = t;
        }
        try {
            for (int i = 0; i < posted; i++) {
                failure = combined(failure, helpers[i].awaitFinished());
            }
        } finally {
            busy.set(false);
        }
        rethrow(failure);
    }

    private static Throwable combined(Throwable first, Throwable next) {
        if (first == null) {
            return next;
        }
        if (next != null && next != first) {
            first.addSuppressed(next);
        }
        return first;
    }

    private static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException("a kernel worker failed", failure);
        }
    }

    /**
     * One helper thread, started on its first part. The caller posts a part by raising
     * {@code posted}; the helper runs it and raises {@code finished} to match. Both counters are
     * volatile, so the plain fields written before raising one are visible to the thread that sees
     * it raised. Each side, before parking, announces itself and then checks its counter again,
     * while the other side raises the counter and then checks for the announcement: with volatile
     * accesses one of the two always sees the other, so no wake-up is lost.
     */
    private static final class Helper implements Runnable {
        private final String name;
        private Thread thread;
        private volatile int posted;
        private volatile int finished;
        private volatile boolean parked;
        private volatile Thread waiter;
        private IntConsumer part;
        private int index;
        private Throwable failure;

        Helper(String name) {
            this.name = name;
        }

        /** Hands the helper a part; if its thread cannot be started, throws with nothing posted. */
        void post(IntConsumer part, int index) {
            this.part = part;
            this.index = index;
            if (thread == null) {
                Thread started = new Thread(this, name);
                started.setDaemon(true);
                started.start();
                thread = started;
            }
            posted = posted + 1;
            if (parked) {
                LockSupport.unpark(thread);
            }
        }

        /** Waits for the last posted part to end and returns what it threw, or null. */
        Throwable awaitFinished() {
            int target = posted;
            long spinEnd = System.nanoTime() + SPIN_NANOS;
            while (finished != target) {
                if (System.nanoTime() < spinEnd) {
                    Thread.onSpinWait();
                } else {
                    waiter = Thread.currentThread();
                    if (finished != target) {
                        LockSupport.park(this);
                    }
                    waiter = null;
                }
            }
            Throwable thrown = failure;
            failure = null;
            return thrown;
        }

        @Override
        public void run() {
            for (int seen = 0; ; ) {
                awaitPosted(seen);
                seen = posted;
                try {
                    part.accept(index);
                } catch (Throwable t) {
                    failure = t;
                }
                part = null;
                finished = seen;
                Thread caller = waiter;
                if (caller != null) {
                    LockSupport.unpark(caller);
                }
            }
        }

        private void awaitPosted(int seen) {
            long spinEnd = System.nanoTime() + SPIN_NANOS;
            while (posted == seen) {
                if (System.nanoTime() < spinEnd) {
                    Thread.onSpinWait();
                } else {
                    parked = true;
                    if (posted == seen) {
                        LockSupport.park(this);
                    }
                    parked = false;
                }
            }
        }
    }
}
