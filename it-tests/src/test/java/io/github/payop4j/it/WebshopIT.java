package io.github.payop4j.it;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.payop4j.it.support.PayopApi.checkoutIpn;
import static io.github.payop4j.it.support.PayopApi.json;
import static io.github.payop4j.it.support.Webshop.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.payop4j.it.support.ConsoleCapture;
import io.github.payop4j.it.support.Docs;
import io.github.payop4j.it.support.Http;
import io.github.payop4j.it.support.PayopApi;
import io.github.payop4j.it.support.PayopStub;
import io.github.payop4j.it.support.Wars;
import io.github.payop4j.it.support.Webshop;
import io.github.payop4j.it.webshop.ShopDatabase;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample shop WAR (payop-core, payop-jaxrs-adapter and payop-ipn-servlet inside, orders in
 * the server's default DataSource) with WireMock stubs answering for Payop and the test posting
 * the IPNs itself: what a real Payop never sends (forged, altered, malformed IPNs, IPNs through a
 * proxy from outside the allow-list, an acceptance followed by a failure the API confirms) and
 * failures stubbed exactly. The paying flows and Payop's own IPN deliveries are in
 * {@link PayopEmulatorIT}. One deployment for all methods: Payara Micro boots once.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebshopIT {

    private static final WireMockServer PAYOP;
    private static final PayopApi API;

    static {
        ConsoleCapture.start();
        PAYOP = PayopStub.start();
        API = new PayopApi(PAYOP);
    }

    /** Secrets unique to this run, so the log check cannot be fooled by (or blame) another run. */
    static final String SECRET_KEY = "sk-" + randomHex();
    static final String JWT = "jwt-" + randomHex();

    @ArquillianResource
    private URL base;

    private Http http;
    private Webshop shop;

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("payop.public-key", PayopStub.PUBLIC_KEY);
        config.put("payop.secret-key", SECRET_KEY);
        config.put("payop.jwt-token", JWT);
        config.put("payop.api-url", PAYOP.baseUrl());
        // 127.0.0.1 sends the test's IPNs and is also the trusted proxy whose X-Forwarded-For counts.
        config.put("payop.ipn.allowed-ips", "127.0.0.1, 18.199.249.46");
        config.put("payop.ipn.trusted-proxies", "127.0.0.1");
        // payop.ipn.datasource unset: the journal goes to java:comp/DefaultDataSource, next to the orders.
        return Wars.webshop("payop-webshop.war", config);
    }

    @AfterAll
    static void stopStub() {
        PAYOP.stop();
    }

    @BeforeEach
    void setUp() {
        http = new Http(base);
        shop = new Webshop(http);
        PAYOP.resetAll();
    }

    // ---------------------------------------------------------------- the shop and the adapter

    @Test
    @Order(1)
    void theSeededOrderIsInTheDefaultDataSource() {
        JsonObject order = shop.order(ShopDatabase.SEEDED_ORDER);
        assertEquals("49.90", order.getString("amount"));
        assertEquals("NEW", order.getString("status"));
    }

    @Test
    @Order(5)
    void failuresAreProblemJson() {
        HttpResponse<String> unknown = http.get("payop-checkout/payop/orders/no-such-order/hosted-page");
        assertEquals(404, unknown.statusCode(), unknown::body);
        assertTrue(unknown.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(404, json(unknown).getInt("status"));

        String orderId = shop.newOrder("5.00", "EUR");
        PAYOP.stubFor(post("/v1/invoices/create").willReturn(json(422, Docs.json("error-422-validation.json"))));
        HttpResponse<String> rejected = http.get("payop-checkout/payop/orders/" + orderId + "/hosted-page");
        assertEquals(502, rejected.statusCode(), rejected::body);
        assertTrue(rejected.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertFalse(rejected.body().contains(SECRET_KEY));
        assertEquals("NEW", shop.order(orderId).getString("status"));
    }

    // ---------------------------------------------------------------- IPN edge cases

    @Test
    @Order(11)
    void aForgedIpnIsRejectedByTheApiConfirmation() {
        String orderId = shop.newOrder("10.00", "EUR");
        // The API does not know the transaction.
        String unknown = UUID.randomUUID().toString();
        API.transactionAnswers(unknown, 404, "{\"message\": \"Transaction not found\"}");
        assertIpn(200, "ok", checkoutIpn(unknown, 2, orderId));
        // The API knows it, but it failed.
        String failed = UUID.randomUUID().toString();
        API.transaction(failed, 5, orderId, "10.00", "EUR");
        assertIpn(200, "ok", checkoutIpn(failed, 2, orderId));

        JsonObject order = shop.order(orderId);
        assertEquals("NEW", order.getString("status"));
        assertEquals(0, order.getInt("paidCount"));
        assertEquals("UNCONFIRMED", shop.events(unknown).getJsonObject(0).getString("detail"));
        assertEquals("UNCONFIRMED", shop.events(failed).getJsonObject(0).getString("detail"));
    }

    @Test
    @Order(12)
    void anAmountMismatchIsNeverAPayment() {
        String orderId = shop.newOrder("99.00", "EUR");
        String tx = UUID.randomUUID().toString();
        API.transaction(tx, 2, orderId, "9.90", "EUR");
        assertIpn(200, "ok", checkoutIpn(tx, 2, orderId));
        assertEquals(0, shop.order(orderId).getInt("paidCount"));
        assertEquals("AMOUNT_MISMATCH", shop.events(tx).getJsonObject(0).getString("detail"));
    }

    @Test
    @Order(13)
    void sourceAddressesAreCheckedBehindTheTrustedProxy() {
        String orderId = shop.newOrder("15.00", "EUR");
        String tx = UUID.randomUUID().toString();
        API.transaction(tx, 2, orderId, "15.00", "EUR");
        byte[] body = checkoutIpn(tx, 2, orderId).getBytes(StandardCharsets.UTF_8);

        // 127.0.0.1 is a trusted proxy: the address it forwards for is the sender.
        HttpResponse<String> outsider = http.post("payop/ipn", "application/json", body,
                "X-Forwarded-For", "203.0.113.7");
        assertEquals(403, outsider.statusCode(), outsider::body);
        assertEquals("forbidden", outsider.body());
        assertEquals(0, shop.journal(tx).getInt("deliveries"));
        PAYOP.verify(0, getRequestedFor(urlEqualTo("/v2/transactions/" + tx)));

        HttpResponse<String> payop = http.post("payop/ipn", "application/json", body,
                "X-Forwarded-For", "18.199.249.46");
        assertEquals(200, payop.statusCode(), payop::body);
        assertEquals("PAID", shop.order(orderId).getString("status"));
    }

    @Test
    @Order(16)
    void aFailureAfterAcceptanceIsAnAnomalyAndThePaymentStands() {
        String orderId = shop.newOrder("8.50", "EUR");
        String tx = UUID.randomUUID().toString();
        API.transaction(tx, 2, orderId, "8.50", "EUR");
        assertIpn(200, "ok", checkoutIpn(tx, 2, orderId));

        API.transaction(tx, 5, orderId, "8.50", "EUR");
        assertIpn(200, "ok", checkoutIpn(tx, 5, orderId));

        JsonObject order = shop.order(orderId);
        assertEquals("PAID", order.getString("status"));
        assertEquals(1, order.getInt("paidCount"));
        assertEquals("DOWNGRADE", shop.events(tx).getJsonObject(0).getString("detail"));
    }

    @Test
    @Order(17)
    void malformedBodiesAreRefused() {
        assertIpn(400, "malformed", "");
        assertIpn(400, "malformed", "not json");
        assertIpn(400, "malformed", "[1, 2]");
        assertIpn(400, "malformed", "{\"transaction\": {\"state\": 2}}");
        HttpResponse<String> notUtf8 = http.post("payop/ipn", "application/json",
                new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'});
        assertEquals(400, notUtf8.statusCode());
        HttpResponse<String> get = http.get("payop/ipn");
        assertEquals(405, get.statusCode());
        assertEquals("method not allowed", get.body());
    }

    // ---------------------------------------------------------------- last: the logs

    @Test
    @Order(100)
    void noSecretReachedAnyLog() {
        ConsoleCapture.assertNoneLogged(List.of(SECRET_KEY, JWT));
    }

    // ---------------------------------------------------------------- helpers

    private void assertIpn(int status, String word, String body) {
        HttpResponse<String> r = http.post("payop/ipn", "application/json", body.getBytes(StandardCharsets.UTF_8));
        assertEquals(status, r.statusCode(), () -> r.body() + " for " + body);
        assertEquals(word, r.body());
    }

    private static String randomHex() {
        byte[] b = new byte[8];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
