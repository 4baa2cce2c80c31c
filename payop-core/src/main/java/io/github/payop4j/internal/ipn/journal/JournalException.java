package io.github.payop4j.internal.ipn.journal;

/** The journal's store failed; the processor answers "retry later". */
public final class JournalException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
