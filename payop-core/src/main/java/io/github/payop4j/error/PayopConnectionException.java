package io.github.payop4j.error;

/**
 * No HTTP answer came back: the connection failed, was reset, or timed out.
 *
 * <p>{@link #requestMayHaveReachedPayop()} tells whether Payop could have acted on the request.
 * When it is {@code true} for a POST (an invoice, a refund, a checkout transaction), do not
 * simply send it again: look the object up first (for example by listing refunds), or the
 * payer may be charged or refunded twice.
 */
public class PayopConnectionException extends PayopException {

    private static final long serialVersionUID = 1L;

    private final boolean mayHaveReachedPayop;

    public PayopConnectionException(String message, boolean mayHaveReachedPayop, Throwable cause) {
        super(message, cause);
        this.mayHaveReachedPayop = mayHaveReachedPayop;
    }

    @Override
    public boolean requestMayHaveTakenEffect() {
        return wasPost() && mayHaveReachedPayop;
    }

    /** {@code false} only when the connection was never established, so nothing was sent. */
    public boolean requestMayHaveReachedPayop() {
        return mayHaveReachedPayop;
    }
}
