package io.github.payop4j.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure the emulator answers instead of (or, for {@link #slow}, before) an operation's normal
 * answer. A replacing fault means the operation did not happen: nothing is created or changed.
 * Immutable; {@link #times(int)} limits how many calls get it (default: every call until
 * {@link PayopEmulator#clearFaults()} or {@link PayopEmulator#reset()}).
 */
public final class ApiFault {

    /** What kind of failure. */
    public enum Kind {
        /** 429 with {@code Retry-After} and Payop's {@code "Too many requests from ip"}. */
        RATE_LIMITED,
        /** A 5xx with Payop's JSON error body. */
        SERVER_ERROR,
        /** A 5xx whose body is a proxy's HTML error page, not JSON. */
        HTML_ERROR_PAGE,
        /** The normal answer, after a delay. */
        SLOW,
        /** The connection is reset before any answer. */
        DROPPED_CONNECTION
    }

    private final Kind kind;
    private final int status;
    private final Duration duration;
    private final int times;

    private ApiFault(Kind kind, int status, Duration duration, int times) {
        this.kind = kind;
        this.status = status;
        this.duration = duration;
        this.times = times;
    }

    /** 429 Too Many Requests with {@code Retry-After} in whole seconds (rounded up). */
    public static ApiFault rateLimited(Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative");
        }
        return new ApiFault(Kind.RATE_LIMITED, 429, retryAfter, 0);
    }

    /** A 5xx answer with Payop's documented 500 body. */
    public static ApiFault serverError(int status) {
        return new ApiFault(Kind.SERVER_ERROR, checked5xx(status), null, 0);
    }

    /** A 5xx answer with an HTML page, as a proxy in front of Payop would send. */
    public static ApiFault htmlErrorPage(int status) {
        return new ApiFault(Kind.HTML_ERROR_PAGE, checked5xx(status), null, 0);
    }

    /** The normal answer (the operation happens) after {@code delay}. */
    public static ApiFault slow(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        return new ApiFault(Kind.SLOW, 0, delay, 0);
    }

    /** The connection is reset without an answer; the operation does not happen. */
    public static ApiFault droppedConnection() {
        return new ApiFault(Kind.DROPPED_CONNECTION, 0, null, 0);
    }

    /** The same fault for the next {@code count} calls only, then normal answers again. */
    public ApiFault times(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        return new ApiFault(kind, status, duration, count);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status for answers that have one, otherwise 0. */
    public int status() {
        return status;
    }

    /** The Retry-After for {@link Kind#RATE_LIMITED}, the delay for {@link Kind#SLOW}, otherwise null. */
    public Duration duration() {
        return duration;
    }

    /** How many calls get the fault; 0 means every call. */
    public int limit() {
        return times;
    }

    private static int checked5xx(int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("A server error is 500-599, got " + status);
        }
        return status;
    }

    @Override
    public String toString() {
        return "ApiFault[" + kind + (status > 0 ? " " + status : "") + (duration != null ? " " + duration : "")
                + (times > 0 ? " x" + times : "") + "]";
    }
}
