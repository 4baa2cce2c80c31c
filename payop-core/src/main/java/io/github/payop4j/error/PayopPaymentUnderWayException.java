package io.github.payop4j.error;

/**
 * No checkout transaction may be started for the order now: its open invoice
 * ({@link #invoiceId()}) has one under way already (the payer's other tab, a 3-D Secure step), and
 * Payop takes one checkout transaction per invoice. Nothing was sent to Payop. Let the payer
 * continue that payment, or try again once it has failed; the CDI adapter answers 409 with the
 * invoice's continue URL.
 */
public class PayopPaymentUnderWayException extends PayopException {

    private static final long serialVersionUID = 1L;

    private final String orderId;
    private final String invoiceId;

    public PayopPaymentUnderWayException(String orderId, String invoiceId) {
        super("Order " + orderId + " has a payment under way on invoice " + invoiceId + "; a second checkout"
                + " transaction is not started. Let the payer continue it, or wait until it fails.");
        this.orderId = orderId;
        this.invoiceId = invoiceId;
    }

    public String orderId() {
        return orderId;
    }

    public String invoiceId() {
        return invoiceId;
    }
}
