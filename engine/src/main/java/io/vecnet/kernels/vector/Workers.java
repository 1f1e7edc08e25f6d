package io.vecnet.kernels.vector;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A small fixed pool of daemon threads that large kernels split their work over. Work is always
 * split so that each output element is computed by one thread in the same order as without
 * threads: results do not depend on the thread count. Handing a part to another thread costs
 * tens of microseconds, so kernels split only above a measured size.
 */
final class Workers {
    static final Workers SERIAL = new Workers(1);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int threads;
    private final ExecutorService pool;

    Workers(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : newDaemonPool(threads - 1);
    }

    private static ExecutorService newDaemonPool(int size) {
        int poolId = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(size, task -> {
            Thread thread = new Thread(task, "vecnet-" + poolId + "-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    int threads() {
        return threads;
    }

    /** Runs {@code part(0..parts-1)}, part 0 on the calling thread, and returns when all are done. */
    void run(int parts, IntConsumer part) {
        if (parts == 1 || pool == null) {
            for (int i = 0; i < parts; i++) {
                part.accept(i);
            }
            return;
        }
        Future<?>[] others = new Future<?>[parts - 1];
        for (int i = 1; i < parts; i++) {
            int index = i;
            others[i - 1] = pool.submit(() -> part.accept(index));
        }
        part.accept(0);
        for (Future<?> other : others) {
            await(other);
        }
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a kernel worker", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
