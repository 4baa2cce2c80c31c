package io.github.payop4j.ipn;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The shop's own view of an order, so a payment is only accepted when Payop's amount and
 * currency match what the shop asked for. Consulted for accepted checkout payments; a
 * mismatch or an unknown order becomes an {@link IpnEvent.Anomaly}, never a payment. Throwing
 * answers "retry later".
 */
@FunctionalInterface
public interface IpnOrderLookup {

    /** The order with this id, or empty if the shop has none. */
    Optional<Order> find(String orderId) throws Exception;

    /**
     * @param amount the order's amount as a decimal string ("3" and "3.00" compare equal)
     * @param currency its currency code (compared case-insensitively)
     */
    record Order(String amount, String currency) {
        public Order {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(currency, "currency");
            try {
                new BigDecimal(amount.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Order amount \"" + amount + "\" is not a decimal number", e);
            }
        }
    }
}
