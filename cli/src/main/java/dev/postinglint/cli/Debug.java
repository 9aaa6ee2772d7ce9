package dev.postinglint.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * {@code --debug}: the engine logs an internal error's stack trace at DEBUG level (one posting's
 * {@code input-error} finding says only what happened, in one line); this sends that log to standard
 * error. Off by default, so a user never sees a stack trace unless asked.
 */
final class Debug {
    /** Kept strongly reachable: java.util.logging holds loggers weakly, and would drop the level. */
    private static final Logger ENGINE = Logger.getLogger("dev.postinglint");
    private static volatile boolean on;

    private Debug() {
    }

    static void enable() {
        if (on) {
            return;
        }
        on = true;
        ConsoleHandler h = new ConsoleHandler();
        h.setLevel(Level.ALL);
        h.setFormatter(new SimpleFormatter());
        ENGINE.addHandler(h);
        ENGINE.setLevel(Level.FINE);
    }

    static boolean enabled() {
        return on;
    }
}
