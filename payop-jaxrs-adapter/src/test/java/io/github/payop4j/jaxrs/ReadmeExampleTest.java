package io.github.payop4j.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.invoice.Payer;
import io.github.payop4j.ipn.IpnOrderLookup;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The order bean of the README's Jakarta EE section, compiled and run: keep the two in step. */
class ReadmeExampleTest {

    /** What a shop already has. */
    record ShopOrder(String id, BigDecimal total, String currency, String customerEmail, String customerName,
            boolean paid) {
    }

    interface OrderRepository {
        Optional<ShopOrder> findUnpaid(String id);

        Optional<ShopOrder> find(String id);
    }

    // ---- README ----
    @jakarta.enterprise.context.ApplicationScoped
    public static class ShopOrders implements PayopOrders {
        @jakarta.inject.Inject
        OrderRepository orders;

        @Override
        public Optional<PayopOrder> findPayable(String orderId) {
            return orders.findUnpaid(orderId).map(o -> PayopOrder.of(o.id(), o.total().toPlainString(), o.currency())
                    .withPayer(Payer.withEmail(o.customerEmail()).name(o.customerName())));
        }

        @Override
        public Optional<IpnOrderLookup.Order> findForIpn(String orderId) {
            return orders.find(orderId).map(o -> new IpnOrderLookup.Order(o.total().toPlainString(), o.currency()));
        }
    }
    // ---- end ----

    @Test
    void theReadmeOrderBeanAnswersCheckoutAndIpnVerificationEachByItsOwnContract() {
        ShopOrders bean = new ShopOrders();
        Map<String, ShopOrder> db = Map.of(
                "1001", new ShopOrder("1001", new BigDecimal("49.90"), "EUR", "jane@example.com", "Jane Doe", false),
                "1000", new ShopOrder("1000", new BigDecimal("12.00"), "EUR", "jane@example.com", "Jane Doe", true));
        bean.orders = new OrderRepository() {
            @Override
            public Optional<ShopOrder> findUnpaid(String id) {
                return find(id).filter(o -> !o.paid());
            }

            @Override
            public Optional<ShopOrder> find(String id) {
                return Optional.ofNullable(db.get(id));
            }
        };
        PayopOrder order = bean.findPayable("1001").orElseThrow();
        assertEquals("49.90", order.amount().value());
        assertEquals("EUR", order.currency().code());
        assertEquals("jane@example.com", order.payer().email());
        assertTrue(bean.findPayable("1002").isEmpty());
        assertTrue(bean.findPayable("1000").isEmpty(), "a paid order cannot be paid again");

        assertEquals(new IpnOrderLookup.Order("12.00", "EUR"), bean.findForIpn("1000").orElseThrow(),
                "but its IPN is verified against it");
        assertEquals(new IpnOrderLookup.Order("49.90", "EUR"), bean.findForIpn("1001").orElseThrow());
        assertTrue(bean.findForIpn("1002").isEmpty());
    }
}
