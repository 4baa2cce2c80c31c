package io.github.payop4j.testkit.internal.api;

import io.github.payop4j.testkit.internal.http.Json;
import io.github.payop4j.testkit.internal.http.Reply;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Field checks worded as Payop's (Symfony) validator words them, collected into one 422. */
final class Validation {

    static final String BLANK = "This value should not be blank.";
    static final String INVALID = "This value is not valid.";
    static final String EMAIL = "This value is not a valid email address.";
    static final String CURRENCY = "This value is not a valid currency.";
    static final String POSITIVE = "This value should be positive.";

    private static final Pattern EMAIL_SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern CURRENCY_SHAPE = Pattern.compile("[A-Z]{3}");

    private final Map<String, String> errors = new LinkedHashMap<>();

    boolean required(String field, String value) {
        if (value == null || value.isBlank()) {
            errors.putIfAbsent(field, BLANK);
            return false;
        }
        return true;
    }

    void email(String field, String value) {
        if (required(field, value) && !EMAIL_SHAPE.matcher(value).matches()) {
            errors.putIfAbsent(field, EMAIL);
        }
    }

    void currency(String field, String value) {
        if (required(field, value) && !CURRENCY_SHAPE.matcher(value).matches()) {
            errors.putIfAbsent(field, CURRENCY);
        }
    }

    void amount(String field, String value) {
        if (!required(field, value)) {
            return;
        }
        try {
            if (new BigDecimal(value.trim()).signum() <= 0) {
                errors.putIfAbsent(field, POSITIVE);
            }
        } catch (NumberFormatException e) {
            errors.putIfAbsent(field, INVALID);
        }
    }

    void fail(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    boolean ok() {
        return errors.isEmpty();
    }

    Reply reply() {
        return Reply.json(422, Json.fieldErrors(errors));
    }
}
