package io.github.payop4j.checkout;

/** Checkout transactions: direct and server-to-server payments for an invoice. */
public interface Checkout {

    /**
     * Tokenises card data (PCI DSS merchants only). The card never appears in logs or messages.
     */
    CardToken createCardToken(String invoiceId, Card card);

    /** Creates the checkout transaction; then ask {@link #checkInvoiceStatus} what to do next. */
    CheckoutResult createTransaction(CheckoutRequest request);

    /** Asks Payop where the payer should go now. */
    NextStep checkInvoiceStatus(String invoiceId);

    /**
     * The older per-transaction status check ({@code /v1/checkout/check-transaction-status}),
     * still answered for live integrations.
     */
    NextStep checkTransactionStatus(String transactionId);

    /** Cancels the invoice's pending transaction so the payer can start again with a new invoice. */
    CheckoutResult voidTransaction(String invoiceId);
}
