package io.github.payop4j.jaxrs.ipn;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.ipn.IpnDelivery;
import io.github.payop4j.ipn.IpnEvent;
import io.github.payop4j.ipn.IpnOrderLookup;
import io.github.payop4j.ipn.IpnProcessor;
import io.github.payop4j.ipn.IpnResult;
import io.github.payop4j.ipn.servlet.PayopIpnServlet;
import io.github.payop4j.jaxrs.MapConfigSource;
import io.github.payop4j.jaxrs.PayopOrder;
import io.github.payop4j.jaxrs.PayopOrders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The IPN pipeline as the adapter wires it, in a real CDI container: a confirmed IPN reaches the
 * shop's observer as a CDI event once, an observer failure makes Payop retry and the retry applies
 * it, and a payment whose amount differs from the shop's order reaches only the anomaly observer.
 */
class CdiIpnBridgeTest {

    @RegisterExtension
    static WireMockExtension payop = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    static final String TX = "dca59ca5-be19-470d-9494-9b76944e0241";

    private final ConfigProviderResolver resolver = ConfigProviderResolver.instance();
    private Config config;

    /**
     * ORDER-42 is no longer payable (the checkout would answer 404): IPN verification must not
     * depend on that, so the pipeline may only ask {@link #findForIpn}.
     */
    @ApplicationScoped
    public static class ShopOrders implements PayopOrders {
        @Override
        public Optional<PayopOrder> findPayable(String orderId) {
            return Optional.empty();
        }

        @Override
        public Optional<IpnOrderLookup.Order> findForIpn(String orderId) {
            return orderId.equals("ORDER-42") ? Optional.of(new IpnOrderLookup.Order("49.90", "EUR")) : Optional.empty();
        }
    }

    /** The shop's observers; the failure switch plays a database outage. */
    @ApplicationScoped
    public static class ShopObserver {
        static final List<IpnEvent> PAID = new CopyOnWriteArrayList<>();
        static final List<IpnEvent.Anomaly> ANOMALIES = new CopyOnWriteArrayList<>();
        static final AtomicInteger FAILURES_LEFT = new AtomicInteger();

        void paid(@Observes IpnEvent.PaymentAccepted event) {
            if (FAILURES_LEFT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("shop database unavailable");
            }
            PAID.add(event);
        }

        void anomaly(@Observes IpnEvent.Anomaly event) {
            ANOMALIES.add(event);
        }
    }

    @BeforeEach
    void configure() {
        ShopObserver.PAID.clear();
        ShopObserver.ANOMALIES.clear();
        ShopObserver.FAILURES_LEFT.set(0);
        Map<String, String> p = Map.of(
                "payop.public-key", "application-5f1ee8d7",
                "payop.secret-key", "s3cr3t-KEY-never-shown-9f8e7d",
                "payop.jwt-token", "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.e30.c2ln",
                "payop.api-url", payop.baseUrl(),
                "payop.ipn.allowed-ips", "127.0.0.1",
                "payop.ipn.datasource", "none");
        config = resolver.getBuilder().withSources(new MapConfigSource(p)).build();
        resolver.registerConfig(config, Thread.currentThread().getContextClassLoader());
    }

    @AfterEach
    void release() {
        resolver.releaseConfig(config);
    }

    private static WeldContainer container() {
        return new Weld("payop-ipn-bridge-test").addBeanClasses(ShopOrders.class, ShopObserver.class).initialize();
    }

    private static void apiSays(String amount, String currency) {
        payop.stubFor(get(urlEqualTo("/v2/transactions/" + TX)).willReturn(okJson("{\"data\":{\"identifier\":\"" + TX
                + "\",\"amount\":" + amount + ",\"currency\":\"" + currency + "\",\"state\":2,\"error\":\"\","
                + "\"createdAt\":1567402240,\"orderId\":\"ORDER-42\"}}")));
    }

    private static IpnResult deliver(IpnProcessor processor) {
        String body = "{\"invoice\":{\"id\":\"d024f697-ba2d-456f-910e-4d7fdfd338dd\",\"status\":1,\"txid\":\"" + TX
                + "\"},\"transaction\":{\"id\":\"" + TX + "\",\"state\":2,\"order\":{\"id\":\"ORDER-42\"},"
                + "\"error\":{\"message\":\"\",\"code\":\"\"}}}";
        return processor.process(IpnDelivery.of(body.getBytes(StandardCharsets.UTF_8), "127.0.0.1"));
    }

    @Test
    void aConfirmedPaymentReachesTheObserverOnceAndAnObserverFailureIsRetried() {
        apiSays("49.90", "EUR");
        ShopObserver.FAILURES_LEFT.set(1);
        try (WeldContainer container = container()) {
            IpnProcessor processor = container.select(IpnProcessor.class).get();

            assertEquals(500, deliver(processor).httpStatus(), "observer failed: Payop must retry");
            assertTrue(ShopObserver.PAID.isEmpty());
            assertEquals(200, deliver(processor).httpStatus(), "the retry applies it");
            assertEquals(200, deliver(processor).httpStatus(), "a duplicate is acknowledged");

            assertEquals(1, ShopObserver.PAID.size());
            assertEquals("ORDER-42", ShopObserver.PAID.get(0).facts().orderId());
            assertEquals("49.90", ShopObserver.PAID.get(0).facts().amount());
            assertTrue(ShopObserver.ANOMALIES.isEmpty());
        }
    }

    @Test
    void aPaymentForAnotherAmountIsAnAnomalyNeverAPayment() {
        apiSays("4.99", "EUR");
        try (WeldContainer container = container()) {
            assertEquals(200, deliver(container.select(IpnProcessor.class).get()).httpStatus());
        }
        assertTrue(ShopObserver.PAID.isEmpty());
        assertEquals(1, ShopObserver.ANOMALIES.size());
        assertEquals(IpnEvent.Anomaly.Type.AMOUNT_MISMATCH, ShopObserver.ANOMALIES.get(0).type());
    }

    @Test
    void theServletFindsTheProcessorUnderTheAttributeItReads() {
        assertEquals(PayopIpnServlet.PROCESSOR_ATTRIBUTE, IpnProcessorPublisher.PROCESSOR_ATTRIBUTE);
    }
}
