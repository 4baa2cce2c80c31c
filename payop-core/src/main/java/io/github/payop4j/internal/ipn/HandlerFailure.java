package io.github.payop4j.internal.ipn;

/** A handler threw; carries its exception through the shop's transaction runner. */
final class HandlerFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    HandlerFailure(Throwable cause) {
        super("IPN handler failed: " + cause.getClass().getName(), cause);
    }

    static HandlerFailure find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof HandlerFailure h) {
                return h;
            }
        }
        return null;
    }
}
