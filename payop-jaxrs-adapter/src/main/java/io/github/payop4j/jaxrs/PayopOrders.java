package io.github.payop4j.jaxrs;

import java.util.Optional;

/**
 * The shop's orders, as the checkout endpoints see them. Implement it as one CDI bean, for
 * example {@code @ApplicationScoped}; the deployment fails if there is none.
 *
 * <p>The amount, currency and items of every invoice come from here and never from the
 * browser. {@link #find} is called on the request's thread, so it may use the shop's request
 * context (the logged-in user, a request-scoped entity manager).
 */
public interface PayopOrders {

    /**
     * The order to pay.
     *
     * @param orderId the id from the URL, as the browser sent it: treat it as untrusted input
     * @return the order, or empty if it does not exist, must not be paid now (already paid,
     *     cancelled, expired) or does not belong to the current user; the payer then gets 404
     */
    Optional<PayopOrder> find(String orderId);
}
