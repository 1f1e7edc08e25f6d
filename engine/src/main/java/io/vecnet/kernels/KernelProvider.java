package io.vecnet.kernels;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Chooses the kernel backend once, in the manner of Lucene's VectorizationProvider.
 *
 * <p>The Vector API lives in the incubating module {@code jdk.incubator.vector}, which a JVM only
 * resolves when started with {@code --add-modules jdk.incubator.vector}. Without it the vector
 * classes cannot even be loaded, so they are reached only by reflection, after checking that the
 * module is in the boot layer. The system property {@value #PROPERTY} ({@code auto|vector|scalar})
 * forces a choice for {@link #get()}.
 */
public final class KernelProvider {
    public static final String PROPERTY = "vecnet.kernels";
    public static final String VECTOR_MODULE = "jdk.incubator.vector";
    public static final String MISSING_MODULE_WARNING = "WARNING: vecnet is using its scalar kernels because the "
            + VECTOR_MODULE + " module is not enabled; start java with --add-modules " + VECTOR_MODULE
            + " for the vector kernels.";
    private static final String VECTOR_CLASS = "io.vecnet.kernels.vector.VectorKernels";
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private KernelProvider() {
    }

    /** The process-wide kernels, chosen on first use from the {@value #PROPERTY} property (default auto). */
    public static Kernels get() {
        return Holder.DEFAULT;
    }

    /**
     * Kernels for an explicit choice. {@link Backend#AUTO} falls back to scalar with one warning on
     * stderr when the vector module is missing; {@link Backend#VECTOR} then throws instead.
     */
    public static Kernels select(Backend backend) {
        return switch (backend) {
            case SCALAR -> Holder.SCALAR;
            case VECTOR -> {
                if (!vectorAvailable()) {
                    throw new IllegalStateException("the vector backend needs the " + VECTOR_MODULE
                            + " module: start java with --add-modules " + VECTOR_MODULE);
                }
                yield Holder.vector();
            }
            case AUTO -> {
                if (vectorAvailable()) {
                    yield Holder.vector();
                }
                if (WARNED.compareAndSet(false, true)) {
                    System.err.println(MISSING_MODULE_WARNING);
                }
                yield Holder.SCALAR;
            }
        };
    }

    /** Whether the running JVM resolved the Vector API module. */
    public static boolean vectorAvailable() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    private static final class Holder {
        static final Kernels SCALAR = new ScalarKernels();
        static final Kernels DEFAULT = select(Backend.parse(System.getProperty(PROPERTY, "auto")));
        private static Kernels vectorKernels;

        static synchronized Kernels vector() {
            if (vectorKernels == null) {
                vectorKernels = loadVector();
            }
            return vectorKernels;
        }

        private static Kernels loadVector() {
            try {
                Class<?> type = Class.forName(VECTOR_CLASS);
                return (Kernels) MethodHandles.publicLookup()
                        .findConstructor(type, MethodType.methodType(void.class)).invoke();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("cannot create the vector kernels", e);
            }
        }
    }
}
