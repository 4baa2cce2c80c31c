package io.github.payop4j.ipn;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The shop's own record of an order, so a payment is only accepted when Payop's amount and
 * currency match what the shop asked for. Consulted once per accepted checkout transaction, by
 * the delivery that applies it; a mismatch or an unknown order becomes an
 * {@link IpnEvent.Anomaly}, never a payment. Throwing answers "retry later".
 *
 * <p>The contract is not the checkout's: answer for <em>any</em> order the shop has, whether
 * unpaid, paid (perhaps a moment ago, by this very payment), cancelled or expired, and for any
 * caller. There is no logged-in user and no customer session: the caller is Payop's server.
 * Answer empty only for an order id the shop never issued.
 */
@FunctionalInterface
public interface IpnOrderLookup {

    /** The order with this id in whatever state it is, or empty if the shop never had it. */
    Optional<Order> find(String orderId) throws Exception;

    /**
     * @param amount the order's amount as a decimal string ("3" and "3.00" compare equal)
     * @param currency its currency code (compared case-insensitively)
     * @param paidByTransaction the Payop transaction that already paid the order, or {@code null}
     *     (unpaid, or not recorded). When set, an accepted payment by <em>another</em> transaction
     *     is a second payment for the order and becomes an {@code ALREADY_PAID} anomaly instead of
     *     a payment (the money arrived twice: refund one).
     */
    record Order(String amount, String currency, String paidByTransaction) {
        public Order {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(currency, "currency");
            try {
                new BigDecimal(amount.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Order amount \"" + amount + "\" is not a decimal number", e);
            }
        }

        /** An order whose paying transaction is not recorded. */
        public Order(String amount, String currency) {
            this(amount, currency, null);
        }
    }
}
