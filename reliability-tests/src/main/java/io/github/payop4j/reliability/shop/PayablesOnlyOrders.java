package io.github.payop4j.reliability.shop;

import io.github.payop4j.ipn.IpnOrderLookup;
import io.github.payop4j.it.webshop.ShopPayopOrders;
import io.github.payop4j.jaxrs.PayopOrder;
import io.github.payop4j.jaxrs.PayopOrders;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Optional;

/**
 * The webshop's orders as a shop that followed the old {@code PayopOrders.find} contract to the
 * letter would answer IPN verification: empty for an order that is already paid. That is the
 * shop under which issue 11's race turned nearly every genuinely paid order into an
 * {@code UNKNOWN_ORDER} anomaly; the pipeline now asks only the delivery that holds the claim,
 * so even this shop must see no false alarm. Every IPN lookup is counted ({@link IpnLookups}):
 * the contract says one per accepted payment.
 *
 * <p>Selected over the webshop's {@link ShopPayopOrders} (whose checkout answers it reuses) only
 * in the WARs that include it.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class PayablesOnlyOrders implements PayopOrders {

    @Inject
    ShopPayopOrders shop;

    @Inject
    IpnLookups lookups;

    @Override
    public Optional<PayopOrder> findPayable(String orderId) {
        return shop.findPayable(orderId);
    }

    @Override
    public Optional<IpnOrderLookup.Order> findForIpn(String orderId) {
        lookups.count(orderId);
        return shop.findForIpn(orderId).filter(order -> order.paidByTransaction() == null);
    }
}
