package io.vecnet.cli;

import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Shows the engine's log messages as the tool's own: one line on stderr, {@code WARNING: message}. The
 * engine logs through {@link System.Logger}, which java.util.logging backs here; its console handler
 * would add a line of date and source before each message.
 */
final class EngineLog {
    /** Held: java.util.logging keeps loggers weakly, and a collected logger forgets its handler. */
    private static final Logger ENGINE = Logger.getLogger("io.vecnet");
    private static boolean installed;

    private EngineLog() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        ENGINE.setUseParentHandlers(false);
        ENGINE.addHandler(new Handler() {
            private final Formatter messages = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                if (isLoggable(record)) {
                    System.err.println(record.getLevel().getName() + ": " + messages.formatMessage(record));
                }
            }

            @Override
            public void flush() {
                System.err.flush();
            }

            @Override
            public void close() {
            }
        });
    }
}
