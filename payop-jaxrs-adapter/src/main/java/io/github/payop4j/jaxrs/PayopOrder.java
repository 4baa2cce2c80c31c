package io.github.payop4j.jaxrs;

import io.github.payop4j.invoice.OrderItem;
import io.github.payop4j.invoice.Payer;
import io.github.payop4j.money.Amount;
import io.github.payop4j.money.CurrencyCode;
import java.util.List;
import java.util.Objects;

/**
 * An order of the shop, the only source of what an invoice charges.
 *
 * @param orderId the shop's order id; Payop signs it and sends it back in the IPN
 * @param amount what the payer pays, exactly as it is to be signed ("49.90")
 * @param currency the order's currency
 * @param description shown to the payer, or {@code null}
 * @param items the order lines shown to the payer (may be empty)
 * @param payer who pays, or {@code null} when the payer's browser supplies the payer fields
 *     (email, name, method-specific fields). What the order knows is used; the browser only
 *     fills in what it lacks, and a browser value that differs from the order's is refused (422)
 */
public record PayopOrder(String orderId, Amount amount, CurrencyCode currency, String description,
        List<OrderItem> items, Payer payer) {

    public PayopOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (orderId.isBlank() || orderId.length() > 255) {
            throw new IllegalArgumentException("orderId must be 1 to 255 characters and not blank");
        }
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** An order without description, items or payer. */
    public static PayopOrder of(String orderId, Amount amount, CurrencyCode currency) {
        return new PayopOrder(orderId, amount, currency, null, List.of(), null);
    }

    /** Shorthand for {@code of(orderId, Amount.of(amount), CurrencyCode.of(currency))}. */
    public static PayopOrder of(String orderId, String amount, String currency) {
        return of(orderId, Amount.of(amount), CurrencyCode.of(currency));
    }

    public PayopOrder withDescription(String value) {
        return new PayopOrder(orderId, amount, currency, value, items, payer);
    }

    public PayopOrder withItems(List<OrderItem> value) {
        return new PayopOrder(orderId, amount, currency, description, value, payer);
    }

    public PayopOrder withPayer(Payer value) {
        return new PayopOrder(orderId, amount, currency, description, items, value);
    }
}
