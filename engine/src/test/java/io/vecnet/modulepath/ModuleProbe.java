package io.vecnet.modulepath;

import io.vecnet.kernels.KernelProvider;
import io.vecnet.kernels.Kernels;
import io.vecnet.kernels.MatmulForm;

/**
 * Run by {@link ModulePathForkTest} in a JVM that has the engine on its module path and this class on
 * its class path, as an application that is not a module itself uses a modular library. Prints what
 * the module looks like from outside and which kernels it chose, one {@code key=value} per line.
 */
public final class ModuleProbe {
    private ModuleProbe() {
    }

    public static void main(String[] args) throws Exception {
        Module engine = KernelProvider.class.getModule();
        System.out.println("module=" + engine.getName());
        System.out.println("exports io.vecnet.nn=" + engine.isExported("io.vecnet.nn"));
        System.out.println("exports io.vecnet.kernels.vector=" + engine.isExported("io.vecnet.kernels.vector"));
        System.out.println("exports io.vecnet.internal=" + engine.isExported("io.vecnet.internal"));
        System.out.println("reads jdk.incubator.vector=" + ModuleLayer.boot().findModule("jdk.incubator.vector")
                .map(engine::canRead).orElse(false));
        Kernels kernels = KernelProvider.get();
        System.out.println("backend=" + kernels.backend().label());
        System.out.println("kernels module=" + kernels.getClass().getModule().getName());
        float[] c = new float[1];
        kernels.matmul(MatmulForm.AB, new float[] {1, 2}, new float[] {3, 4}, c, 1, 2, 1, false);
        System.out.println("1*3+2*4=" + c[0]);
        try {
            // Not initialised: without the Vector API module its static fields could not be set up at all.
            Class.forName("io.vecnet.kernels.vector.VectorKernels", false, ModuleProbe.class.getClassLoader())
                    .getConstructor().newInstance();
            System.out.println("outside access=allowed");
        } catch (IllegalAccessException e) {
            System.out.println("outside access=refused");
        } catch (LinkageError e) {
            System.out.println("outside access=cannot link without the Vector API");
        }
    }
}
