/**
 * vecnet's engine: float32 kernels on the Vector API with a plain-Java twin, feed-forward networks,
 * their training and their files.
 *
 * <p>Every package is API but two: {@code io.vecnet.internal}, the engine's own read access to a data
 * set's arrays, and {@code io.vecnet.kernels.vector}, the Vector API kernels, which
 * {@link io.vecnet.kernels.KernelProvider} creates by reflection when the JVM resolved
 * {@code jdk.incubator.vector}: the module requires it only statically, so it runs without it, on the
 * scalar kernels. Start the JVM with {@code --add-modules jdk.incubator.vector} for the vector kernels,
 * on the module path as on the class path. The engine's one log message (the scalar fallback's warning)
 * goes to {@link System.Logger}.
 */
module io.vecnet {
    requires static jdk.incubator.vector;

    exports io.vecnet;
    exports io.vecnet.data;
    exports io.vecnet.io;
    exports io.vecnet.kernels;
    exports io.vecnet.nn;
    exports io.vecnet.train;
}
