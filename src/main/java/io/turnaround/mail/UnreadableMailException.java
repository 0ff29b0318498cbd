package io.turnaround.mail;

/** Bytes that cannot be read as a mail message (no sender, a broken MIME structure): kept, not dropped. */
class UnreadableMailException extends Exception {

    UnreadableMailException(String message, Throwable cause) {
        super(message, cause);
    }
}
