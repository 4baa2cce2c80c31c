package io.github.payop4j.error;

import java.util.List;
import java.util.Map;

/**
 * Payop answered with an HTTP success (2xx) whose envelope says the request failed:
 * {@code {"status": 0, "message": ".."}} (or {@code "0"}, or {@code false}). {@link #payopMessage()}
 * holds Payop's reason, {@link #fieldErrors()} its per-field messages when it sent them.
 *
 * <p>Payop normally refuses before acting, so a rejected POST did not take effect, unless the
 * answer still names an object (an {@code identifier} header, or data such as a {@code txid}):
 * then {@link #requestMayHaveTakenEffect()} is {@code true} and the result must be looked up
 * before the request is sent again.
 */
public class PayopRejectedException extends PayopApiException {

    private static final long serialVersionUID = 1L;

    private final boolean answerNamedAnObject;

    public PayopRejectedException(String message, int httpStatus, String payopMessage,
            Map<String, List<String>> fieldErrors, boolean answerNamedAnObject) {
        super(message, httpStatus, payopMessage, fieldErrors);
        this.answerNamedAnObject = answerNamedAnObject;
    }

    @Override
    public boolean requestMayHaveTakenEffect() {
        return wasPost() && answerNamedAnObject;
    }
}
