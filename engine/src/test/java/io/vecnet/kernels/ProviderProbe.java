package io.vecnet.kernels;

import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Run in a forked JVM by {@link KernelProviderForkTest}. Each argument is an action: {@code available},
 * {@code get}, {@code capture} (the engine's log records go to stdout as {@code log=LEVEL message}
 * instead of java.util.logging's console), or a backend name for {@code select}. Prints
 * {@code action=result} or {@code action!error}.
 */
public final class ProviderProbe {
    /** Held: java.util.logging keeps loggers weakly, and with them their handlers. */
    private static final Logger ENGINE_LOG = Logger.getLogger("io.vecnet");

    private ProviderProbe() {
    }

    private static String capture() {
        ENGINE_LOG.setUseParentHandlers(false);
        ENGINE_LOG.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                System.out.println("log=" + record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        return "on";
    }

    public static void main(String[] args) {
        for (String action : args) {
            try {
                String result = switch (action) {
                    case "available" -> String.valueOf(KernelProvider.vectorAvailable());
                    case "get" -> KernelProvider.get().backend().label();
                    case "capture" -> capture();
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
