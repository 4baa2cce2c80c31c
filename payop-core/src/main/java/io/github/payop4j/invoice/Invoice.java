package io.github.payop4j.invoice;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An invoice as Payop reports it.
 *
 * @param id Payop's invoice id
 * @param status the status; {@link InvoiceStatus#UNKNOWN} for undocumented codes
 * @param statusCode Payop's raw status code, kept for codes this library does not know
 * @param amount the amount as a plain decimal string ("3" when Payop sent the number 3)
 * @param currency ISO code
 * @param orderId the shop's order id
 * @param items the order lines as Payop returned them
 * @param resultUrl where the payer goes after success
 * @param failUrl where the payer goes after failure
 * @param payerEmail the payer's email, if present
 * @param paymentMethod the chosen method, or {@code null}
 * @param createdAt creation time, or {@code null}
 * @param raw the whole JSON object, for fields this type does not model
 */
public record Invoice(String id, InvoiceStatus status, Integer statusCode, String amount, String currency,
        String orderId, List<JsonObject> items, String resultUrl, String failUrl, String payerEmail,
        InvoicePaymentMethod paymentMethod, Instant createdAt, JsonObject raw) {

    public Optional<InvoicePaymentMethod> paymentMethodIfChosen() {
        return Optional.ofNullable(paymentMethod);
    }
}
