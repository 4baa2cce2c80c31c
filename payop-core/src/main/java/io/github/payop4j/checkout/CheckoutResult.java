package io.github.payop4j.checkout;

/**
 * Payop's answer to creating or voiding a checkout transaction.
 *
 * @param success Payop's {@code isSuccess}
 * @param message Payop's message ("" when none)
 * @param transactionId the transaction id ({@code txid}); for a void, the cancelled one
 * @param invoiceId the {@code identifier} header, when Payop sent it
 */
public record CheckoutResult(boolean success, String message, String transactionId, String invoiceId) {
}
