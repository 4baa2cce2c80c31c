package io.github.payop4j.error;

/**
 * Root of every failure the Payop client reports once a request has been attempted.
 *
 * <p>Messages name the operation, what went wrong and what to do; they never contain the secret
 * key, the JWT token, card numbers or CVVs.
 */
public class PayopException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private String requestMethod;

    public PayopException(String message) {
        super(message);
    }

    public PayopException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Records the HTTP method of the failed call; the client does this before throwing. Like
     * {@link #initCause}, it can be set once.
     *
     * @return this exception
     */
    public final PayopException initRequestMethod(String method) {
        if (requestMethod != null) {
            throw new IllegalStateException("The request method is already set");
        }
        requestMethod = method;
        return this;
    }

    /** The HTTP method of the failed call ("GET", "POST"), or {@code null} if no call was made. */
    public final String requestMethod() {
        return requestMethod;
    }

    /**
     * Whether the failed call may still have changed something at Payop: a POST (invoice,
     * checkout, refund, ...) whose outcome is unknown. Then look the object up before sending the
     * request again, or the payer may be charged or refunded twice. GETs and rejected requests
     * (4xx) never took effect.
     */
    public boolean requestMayHaveTakenEffect() {
        return false;
    }

    /** For subclasses: whether the failed call was a POST. */
    protected final boolean wasPost() {
        return "POST".equals(requestMethod);
    }
}
