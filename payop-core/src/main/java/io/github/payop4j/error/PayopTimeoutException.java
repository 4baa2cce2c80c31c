package io.github.payop4j.error;

/** The connect or read timeout expired before Payop answered. */
public class PayopTimeoutException extends PayopConnectionException {

    private static final long serialVersionUID = 1L;

    public PayopTimeoutException(String message, boolean mayHaveReachedPayop, Throwable cause) {
        super(message, mayHaveReachedPayop, cause);
    }
}
