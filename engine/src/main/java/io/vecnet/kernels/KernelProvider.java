package io.vecnet.kernels;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Chooses the kernel backend, in the manner of Lucene's VectorizationProvider.
 *
 * <p>The Vector API lives in the incubating module {@code jdk.incubator.vector}, which a JVM only
 * resolves when started with {@code --add-modules jdk.incubator.vector}. Without it the vector
 * classes cannot even be loaded, so they are reached only by reflection, after checking that the
 * module is in the boot layer. The system properties {@value #PROPERTY} ({@code auto|vector|scalar})
 * and {@value #THREADS_PROPERTY} set the choice made once for {@link #get()}.
 *
 * <p>This works on the class path and on the module path alike: the module {@code io.vecnet} requires
 * {@code jdk.incubator.vector} statically and keeps {@code io.vecnet.kernels.vector} to itself.
 *
 * <p>The engine prints nothing. When {@link Backend#AUTO} falls back to the scalar kernels it logs
 * {@link #MISSING_MODULE_MESSAGE} once, at {@link System.Logger.Level#WARNING WARNING}, to the
 * {@link System.Logger} named {@value #LOGGER}: by default that is {@code java.util.logging}, which
 * writes it to stderr; a logging framework bridged to {@code System.Logger} receives it like any other
 * warning, and setting that logger's level above warnings (to {@code OFF}, say) silences it.
 * {@link Kernels#backend()} and {@link Kernels#description()} tell from code which kernels run.
 */
public final class KernelProvider {
    public static final String PROPERTY = "vecnet.kernels";
    public static final String THREADS_PROPERTY = "vecnet.threads";
    public static final String VECTOR_MODULE = "jdk.incubator.vector";
    /** The name of the {@link System.Logger} the engine logs to: its package's, {@code io.vecnet.kernels}. */
    public static final String LOGGER = "io.vecnet.kernels";
    /** What {@link Backend#AUTO} logs, once, when it falls back to the scalar kernels. */
    public static final String MISSING_MODULE_MESSAGE = "vecnet is using its scalar kernels because the "
            + VECTOR_MODULE + " module is not enabled; start java with --add-modules " + VECTOR_MODULE
            + " for the vector kernels.";
    /** {@link #MISSING_MODULE_MESSAGE} as the command-line tool prints it, one line on stderr. */
    public static final String MISSING_MODULE_WARNING = "WARNING: " + MISSING_MODULE_MESSAGE;
    private static final String VECTOR_CLASS = "io.vecnet.kernels.vector.VectorKernels";
    private static final Kernels SCALAR = new ScalarKernels();
    private static final Map<Integer, Kernels> VECTOR_BY_THREADS = new ConcurrentHashMap<>();
    private static final AtomicBoolean WARNED = new AtomicBoolean();
    private static volatile Kernels defaultKernels;

    private KernelProvider() {
    }

    /**
     * The process-wide kernels, chosen on first use from the {@value #PROPERTY} property (default
     * auto) and the {@value #THREADS_PROPERTY} property (default: the available cores).
     */
    public static Kernels get() {
        Kernels kernels = defaultKernels;
        if (kernels == null) {
            synchronized (KernelProvider.class) {
                if (defaultKernels == null) {
                    defaultKernels = select(backendFromProperty(), threadsFromProperty());
                }
                kernels = defaultKernels;
            }
        }
        return kernels;
    }

    /** {@link #select(Backend, int)} with one thread per available core. */
    public static Kernels select(Backend backend) {
        return select(backend, defaultThreads());
    }

    /**
     * Kernels for an explicit choice. {@link Backend#AUTO} falls back to scalar when the vector module
     * is missing, logging {@link #MISSING_MODULE_MESSAGE} the first time (see the class comment);
     * {@link Backend#VECTOR} then throws instead. The scalar kernels are the single-threaded reference
     * and ignore {@code threads}.
     */
    public static Kernels select(Backend backend, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, got " + threads);
        }
        return switch (backend) {
            case SCALAR -> SCALAR;
            case VECTOR -> {
                if (!vectorAvailable()) {
                    throw new IllegalStateException("the vector backend needs the " + VECTOR_MODULE
                            + " module: start java with --add-modules " + VECTOR_MODULE);
                }
                yield VECTOR_BY_THREADS.computeIfAbsent(threads, KernelProvider::loadVector);
            }
            case AUTO -> {
                if (vectorAvailable()) {
                    yield select(Backend.VECTOR, threads);
                }
                if (WARNED.compareAndSet(false, true)) {
                    // Looked up only here: finding the logger backend costs start-up time nobody else needs.
                    System.getLogger(LOGGER).log(System.Logger.Level.WARNING, MISSING_MODULE_MESSAGE);
                }
                yield SCALAR;
            }
        };
    }

    /** Whether the running JVM resolved the Vector API module. */
    public static boolean vectorAvailable() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static Backend backendFromProperty() {
        try {
            return Backend.parse(System.getProperty(PROPERTY, "auto"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("system property " + PROPERTY + ": " + e.getMessage(), e);
        }
    }

    private static int threadsFromProperty() {
        String value = System.getProperty(THREADS_PROPERTY);
        if (value == null) {
            return defaultThreads();
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("system property " + THREADS_PROPERTY + ": '" + value
                    + "' is not a whole number of threads", e);
        }
    }

    private static Kernels loadVector(int threads) {
        try {
            // This class's own lookup: on the module path the vector package is not exported, and a public
            // lookup would not see it; from inside the module it is as accessible as on the class path.
            MethodHandle constructor = MethodHandles.lookup().findConstructor(
                    Class.forName(VECTOR_CLASS), MethodType.methodType(void.class, int.class));
            return (Kernels) constructor.invoke(threads);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot create the vector kernels", e);
        }
    }
}
