package io.github.payop4j.demo.shop;

import io.github.payop4j.invoice.OrderItem;
import io.github.payop4j.invoice.Payer;
import io.github.payop4j.ipn.IpnOrderLookup;
import io.github.payop4j.jaxrs.PayopOrder;
import io.github.payop4j.jaxrs.PayopOrders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The shop's orders as payop-jaxrs-adapter asks for them: the README's {@code PayopOrders} bean.
 * Amounts come from the shop's database, never from the browser.
 */
@ApplicationScoped
public class ShopOrders implements PayopOrders {

    @Inject
    Orders orders;

    /** The visitor's session: whose orders these are (the demo's stand-in for a logged-in user). */
    @Inject
    Customer customer;

    /** Checkout: an order of the current customer that is not paid yet; anything else is a 404. */
    @Override
    public Optional<PayopOrder> findPayable(String orderId) {
        if (!customer.owns(orderId)) {
            return Optional.empty();
        }
        return orders.find(orderId).filter(Order::payable).map(o -> PayopOrder.of(o.id(), o.total(), o.currency())
                .withDescription(Catalogue.SHOP_NAME + " order " + o.id())
                .withItems(o.lines().stream()
                        .map(l -> new OrderItem(l.sku(), l.quantity() + " x " + l.name(), l.lineTotal()))
                        .toList())
                .withPayer(Payer.withEmail(o.customerEmail()).name(o.customerName())));
    }

    /**
     * IPN verification: any order the shop has, paid or not, for any caller (Payop's request has
     * no session), with the transaction that paid it: a second payment is then an anomaly.
     */
    @Override
    public Optional<IpnOrderLookup.Order> findForIpn(String orderId) {
        return orders.find(orderId).map(o -> new IpnOrderLookup.Order(o.total(), o.currency(), o.paidBy()));
    }
}
