package io.github.payop4j.error;

import java.util.List;
import java.util.Map;

/** Payop answered 400 or 422: Payop rejected the request content (see fieldErrors). */
public class PayopValidationException extends PayopApiException {

    private static final long serialVersionUID = 1L;

    public PayopValidationException(String message, int httpStatus, String payopMessage,
            Map<String, List<String>> fieldErrors) {
        super(message, httpStatus, payopMessage, fieldErrors);
    }
}
