package io.vecnet.cli;

import io.vecnet.io.AtomicFile;
import java.util.List;
import java.util.function.Supplier;

/**
 * What vecnet says when a signal stops it: one line on stderr naming what was cut short. The
 * JVM's own signal handlers run the shutdown hooks and exit with 130 for SIGINT (Ctrl-C) and 143
 * for SIGTERM; this hook asks {@link AtomicFile} which writes it abandoned (their temporary files
 * are gone, the targets untouched) and otherwise names the activity under way, if any.
 */
final class Interruption {
    private static volatile String command = "vecnet";
    private static volatile Supplier<String> activity;
    private static volatile boolean exiting;

    private Interruption() {
    }

    /** Called once, by {@code main}: the in-process tests have no use for a hook. */
    static void install() {
        Runtime.getRuntime().addShutdownHook(new Thread(Interruption::report, "vecnet: report an interruption"));
    }

    /** The command running, as its messages name it: {@code vecnet train}. */
    static void command(String qualifiedName) {
        command = qualifiedName;
    }

    /** What the command is doing, for example {@code during training at iteration 12 of 10000}; {@code null} when done. */
    static void during(Supplier<String> what) {
        activity = what;
    }

    /** The command has finished and {@code main} is exiting: a shutdown now is no interruption. */
    static void exiting() {
        exiting = true;
    }

    private static void report() {
        if (!exiting) {
            System.err.println(message());
            System.err.flush();
        }
    }

    static String message() {
        List<AtomicFile.Interrupted> writes = AtomicFile.abandonInFlight();
        String what;
        if (!writes.isEmpty()) {
            AtomicFile.Interrupted write = writes.get(writes.size() - 1);
            what = "while writing " + write.target() + (write.partial()
                    ? "; what was written of it is incomplete" : "; nothing was written");
        } else {
            Supplier<String> current = activity;
            what = current == null ? null : current.get();
        }
        return command + ": interrupted" + (what == null ? "" : " " + what);
    }
}
