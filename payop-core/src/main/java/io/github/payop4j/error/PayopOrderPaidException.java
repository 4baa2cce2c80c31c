package io.github.payop4j.error;

/**
 * No invoice was created because the order is paid already: the library recorded the transaction
 * that paid it ({@link #transactionId()}), and a second invoice would invite a second payment.
 * Nothing was sent to Payop. A shop should not offer a paid order for payment; the CDI adapter's
 * checkout answers 409.
 */
public class PayopOrderPaidException extends PayopException {

    private static final long serialVersionUID = 1L;

    private final String orderId;
    private final String transactionId;

    public PayopOrderPaidException(String orderId, String transactionId) {
        super("Order " + orderId + " was paid by Payop transaction " + transactionId + "; no new invoice is created"
                + " for it. Offer only unpaid orders for payment (PayopOrders.findPayable).");
        this.orderId = orderId;
        this.transactionId = transactionId;
    }

    public String orderId() {
        return orderId;
    }

    /** The transaction that paid the order. */
    public String transactionId() {
        return transactionId;
    }
}
