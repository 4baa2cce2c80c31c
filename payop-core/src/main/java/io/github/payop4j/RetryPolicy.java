package io.github.payop4j;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how long the client waits before trying a request again.
 *
 * <p>Only requests that are safe to repeat are retried: GETs, and the mass-withdrawal POST,
 * which carries the same {@code idempotency-key} on every attempt. Other POSTs (invoice,
 * checkout, card token, refund, void) are never sent twice by the client, because the first
 * attempt may have reached Payop. A retry happens on a connection failure, a timeout, 429 (after
 * the {@code Retry-After} Payop asks for, if it is at most {@link #maxRetryAfter()}) and 502,
 * 503 or 504. Between attempts the client waits an exponentially growing, capped and jittered
 * delay: attempt n waits between half and all of {@code min(maxBackoff, initialBackoff * 2^(n-1))}.
 *
 * @param maxAttempts total attempts including the first, at least 1
 * @param initialBackoff the delay cap before the second attempt
 * @param maxBackoff the largest delay between two attempts
 * @param maxRetryAfter the longest {@code Retry-After} the client honours by waiting; a longer
 *     one is reported at once as {@link io.github.payop4j.error.PayopRateLimitException}
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    /** 3 attempts, 200 ms initial backoff, 2 s cap, honouring a Retry-After of up to 10 s. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(10));

    /** One attempt, never a retry. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be between 1 and 10, was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("Retry delays must not be negative");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff (" + maxBackoff
                    + ") must not be shorter than initialBackoff (" + initialBackoff + ")");
        }
    }

    /** The same policy with another attempt count. */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, initialBackoff, maxBackoff, maxRetryAfter);
    }
}
