package io.github.payop4j.it.pages;

import io.github.payop4j.invoice.Payer;
import io.github.payop4j.ipn.IpnOrderLookup;
import io.github.payop4j.jaxrs.PayopOrder;
import io.github.payop4j.jaxrs.PayopOrders;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** PayerPagesIT's orders: every id starting with "p-" is a 10.00 EUR order of Jane's. */
@ApplicationScoped
public class PagesOrders implements PayopOrders {

    @Override
    public Optional<PayopOrder> findPayable(String orderId) {
        return orderId.startsWith("p-")
                ? Optional.of(PayopOrder.of(orderId, "10.00", "EUR").withPayer(Payer.withEmail("jane@example.com")
                        .name("Jane Doe")))
                : Optional.empty();
    }

    @Override
    public Optional<IpnOrderLookup.Order> findForIpn(String orderId) {
        return orderId.startsWith("p-") ? Optional.of(new IpnOrderLookup.Order("10.00", "EUR")) : Optional.empty();
    }
}
