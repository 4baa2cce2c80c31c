package io.github.payop4j.jaxrs.internal;

import io.github.payop4j.checkout.Card;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON bodies of the direct and card endpoints. Only the fields named here are read: an
 * {@code amount}, {@code currency} or anything else the browser adds is never looked at. Error
 * reasons name the field and never repeat its value.
 */
final class Bodies {

    static final int MAX_TEXT = 255;

    private Bodies() {
    }

    /**
     * {@code {"paymentMethod": 203822, "payer": {"email", "name", "phone", "fields": {..}}}}.
     *
     * @param paymentMethod {@code null} when missing or invalid (then {@code errors} says so)
     * @param errors the shape errors found; a field in error is absent from {@code payer}
     */
    record Direct(Integer paymentMethod, PayerInput payer, List<FieldError> errors) {
    }

    /**
     * Card data and the payer; {@code toString} shows none of the card data.
     *
     * @param paymentMethod the requested card method, or {@code null}
     * @param errors the errors found; the card is only usable when there are none
     */
    record CardPayment(String pan, String expirationDate, String cvv, String holderName, String email, String name,
            Integer paymentMethod, List<FieldError> errors) {
        @Override
        public String toString() {
            return "CardPayment[pan=***, expirationDate=**/**, cvv=***, paymentMethod=" + paymentMethod + "]";
        }
    }

    static Direct direct(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        Integer method = methodId(body, errors);
        if (method == null && errors.isEmpty()) {
            errors.add(new FieldError("paymentMethod", "is required: choose one of the order's payment methods"));
        }
        PayerInput payer = PayerInput.NONE;
        JsonValue p = body.get("payer");
        if (p instanceof JsonObject o) {
            Map<String, String> fields = new LinkedHashMap<>();
            JsonValue f = o.get("fields");
            if (f instanceof JsonObject fo) {
                fo.forEach((name, value) -> {
                    String v = scalar(value);
                    if (v == null && value.getValueType() != JsonValue.ValueType.NULL) {
                        errors.add(new FieldError(name, "must be text"));
                    } else if (v != null) {
                        fields.put(name, v);
                    }
                });
            } else if (f != null && f.getValueType() != JsonValue.ValueType.NULL) {
                errors.add(new FieldError("fields", "must be an object of field names to values"));
            }
            payer = new PayerInput(text(o, "email", errors), text(o, "name", errors), text(o, "phone", errors), fields);
        } else if (p != null && p.getValueType() != JsonValue.ValueType.NULL) {
            errors.add(new FieldError("payer", "must be an object"));
        }
        return new Direct(method, payer, errors);
    }

    static CardPayment card(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        String pan = text(body, "pan", errors);
        if (pan != null) {
            pan = pan.replaceAll("[ -]", "");
            if (!pan.matches("[0-9]{12,19}")) {
                errors.add(new FieldError("pan", "must be a card number of 12 to 19 digits"));
            } else if (!Card.passesLuhn(pan)) {
                errors.add(new FieldError("pan", "is not a valid card number; check it for typing errors"));
            }
        } else if (!has(errors, "pan")) {
            errors.add(new FieldError("pan", "is required"));
        }
        String expiration = required(body, "expirationDate", errors);
        if (expiration != null && !expiration.matches("(0[1-9]|1[0-2])/[0-9]{2}")) {
            errors.add(new FieldError("expirationDate", "must be MM/YY, for example 12/28"));
        }
        String cvv = required(body, "cvv", errors);
        if (cvv != null && !cvv.matches("[0-9]{3,4}")) {
            errors.add(new FieldError("cvv", "must be 3 or 4 digits"));
        }
        String holder = required(body, "holderName", errors);
        if (holder != null && holder.length() > MAX_TEXT) {
            errors.add(new FieldError("holderName", "is too long (at most " + MAX_TEXT + " characters)"));
        }
        String email = text(body, "email", errors);
        String name = text(body, "name", errors);
        Integer method = methodId(body, errors);
        return new CardPayment(pan, expiration, cvv, holder, email, name, method, errors);
    }

    /** A positive whole number or a string of digits; {@code null} when absent. */
    private static Integer methodId(JsonObject body, List<FieldError> errors) {
        JsonValue v = body.get("paymentMethod");
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        String s = v instanceof JsonNumber n && n.isIntegral() ? n.bigIntegerValue().toString()
                : v instanceof JsonString js ? js.getString().trim() : "";
        if (s.matches("[1-9][0-9]{0,8}")) {
            return Integer.valueOf(s);
        }
        errors.add(new FieldError("paymentMethod", "must be a payment method id, a whole number such as 381"));
        return null;
    }

    private static String required(JsonObject o, String key, List<FieldError> errors) {
        String v = text(o, key, errors);
        if (v == null && !has(errors, key)) {
            errors.add(new FieldError(key, "is required"));
        }
        return v;
    }

    /** A trimmed non-blank string, {@code null} when absent or blank; anything but text is an error. */
    static String text(JsonObject o, String key, List<FieldError> errors) {
        JsonValue v = o.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(v instanceof JsonString s)) {
            errors.add(new FieldError(key, "must be text"));
            return null;
        }
        String t = s.getString().trim();
        if (t.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(key, "must not contain control characters"));
            return null;
        }
        return t.isEmpty() ? null : t;
    }

    private static String scalar(JsonValue v) {
        if (v instanceof JsonString s) {
            return s.getString().trim();
        }
        if (v instanceof JsonNumber n) {
            return n.toString();
        }
        return null;
    }

    private static boolean has(List<FieldError> errors, String name) {
        return errors.stream().anyMatch(e -> e.name().equals(name));
    }
}
