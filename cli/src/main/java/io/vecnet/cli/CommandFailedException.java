package io.vecnet.cli;

/** A failure whose message is already the one line the user should see. */
final class CommandFailedException extends RuntimeException {
    CommandFailedException(String message) {
        super(message);
    }

    CommandFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
