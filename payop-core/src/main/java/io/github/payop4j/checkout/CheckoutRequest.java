package io.github.payop4j.checkout;

import io.github.payop4j.money.CurrencyCode;
import java.util.Objects;

/**
 * A checkout transaction to create for an existing invoice.
 *
 * @param invoiceId Payop's invoice id
 * @param customer the payer
 * @param checkStatusUrl the shop page Payop sends the payer back to while the payment is
 *     processed; may contain {@code {{txid}}}
 * @param paymentMethod the method id, or {@code null} if the invoice already has one
 * @param payCurrency the currency the payer pays in, when it differs from the order's
 * @param cardToken required when the method's {@code formType} is "cards"
 */
public record CheckoutRequest(String invoiceId, Customer customer, String checkStatusUrl, Integer paymentMethod,
        CurrencyCode payCurrency, CardToken cardToken) {

    public CheckoutRequest {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(checkStatusUrl, "checkStatusUrl");
    }

    public static CheckoutRequest of(String invoiceId, Customer customer, String checkStatusUrl) {
        return new CheckoutRequest(invoiceId, customer, checkStatusUrl, null, null, null);
    }

    public CheckoutRequest paymentMethod(Integer value) {
        return new CheckoutRequest(invoiceId, customer, checkStatusUrl, value, payCurrency, cardToken);
    }

    public CheckoutRequest payCurrency(CurrencyCode value) {
        return new CheckoutRequest(invoiceId, customer, checkStatusUrl, paymentMethod, value, cardToken);
    }

    public CheckoutRequest cardToken(CardToken value) {
        return new CheckoutRequest(invoiceId, customer, checkStatusUrl, paymentMethod, payCurrency, value);
    }

    @Override
    public String toString() {
        return "CheckoutRequest[invoiceId=" + invoiceId + ", paymentMethod=" + paymentMethod
                + ", payCurrency=" + payCurrency + ", cardToken=" + (cardToken == null ? "none" : "***") + "]";
    }
}
