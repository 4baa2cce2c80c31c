package io.github.payop4j.ipn;

/**
 * What became of one delivery, with the HTTP status to answer Payop and a short word for the
 * response body (never any detail: Payop ignores the body and an attacker should learn nothing).
 */
public enum IpnOutcome {
    /** Confirmed and handed to the handlers. */
    PROCESSED(200, "ok"),
    /** This state of this object was applied before; nothing was done again. */
    DUPLICATE(200, "duplicate"),
    /**
     * Acknowledged but not applied as Payop claimed: an {@link IpnEvent.Anomaly} went to the
     * handlers instead (forged or unconfirmed IPN, amount mismatch, downgrade...). A retry
     * could not change the answer, so Payop gets 200.
     */
    ANOMALY(200, "ok"),
    /** Not a Payop IPN: empty, invalid UTF-8, not JSON, or missing ids or state. */
    MALFORMED(400, "malformed"),
    /** The client address is not in the allow-list (or could not be determined). */
    FORBIDDEN_SOURCE(403, "forbidden"),
    /** The body exceeds the configured cap. */
    TOO_LARGE(413, "too large"),
    /**
     * Nothing was applied and a retry can help: the Payop API, the journal or a handler failed,
     * or another delivery of the same object is being processed right now. Payop retries
     * until it gets 200, for up to 24 hours.
     */
    RETRY_LATER(503, "retry later");

    private final int defaultStatus;
    private final String word;

    IpnOutcome(int defaultStatus, String word) {
        this.defaultStatus = defaultStatus;
        this.word = word;
    }

    /** The usual HTTP status; {@link IpnResult#httpStatus()} is the one to send. */
    public int defaultStatus() {
        return defaultStatus;
    }

    /** A short plain-text word safe to put in the response body. */
    public String responseText() {
        return word;
    }

    /** Whether Payop should stop sending this delivery (a 2xx answer). */
    public boolean acknowledged() {
        return defaultStatus >= 200 && defaultStatus < 300;
    }
}
