package io.github.payop4j.error;

import java.util.List;
import java.util.Map;

/** Payop answered 403 Forbidden: the token or project may not use this operation. */
public class PayopPermissionException extends PayopApiException {

    private static final long serialVersionUID = 1L;

    public PayopPermissionException(String message, int httpStatus, String payopMessage,
            Map<String, List<String>> fieldErrors) {
        super(message, httpStatus, payopMessage, fieldErrors);
    }
}
