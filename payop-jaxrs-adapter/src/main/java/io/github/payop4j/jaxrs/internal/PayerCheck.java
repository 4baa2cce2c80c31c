package io.github.payop4j.jaxrs.internal;

import io.github.payop4j.checkout.Customer;
import io.github.payop4j.invoice.Payer;
import io.github.payop4j.method.PayerField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides the payer of an invoice from the shop's order and the browser's input, and checks it
 * against what the payment method requires. The order's values win: the browser only fills in
 * what the shop does not know. Only fields the method lists are sent to Payop.
 */
final class PayerCheck {

    private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    private PayerCheck() {
    }

    /**
     * The payer, with the same values for the invoice's payer and the checkout's customer, as
     * Payop requires.
     */
    record Resolved(String email, String name, String phone, Map<String, String> extraFields) {

        Payer toPayer() {
            return new Payer(email, name, phone, extraFields);
        }

        /** The checkout customer; the phone goes into the extra fields when the method asks for it. */
        Customer toCustomer(String ip, boolean withPhone) {
            Map<String, String> extra = new LinkedHashMap<>(extraFields);
            if (withPhone && phone != null) {
                extra.put("phone", phone);
            }
            return new Customer(email, name, ip, extra);
        }
    }

    /**
     * Resolves and checks the payer.
     *
     * @param order the order's payer, or {@code null}
     * @param browser what the browser sent
     * @param methodFields the payment method's fields, or an empty list when unknown
     * @param nameRequired whether a name is needed whatever the method says (checkout needs one)
     * @param earlier errors already found in the request, reported together with these
     * @throws CheckoutProblem 422 listing every missing or invalid field
     */
    static Resolved resolve(Payer order, PayerInput browser, List<PayerField> methodFields, boolean nameRequired,
            List<FieldError> earlier) {
        List<FieldError> errors = new ArrayList<>(earlier);
        boolean methodNeedsName = requires(methodFields, "name");
        boolean methodNeedsPhone = requires(methodFields, "phone");

        String email = check("email", first(order == null ? null : order.email(), browser.email()), true, errors);
        if (email != null && !email.matches(EMAIL)) {
            errors.add(new FieldError("email", "is not a valid email address"));
        }
        String name = check("name", first(order == null ? null : order.name(), browser.name()),
                nameRequired || methodNeedsName, errors);
        String phone = check("phone", first(order == null ? null : order.phone(), browser.phone()),
                methodNeedsPhone, errors);

        Map<String, String> extra = new LinkedHashMap<>();
        for (PayerField f : methodFields) {
            if (!f.isExtraField()) {
                continue;
            }
            String fromOrder = order == null ? null : order.extraFields().get(f.name());
            String value = check(f.name(), first(fromOrder, browser.fields().get(f.name())), f.required(), errors);
            if (value != null && "email".equalsIgnoreCase(f.type()) && !value.matches(EMAIL)) {
                errors.add(new FieldError(f.name(), "is not a valid email address"));
            } else if (value != null) {
                extra.put(f.name(), value);
            }
        }
        // Extra fields the shop set on the order go to Payop even when the method does not list them.
        if (order != null) {
            order.extraFields().forEach(extra::putIfAbsent);
        }
        if (!errors.isEmpty()) {
            throw CheckoutProblem.invalidFields(errors);
        }
        return new Resolved(email, name, phone, extra);
    }

    static boolean requires(List<PayerField> fields, String name) {
        return fields.stream().anyMatch(f -> f.required() && name.equals(f.name()));
    }

    static boolean lists(List<PayerField> fields, String name) {
        return fields.stream().anyMatch(f -> name.equals(f.name()));
    }

    private static String check(String field, String value, boolean required, List<FieldError> errors) {
        if (value == null) {
            if (required && errors.stream().noneMatch(e -> e.name().equals(field))) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (value.length() > Bodies.MAX_TEXT) {
            errors.add(new FieldError(field, "is too long (at most " + Bodies.MAX_TEXT + " characters)"));
            return null;
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "must not contain control characters"));
            return null;
        }
        return value;
    }

    private static String first(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a.trim();
        }
        return b == null || b.isBlank() ? null : b.trim();
    }
}
