package io.github.payop4j.jaxrs.internal;

import io.github.payop4j.checkout.Customer;
import io.github.payop4j.invoice.Payer;
import io.github.payop4j.method.PayerField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Decides the payer of an invoice from the shop's order and the browser's input, and checks it
 * against what the payment method requires. Only fields the method lists are sent to Payop.
 *
 * <p>The rule: what the order knows about its payer is used; the browser only fills in what the
 * order lacks; a browser value that <em>differs</em> from a value the order has is refused (422),
 * never silently replaced in either direction. The payer is who the payment is charged to, whom
 * Payop's risk checks, receipts and chargebacks name: taking the browser's word would let a
 * browser change it, and silently dropping the browser's word leaves a payer who typed one
 * address charged under another. A conflict is an integration mistake of the shop's front end, so
 * it fails loudly and before anything reaches Payop. The same value in another spelling (case,
 * spacing, phone punctuation) is no conflict; the order's spelling is sent.
 */
final class PayerCheck {

    private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    private PayerCheck() {
    }

    /**
     * The payer, with the same values for the invoice's payer and the checkout's customer, as
     * Payop requires.
     */
    record Resolved(String email, String name, String phone, Map<String, String> extraFields,
            Map<String, String> sources) {

        /**
         * The email as the payer's browser may be shown it ("j***@example.com"): enough to
         * recognise, not enough to harvest should an order id fall into other hands.
         */
        String maskedEmail() {
            int at = email == null ? -1 : email.lastIndexOf('@');
            return at < 1 ? null : email.charAt(0) + "***" + email.substring(at);
        }

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

        Map<String, String> sources = new LinkedHashMap<>();
        String email = pick("email", order == null ? null : order.email(), browser.email(), true, PayerCheck::sameEmail,
                sources, errors);
        if (email != null && !email.matches(EMAIL)) {
            errors.add(new FieldError("email", "is not a valid email address"));
        }
        String name = pick("name", order == null ? null : order.name(), browser.name(), nameRequired || methodNeedsName,
                PayerCheck::sameText, sources, errors);
        String phone = pick("phone", order == null ? null : order.phone(), browser.phone(), methodNeedsPhone,
                PayerCheck::samePhone, sources, errors);

        Map<String, String> extra = new LinkedHashMap<>();
        for (PayerField f : methodFields) {
            if (!f.isExtraField()) {
                continue;
            }
            String fromOrder = order == null ? null : order.extraFields().get(f.name());
            String value = pick(f.name(), fromOrder, browser.fields().get(f.name()), f.required(), PayerCheck::sameText,
                    sources, errors);
            if (value != null && "email".equalsIgnoreCase(f.type()) && !value.matches(EMAIL)) {
                errors.add(new FieldError(f.name(), "is not a valid email address"));
            } else if (value != null) {
                extra.put(f.name(), value);
            }
        }
        // Extra fields the shop set on the order go to Payop even when the method does not list them.
        if (order != null) {
            order.extraFields().forEach((k, v) -> {
                if (extra.putIfAbsent(k, v) == null) {
                    sources.putIfAbsent(k, "order");
                }
            });
        }
        if (!errors.isEmpty()) {
            throw CheckoutProblem.invalidFields(errors);
        }
        return new Resolved(email, name, phone, extra, sources);
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

    /**
     * The order's value if it has one, else the browser's; a browser value that differs from the
     * order's is an error. Records where the value came from in {@code sources}.
     */
    private static String pick(String field, String fromOrder, String fromBrowser, boolean required,
            BiPredicate<String, String> same, Map<String, String> sources, List<FieldError> errors) {
        String known = blankToNull(fromOrder);
        String sent = blankToNull(fromBrowser);
        if (known != null && sent != null && !same.test(known, sent)) {
            errors.add(new FieldError(field, "differs from the payer of this order; send the same value or leave it"
                    + " out"));
            return null;
        }
        String value = check(field, known != null ? known : sent, required, errors);
        if (value != null) {
            sources.put(field, known != null ? "order" : "browser");
        }
        return value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static boolean sameEmail(String a, String b) {
        return a.equalsIgnoreCase(b);
    }

    /** Case and runs of white space aside. */
    private static boolean sameText(String a, String b) {
        return normalized(a).equalsIgnoreCase(normalized(b));
    }

    /** Digits (and a leading +) only: "+49 30 1234-56" is "+4930123456". */
    private static boolean samePhone(String a, String b) {
        return a.replaceAll("[^0-9+]", "").equals(b.replaceAll("[^0-9+]", ""));
    }

    private static String normalized(String s) {
        return s.trim().replaceAll("\\s+", " ");
    }
}
