package io.github.payop4j.error;

/**
 * Root of every failure the Payop client reports once a request has been attempted.
 *
 * <p>Messages name the operation, what went wrong and what to do; they never contain the secret
 * key, the JWT token, card numbers or CVVs.
 */
public class PayopException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PayopException(String message) {
        super(message);
    }

    public PayopException(String message, Throwable cause) {
        super(message, cause);
    }
}
