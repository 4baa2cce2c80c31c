package io.github.payop4j.error;

import java.util.List;
import java.util.Map;

/** Payop answered 5xx: Payop failed to process the request. */
public class PayopServerException extends PayopApiException {

    private static final long serialVersionUID = 1L;

    public PayopServerException(String message, int httpStatus, String payopMessage,
            Map<String, List<String>> fieldErrors) {
        super(message, httpStatus, payopMessage, fieldErrors);
    }
}
