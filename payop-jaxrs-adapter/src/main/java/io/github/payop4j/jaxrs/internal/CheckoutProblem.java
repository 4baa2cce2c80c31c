package io.github.payop4j.jaxrs.internal;

import java.time.Duration;
import java.util.List;

/**
 * A failure with an RFC 9457 problem for the browser. The detail is written for the payer or the
 * shop's front end: it never carries Payop's internals, secrets or card data. No stack trace:
 * these are expected outcomes, not bugs.
 */
final class CheckoutProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String title;
    private final transient List<FieldError> fields;
    private final transient Duration retryAfter;

    CheckoutProblem(int status, String type, String title, String detail, List<FieldError> fields,
            Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.fields = fields == null ? List.of() : List.copyOf(fields);
        this.retryAfter = retryAfter;
    }

    static CheckoutProblem of(int status, String type, String title, String detail) {
        return new CheckoutProblem(status, type, title, detail, List.of(), null);
    }

    static CheckoutProblem unknownOrder() {
        return of(404, "unknown-order", "Unknown order",
                "There is no order with this id that can be paid now.");
    }

    static CheckoutProblem unknownInvoice() {
        return of(404, "unknown-invoice", "Unknown invoice", "There is no payment with this invoice id.");
    }

    static CheckoutProblem badRequest(String detail) {
        return of(400, "invalid-request", "Invalid request", detail);
    }

    static CheckoutProblem invalidFields(List<FieldError> errors) {
        StringBuilder names = new StringBuilder();
        for (FieldError e : errors) {
            names.append(names.length() == 0 ? "" : ", ").append(e.name());
        }
        return new CheckoutProblem(422, "invalid-fields", "Missing or invalid fields",
                "Correct these fields and send the request again: " + names + ".", errors, null);
    }

    static CheckoutProblem invalidField(String name, String reason) {
        return invalidFields(List.of(new FieldError(name, reason)));
    }

    static CheckoutProblem notEnabled(String detail) {
        return of(501, "not-enabled", "Payment flow not enabled", detail);
    }

    int status() {
        return status;
    }

    /** The problem type's last part, for example "unknown-order". */
    String type() {
        return type;
    }

    String title() {
        return title;
    }

    String detail() {
        return getMessage();
    }

    List<FieldError> fields() {
        return fields == null ? List.of() : fields;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
