package io.github.payop4j.it.webshop;

import io.github.payop4j.ipn.IpnOrderLookup;
import jakarta.enterprise.inject.spi.CDI;
import java.util.Optional;

/** What the IPN pipeline compares an accepted payment with: the order's amount and currency in the table. */
public class ShopIpnOrders implements IpnOrderLookup {

    @Override
    public Optional<Order> find(String orderId) {
        return CDI.current().select(ShopService.class).get().find(orderId)
                .map(o -> new Order(o.amount(), o.currency()));
    }
}
