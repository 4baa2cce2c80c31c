package io.github.payop4j.it.months;

import io.github.payop4j.invoice.Payer;
import io.github.payop4j.ipn.IpnOrderLookup;
import io.github.payop4j.it.webshop.ShopService;
import io.github.payop4j.jaxrs.PayopOrder;
import io.github.payop4j.jaxrs.PayopOrders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The webshop's orders as many shops expose them: {@code findForIpn} answers amount and currency
 * but never names the transaction that paid an order. A second payment must still be recognised
 * (issue 13): by the library's own record of the paying transaction.
 */
@ApplicationScoped
public class OrdersWithoutPayer implements PayopOrders {

    @Inject
    ShopService shop;

    @Override
    public Optional<PayopOrder> findPayable(String orderId) {
        return shop.find(orderId).filter(o -> o.status().equals("NEW"))
                .map(o -> PayopOrder.of(o.id(), o.amount(), o.currency()).withPayer(Payer.withEmail(o.email())));
    }

    @Override
    public Optional<IpnOrderLookup.Order> findForIpn(String orderId) {
        return shop.find(orderId).map(o -> new IpnOrderLookup.Order(o.amount(), o.currency()));
    }
}
