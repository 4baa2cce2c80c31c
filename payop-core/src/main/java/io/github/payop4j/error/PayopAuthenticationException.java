package io.github.payop4j.error;

import java.util.List;
import java.util.Map;

/** Payop answered 401 Unauthorized: the JWT token is missing, expired or invalid. */
public class PayopAuthenticationException extends PayopApiException {

    private static final long serialVersionUID = 1L;

    public PayopAuthenticationException(String message, int httpStatus, String payopMessage,
            Map<String, List<String>> fieldErrors) {
        super(message, httpStatus, payopMessage, fieldErrors);
    }
}
