package io.github.payop4j.error;

import java.util.List;
import java.util.Map;

/** Payop answered 404 Not Found: the invoice, transaction, refund or withdrawal does not exist. */
public class PayopNotFoundException extends PayopApiException {

    private static final long serialVersionUID = 1L;

    public PayopNotFoundException(String message, int httpStatus, String payopMessage,
            Map<String, List<String>> fieldErrors) {
        super(message, httpStatus, payopMessage, fieldErrors);
    }
}
