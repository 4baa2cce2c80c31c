package io.github.payop4j.internal.http;

/**
 * Whether a request may be sent more than once, by the client's retries or by the HTTP stack
 * underneath (see {@link Transport} for what the JDK does on its own).
 */
public enum Retry {
    /** GET: reading twice changes nothing. Retried by the client. */
    SAFE,
    /** POST carrying an idempotency key that Payop uses to recognise a repeat. Retried by the client. */
    IDEMPOTENT_WITH_KEY,
    /**
     * POST whose repeat moves no money and leaves at most an unused object behind: invoice create
     * (a second unpaid invoice for the same order, whose id and hosted page nobody ever receives)
     * and card token create (a second token for the same invoice that expires unused). The client
     * never repeats it, but it is sent buffered, so {@code HttpURLConnection} (Jersey's default
     * connector) may re-send it once by itself when the connection drops before the answer.
     */
    ORPHAN_IF_REPEATED,
    /**
     * POST that moves money or whose repeat would be answered with a misleading error (checkout
     * transaction create, void, refund create): sent exactly once, by us and by every HTTP stack.
     */
    NEVER;

    /** Whether the client itself may send the request again after a transient failure. */
    boolean clientMayRetry() {
        return this == SAFE || this == IDEMPOTENT_WITH_KEY;
    }

    /** Whether no layer at all may send the request twice (so it is streamed on Jersey). */
    boolean exactlyOnce() {
        return this == NEVER;
    }
}
