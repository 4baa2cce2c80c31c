package io.github.payop4j.error;

/**
 * Payop answered with success, but the answer lacks what the operation needs (for example an
 * invoice id). The request itself may have taken effect.
 */
public class PayopResponseException extends PayopException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;

    public PayopResponseException(String message, int httpStatus) {
        super(message);
        this.httpStatus = httpStatus;
    }

    /** Payop answered success to a POST: it took effect, but its result could not be read. */
    @Override
    public boolean requestMayHaveTakenEffect() {
        return wasPost();
    }

    public int httpStatus() {
        return httpStatus;
    }
}
