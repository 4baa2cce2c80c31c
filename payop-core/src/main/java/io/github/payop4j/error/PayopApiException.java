package io.github.payop4j.error;

import java.util.List;
import java.util.Map;

/**
 * Payop answered with an HTTP error. Carries the status, Payop's own message and, for
 * validation errors, the per-field messages.
 */
public class PayopApiException extends PayopException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String payopMessage;
    private final transient Map<String, List<String>> fieldErrors;

    public PayopApiException(String message, int httpStatus, String payopMessage,
            Map<String, List<String>> fieldErrors) {
        super(message);
        this.httpStatus = httpStatus;
        this.payopMessage = payopMessage;
        this.fieldErrors = fieldErrors == null ? Map.of() : Map.copyOf(fieldErrors);
    }

    /** A 5xx to a POST: Payop may have acted before failing. A 4xx was a refusal. */
    @Override
    public boolean requestMayHaveTakenEffect() {
        return wasPost() && httpStatus >= 500;
    }

    /** The HTTP status Payop answered with. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Payop's {@code message}, flattened to one line ("" if Payop sent none). */
    public String payopMessage() {
        return payopMessage;
    }

    /** Field name to messages, when Payop sent {@code "message": {"field": ["..."]}}; else empty. */
    public Map<String, List<String>> fieldErrors() {
        return fieldErrors == null ? Map.of() : fieldErrors;
    }
}
