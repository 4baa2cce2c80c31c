package io.github.payop4j.method;

/**
 * A payer field a payment method asks for ({@code config.fields}).
 *
 * @param name the field name: "email", "name", "phone" or a method-specific one
 * @param type "email", "text", ...
 * @param title a human-readable label, if Payop sent one
 * @param required whether Payop requires it; a missing required field sends the payer to
 *     Payop's own form instead of straight to the payment
 */
public record PayerField(String name, String type, String title, boolean required) {

    /** Whether the field goes to {@code payer.extraFields} rather than its own payer property. */
    public boolean isExtraField() {
        return !("email".equals(name) || "name".equals(name) || "phone".equals(name));
    }
}
