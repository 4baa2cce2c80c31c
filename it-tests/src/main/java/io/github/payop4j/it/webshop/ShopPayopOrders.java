package io.github.payop4j.it.webshop;

import io.github.payop4j.invoice.OrderItem;
import io.github.payop4j.invoice.Payer;
import io.github.payop4j.ipn.IpnOrderLookup;
import io.github.payop4j.jaxrs.PayopOrder;
import io.github.payop4j.jaxrs.PayopOrders;
import io.github.payop4j.money.Amount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The adapter's view of the shop's orders: the checkout may pay only unpaid orders, at the
 * table's price; IPN verification compares Payop's payment with any order in the table, paid or
 * not (an order the first delivery of an IPN just paid is still the order its repeats are about),
 * with the transaction that paid it.
 */
@ApplicationScoped
public class ShopPayopOrders implements PayopOrders {

    @Inject
    ShopService shop;

    @Override
    public Optional<PayopOrder> findPayable(String orderId) {
        return shop.find(orderId).filter(o -> o.status().equals("NEW"))
                .map(o -> PayopOrder.of(o.id(), o.amount(), o.currency())
                        .withDescription("Order " + o.id())
                        .withItems(List.of(OrderItem.of("sku-" + o.id(), "Coffee beans", Amount.of(o.amount()))))
                        .withPayer(Payer.withEmail(o.email())));
    }

    @Override
    public Optional<IpnOrderLookup.Order> findForIpn(String orderId) {
        // tx_id is set when the order is credited: a payment by any other transaction is a second one.
        return shop.find(orderId).map(o -> new IpnOrderLookup.Order(o.amount(), o.currency(), o.txId()));
    }
}
