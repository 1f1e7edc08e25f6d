package io.vecnet.bench;

import io.vecnet.kernels.Backend;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.kernels.Kernels;

/**
 * Fork settings shared by every benchmark. Each benchmark class has a {@code Vector} and a
 * {@code Scalar} subclass: vector forks add the Vector API module, scalar forks start without it,
 * so they measure the fallback a JVM without the module really gets.
 *
 * <p>Warm-up: until C2 compiles them, Vector API kernels run in the interpreter hundreds of times
 * slower than compiled code. On a busy 2-core machine they reached steady state after 3 to 4
 * iterations of 400 ms, hence 5 warm-up iterations of 500 ms per fork.
 */
final class BenchJvm {
    static final String SERIAL_GC = "-XX:+UseSerialGC";
    static final String HEAP = "-Xmx1g";
    static final String VECTOR_MODULE = "--add-modules=jdk.incubator.vector";
    /** Makes the provider's default choice scalar too, so its missing-module warning stays out of the output. */
    static final String SCALAR_PROPERTY = "-D" + KernelProvider.PROPERTY + "=scalar";

    private BenchJvm() {
    }

    /** Single-threaded kernels for {@code backend}, failing when the fork's JVM flags do not match it. */
    static Kernels kernels(Backend backend) {
        return kernels(backend, 1);
    }

    /** Kernels for {@code backend} on {@code threads} threads, failing when the fork's JVM flags do not match it. */
    static Kernels kernels(Backend backend, int threads) {
        if (backend == Backend.SCALAR && KernelProvider.vectorAvailable()) {
            throw new IllegalStateException("a scalar fork must start without " + VECTOR_MODULE);
        }
        Kernels kernels = KernelProvider.select(backend, threads);
        if (kernels.backend() != backend) {
            throw new IllegalStateException("asked for " + backend.label() + " kernels, got " + kernels.description());
        }
        return kernels;
    }
}
