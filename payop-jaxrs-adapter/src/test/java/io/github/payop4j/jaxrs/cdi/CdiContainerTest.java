package io.github.payop4j.jaxrs.cdi;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.PayopClient;
import io.github.payop4j.config.PayopSettings;
import io.github.payop4j.invoice.Payer;
import io.github.payop4j.jaxrs.MapConfigSource;
import io.github.payop4j.ipn.IpnOrderLookup;
import io.github.payop4j.jaxrs.PayopOrder;
import io.github.payop4j.jaxrs.PayopOrders;
import io.github.payop4j.jaxrs.internal.OrderResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The adapter in a real CDI container (Weld SE, annotated discovery of the adapter's own
 * beans.xml, the extension found through META-INF/services) with a real MicroProfile Config.
 */
class CdiContainerTest {

    static final String SECRET = "s3cr3t-KEY-never-shown-9f8e7d";
    static final String JWT = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.e30.c2ln";

    @RegisterExtension
    static WireMockExtension payop = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final ConfigProviderResolver resolver = ConfigProviderResolver.instance();
    private Config config;

    /** The shop's one bean. */
    @ApplicationScoped
    public static class ShopOrders implements PayopOrders {
        @Override
        public Optional<PayopOrder> findPayable(String orderId) {
            return orderId.equals("42")
                    ? Optional.of(PayopOrder.of("42", "49.90", "EUR").withPayer(Payer.withEmail("jane@example.com")))
                    : Optional.empty();
        }

        @Override
        public Optional<IpnOrderLookup.Order> findForIpn(String orderId) {
            return orderId.equals("42") ? Optional.of(new IpnOrderLookup.Order("49.90", "EUR")) : Optional.empty();
        }
    }

    /** A second one, to make the choice ambiguous. */
    @ApplicationScoped
    public static class OtherOrders implements PayopOrders {
        @Override
        public Optional<PayopOrder> findPayable(String orderId) {
            return Optional.empty();
        }

        @Override
        public Optional<IpnOrderLookup.Order> findForIpn(String orderId) {
            return Optional.empty();
        }
    }

    private void configure(Map<String, String> properties) {
        config = resolver.getBuilder().withSources(new MapConfigSource(properties)).build();
        resolver.registerConfig(config, Thread.currentThread().getContextClassLoader());
    }

    private Map<String, String> valid() {
        Map<String, String> p = new HashMap<>();
        p.put("payop.public-key", "application-5f1ee8d7");
        p.put("payop.secret-key", SECRET);
        p.put("payop.jwt-token", JWT);
        p.put("payop.api-url", payop.baseUrl());
        p.put("payop.ipn.path", "/hooks/payop");
        p.put("payop.ipn.datasource", "none");
        return p;
    }

    private static Weld weld(Class<?>... shopBeans) {
        return new Weld("payop-cdi-test").addBeanClasses(shopBeans);
    }

    @AfterEach
    void releaseConfig() {
        if (config != null) {
            resolver.releaseConfig(config);
        }
    }

    @Test
    void injectsOneConfiguredClientAndClosesItWithTheApplication() {
        configure(valid());
        payop.stubFor(post(urlEqualTo("/v1/invoices/create"))
                .willReturn(okJson("{\"data\":\"\",\"status\":1}").withHeader("identifier", "inv-9")));
        PayopClient client;
        try (WeldContainer container = weld(ShopOrders.class).initialize()) {
            client = container.select(PayopClient.class).get();
            assertSame(client, container.select(PayopClient.class).get(), "one client per application");
            assertEquals(URI.create(payop.baseUrl()), client.apiUrl());
            PayopSettings settings = container.select(PayopSettings.class).get();
            assertEquals("/hooks/payop", settings.ipnPath());
            assertFalse(settings.toString().contains(SECRET));
            assertFalse(settings.toString().contains(JWT));

            // The endpoints, wired by CDI, against the stub.
            Response r = container.select(OrderResource.class).get().hostedPage("42", null, null, null, null);
            assertEquals(303, r.getStatus());
            assertEquals(URI.create("https://checkout.payop.com/en/payment/invoice-preprocessing/inv-9"), r.getLocation());
            assertEquals(404, container.select(OrderResource.class).get().hostedPage("7", null, null, null, null)
                    .getStatus());

            HealthCheck readiness = container.select(HealthCheck.class, Readiness.Literal.INSTANCE).get();
            HealthCheckResponse health = readiness.call();
            assertEquals(HealthCheckResponse.Status.UP, health.getStatus());
            assertEquals("payop", health.getName());
            assertEquals(1, container.select(HealthCheck.class, Readiness.Literal.INSTANCE).stream().count(),
                    "registered once, by the extension, not by discovery as well");
        }
        // The disposer closed the client's HTTP client.
        assertThrows(IllegalStateException.class, () -> client.checkout().checkInvoiceStatus("inv-9"));
    }

    /** Issue 13: an expired JWT token turns readiness down, with the reason, and never shows the token. */
    @Test
    void anExpiredTokenTurnsReadinessDownWithTheReason() {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        long exp = java.time.Instant.now().minusSeconds(3600).getEpochSecond();
        String expired = b64.encodeToString("{\"alg\":\"RS256\"}".getBytes()) + "."
                + b64.encodeToString(("{\"exp\":" + exp + "}").getBytes()) + ".c2ln";
        Map<String, String> p = valid();
        p.put("payop.jwt-token", expired);
        configure(p);
        try (WeldContainer container = weld(ShopOrders.class).initialize()) {
            HealthCheckResponse health = container.select(HealthCheck.class, Readiness.Literal.INSTANCE).get().call();
            assertEquals(HealthCheckResponse.Status.DOWN, health.getStatus());
            Map<String, Object> data = health.getData().orElseThrow();
            String reason = String.valueOf(data.get("reason"));
            assertTrue(reason.contains("the JWT token expired at " + java.time.Instant.ofEpochSecond(exp)), reason);
            assertTrue(reason.contains("payop.jwt-token"), reason);
            assertEquals(java.time.Instant.ofEpochSecond(exp).toString(), data.get("jwtTokenExpiresAt"));
            assertFalse(data.toString().contains(expired.split("\\.")[1]), data.toString());
        }
    }

    @Test
    void anInvalidConfigurationFailsTheDeploymentWithOneMessageAndNoSecret() {
        Map<String, String> p = valid();
        p.remove("payop.public-key");
        p.remove("payop.jwt-token");
        p.put("payop.language", "xx");
        p.put("payop.http.read-timeout", "forever");
        p.put("payop.ipn.verify-with-api", "true");
        configure(p);
        Weld weld = weld(ShopOrders.class);
        RuntimeException e = assertThrows(RuntimeException.class, weld::initialize);
        String message = e.getMessage() + String.valueOf(e.getCause());
        assertTrue(message.contains("4 Payop settings need fixing"), message);
        for (String property : Set.of("payop.public-key", "payop.language", "payop.http.read-timeout",
                "payop.ipn.verify-with-api")) {
            assertTrue(message.contains("  - " + property + ": "), property + " in " + message);
        }
        assertFalse(message.contains(SECRET), message);
    }

    /** Secure by default (issue 13): without a token the adapter does not deploy unless told so. */
    @Test
    void withoutATokenTheDeploymentFailsNamingBothSettingsUnlessConfirmationIsSwitchedOff() {
        Map<String, String> p = valid();
        p.remove("payop.jwt-token");
        configure(p);
        RuntimeException e = assertThrows(RuntimeException.class, weld(ShopOrders.class)::initialize);
        String message = e.getMessage() + String.valueOf(e.getCause());
        assertTrue(message.contains("payop.jwt-token: missing"), message);
        assertTrue(message.contains("payop.ipn.verify-with-api=false"), message);
        resolver.releaseConfig(config);

        p.put("payop.ipn.verify-with-api", "false");
        configure(p);
        try (WeldContainer container = weld(ShopOrders.class).initialize()) {
            assertFalse(container.select(PayopSettings.class).get().verifyIpnWithApi());
        }
    }

    /**
     * Issue 10, item 1: WildFly's MicroProfile Config lists PAYOP_JWT_TOKEN also as payop.jwt.token;
     * the adapter warned "PAYOP4J-3001 payop.jwt.token is not a payop4j property" although it used the value.
     */
    @Test
    void environmentVariableSpellingsOfKnownKeysAreNotReportedButATypoIs() {
        Map<String, String> p = valid();
        p.put("PAYOP_SECRET_KEY", SECRET);
        p.put("payop.secret.key", SECRET);
        p.put("PAYOP_JWT_TOKEN", JWT);
        p.put("payop.jwt.token", JWT);
        p.put("payop.languge", "de");
        configure(p);
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(PayopExtension.class.getName());
        log.addHandler(capture);
        try (WeldContainer container = weld(ShopOrders.class).initialize()) {
            container.select(PayopClient.class).get();
        } finally {
            log.removeHandler(capture);
        }
        assertEquals(List.of("PAYOP-CONFIG-002 payop.languge is not a payop4j setting and is ignored (did you mean"
                + " payop.language?)"), logged.stream().filter(l -> l.contains("PAYOP-CONFIG-002")).toList());
    }

    @Test
    void withoutAnOrdersBeanTheDeploymentSaysWhatToImplement() {
        configure(valid());
        RuntimeException e = assertThrows(RuntimeException.class, weld()::initialize);
        String message = e.getMessage() + String.valueOf(e.getCause());
        assertTrue(message.contains("implement io.github.payop4j.jaxrs.PayopOrders as a CDI bean"), message);
    }

    @Test
    void twoOrdersBeansAreReportedByName() {
        configure(valid());
        RuntimeException e = assertThrows(RuntimeException.class, weld(ShopOrders.class, OtherOrders.class)::initialize);
        String message = e.getMessage() + String.valueOf(e.getCause());
        assertTrue(message.contains("several PayopOrders beans"), message);
        assertTrue(message.contains("OtherOrders") && message.contains("ShopOrders"), message);
    }

    @Test
    void aShopPageTemplateWithAScriptFailsTheDeploymentNamingTheSetting() {
        Map<String, String> p = valid();
        p.put("payop.pages.template", "payop/page-with-script.html");
        configure(p);
        RuntimeException e = assertThrows(RuntimeException.class, weld(ShopOrders.class)::initialize);
        String message = e.getMessage() + String.valueOf(e.getCause());
        assertTrue(message.contains("payop.pages.template: payop/page-with-script.html contains a <script> element"),
                message);
    }
}
