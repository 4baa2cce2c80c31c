package io.github.payop4j.jaxrs;

import io.github.payop4j.ipn.IpnOrderLookup;
import java.util.Optional;

/**
 * The shop's orders, for the two callers that need them. They ask different questions, so they
 * are two methods, and one bean (for example {@code @ApplicationScoped}) implements both; the
 * deployment fails if there is none.
 *
 * <ul>
 * <li>{@link #findPayable} serves the <em>checkout endpoints</em>: an order the current customer
 * may pay now, with what the invoice charges and who pays. It runs on the customer's request, so
 * it may use the request context (the logged-in user, a request-scoped entity manager).
 * <li>{@link #findForIpn} serves <em>IPN verification</em>: the amount and currency of an order,
 * whether paid or not, so that Payop's accepted payment can be compared with what the shop asked
 * for. It runs on Payop's request: there is no logged-in user, and the order may have been paid a
 * moment ago by the very payment being verified.
 * </ul>
 *
 * <p>Answering the IPN question with the checkout's rules ("only unpaid orders of the current
 * user") would report every genuinely paid order as an unknown order, so neither method falls
 * back on the other.
 */
public interface PayopOrders {

    /**
     * Checkout: the order to pay now. The amount, currency and items of every invoice come from
     * here and never from the browser.
     *
     * @param orderId the id from the URL, as the browser sent it: treat it as untrusted input
     * @return the order, or empty if it does not exist, must not be paid now (already paid,
     *     cancelled, expired) or does not belong to the current user; the payer then gets 404
     */
    Optional<PayopOrder> findPayable(String orderId);

    /**
     * IPN verification: the order's amount and currency as the shop recorded them, in whatever
     * state the order is (unpaid, paid, cancelled), for any caller and without request context.
     * Called once per accepted payment, inside the IPN's transaction; throwing answers Payop
     * "retry later".
     *
     * @param orderId the order id Payop confirmed for the payment
     * @return the order's amount and currency, or empty only if the shop never had this order
     *     (the payment is then reported as an {@code UNKNOWN_ORDER} anomaly, never credited)
     */
    Optional<IpnOrderLookup.Order> findForIpn(String orderId);
}
