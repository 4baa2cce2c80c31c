package io.github.payop4j.internal.http;

/** Whether a request may be sent more than once. */
public enum Retry {
    /** GET: reading twice changes nothing. */
    SAFE,
    /** POST carrying an idempotency key that Payop uses to recognise a repeat. */
    IDEMPOTENT_WITH_KEY,
    /** POST that may have taken effect: never repeated by the client. */
    NEVER
}
