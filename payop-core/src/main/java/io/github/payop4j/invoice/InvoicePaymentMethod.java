package io.github.payop4j.invoice;

/**
 * The payment method chosen for an invoice.
 *
 * @param id Payop's method id, or {@code null}
 * @param formType "cards", "standard", ... as Payop sent it
 */
public record InvoicePaymentMethod(Integer id, String formType) {

    /** Whether the checkout transaction needs a card token ({@code formType} is "cards"). */
    public boolean requiresCardToken() {
        return "cards".equalsIgnoreCase(formType);
    }
}
