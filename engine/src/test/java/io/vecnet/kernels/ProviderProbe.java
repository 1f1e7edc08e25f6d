package io.vecnet.kernels;

/**
 * Run in a forked JVM by {@link KernelProviderForkTest}. Each argument is an action: {@code available},
 * {@code get}, or a backend name for {@code select}. Prints {@code action=result} or {@code action!error}.
 */
public final class ProviderProbe {
    private ProviderProbe() {
    }

    public static void main(String[] args) {
        for (String action : args) {
            try {
                String result = switch (action) {
                    case "available" -> String.valueOf(KernelProvider.vectorAvailable());
                    case "get" -> KernelProvider.get().backend().label();
                    default -> KernelProvider.select(Backend.parse(action)).backend().label();
                };
                System.out.println(action + "=" + result);
            } catch (Throwable t) {
                StringBuilder error = new StringBuilder();
                for (Throwable e = t; e != null; e = e.getCause()) {
                    error.append(e.getClass().getName()).append(": ").append(e.getMessage()).append(" | ");
                }
                System.out.println(action + "!" + error);
            }
        }
        System.out.flush();
    }
}
