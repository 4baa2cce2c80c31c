package io.github.payop4j.error;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Payop answered 429 Too Many Requests and the retry policy did not (or could no longer) wait. */
public class PayopRateLimitException extends PayopApiException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public PayopRateLimitException(String message, int httpStatus, String payopMessage,
            Map<String, List<String>> fieldErrors, Duration retryAfter) {
        super(message, httpStatus, payopMessage, fieldErrors);
        this.retryAfter = retryAfter;
    }

    /** How long Payop asked to wait, when it sent a {@code Retry-After} header. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
