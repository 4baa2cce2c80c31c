package io.github.payop4j.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.payop4j.it.support.PayopApi.checkoutIpn;
import static io.github.payop4j.it.support.PayopApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.payop4j.it.support.ConsoleCapture;
import io.github.payop4j.it.support.Docs;
import io.github.payop4j.it.support.Http;
import io.github.payop4j.it.support.PayopApi;
import io.github.payop4j.it.support.PayopStub;
import io.github.payop4j.it.support.Sodium;
import io.github.payop4j.it.support.Wars;
import io.github.payop4j.it.webshop.Faults;
import io.github.payop4j.it.webshop.PaymentObserver;
import io.github.payop4j.it.webshop.ShopDatabase;
import io.github.payop4j.it.webshop.ShopOrder;
import io.github.payop4j.it.webshop.ShopPayopOrders;
import io.github.payop4j.it.webshop.ShopResource;
import io.github.payop4j.it.webshop.ShopService;
import io.github.payop4j.it.webshop.WebshopApplication;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Base64;
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
 * the server's default DataSource) through every flow, asserted on the shop's state and on the
 * requests the Payop stub received. One deployment for all methods: Payara Micro boots once.
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
    static final String PROJECT_ID = "prj-it-7";
    static final String CARD_PAN = "4111111111111111";
    static final String CARD_CVV = "737";
    /** The merchant's withdrawal certificate; the private half stays here, as it stays with Payop. */
    static final Sodium CERTIFICATE = Sodium.newKeyPair();

    @ArquillianResource
    private URL base;

    private Http http;

    @Deployment(testable = false)
    static WebArchive shop() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("payop.public-key", PayopStub.PUBLIC_KEY);
        config.put("payop.secret-key", SECRET_KEY);
        config.put("payop.jwt-token", JWT);
        config.put("payop.project-id", PROJECT_ID);
        config.put("payop.api-url", PAYOP.baseUrl());
        config.put("payop.withdrawal-certificate", Base64.getEncoder().encodeToString(CERTIFICATE.publicKey()));
        // 127.0.0.1 sends the test's IPNs and is also the trusted proxy whose X-Forwarded-For counts.
        config.put("payop.ipn.allowed-ips", "127.0.0.1, 18.199.249.46");
        config.put("payop.ipn.trusted-proxies", "127.0.0.1");
        // payop.ipn.datasource unset: the journal goes to java:comp/DefaultDataSource, next to the orders.
        return Wars.withPayop4j("payop-webshop.war", config, Map.of())
                .addClasses(WebshopApplication.class, ShopResource.class, ShopService.class, ShopDatabase.class,
                        ShopOrder.class, ShopPayopOrders.class, Faults.class, PaymentObserver.class);
    }

    @AfterAll
    static void stopStub() {
        PAYOP.stop();
    }

    @BeforeEach
    void setUp() {
        http = new Http(base);
        PAYOP.resetAll();
    }

    // ---------------------------------------------------------------- the shop and the adapter

    @Test
    @Order(1)
    void theSeededOrderIsInTheDefaultDataSource() {
        JsonObject order = order(ShopDatabase.SEEDED_ORDER);
        assertEquals("49.90", order.getString("amount"));
        assertEquals("NEW", order.getString("status"));
    }

    @Test
    @Order(2)
    void hostedPageSignsTheOrderFromTheTableAndTheIpnMarksItPaid() {
        String orderId = newOrder("49.90", "EUR");
        String invoiceId = UUID.randomUUID().toString();
        API.invoiceCreated(invoiceId);

        // A browser that adds amount/currency parameters cannot change what is charged.
        HttpResponse<String> redirect = http.get("payop-checkout/payop/orders/" + orderId
                + "/hosted-page?amount=0.01&currency=USD");

        assertEquals(303, redirect.statusCode(), redirect::body);
        assertEquals(URI.create("https://checkout.payop.com/en/payment/invoice-preprocessing/" + invoiceId),
                URI.create(redirect.headers().firstValue("Location").orElseThrow()));
        PAYOP.verify(1, postRequestedFor(urlEqualTo("/v1/invoices/create"))
                .withoutHeader("Authorization")
                .withRequestBody(equalToJson("""
                        {"publicKey": "%s",
                         "order": {"id": "%s", "amount": "49.90", "currency": "EUR", "description": "Order %s",
                                   "items": [{"id": "sku-%s", "name": "Coffee beans", "price": "49.90"}]},
                         "signature": "%s",
                         "payer": {"email": "buyer@example.com"},
                         "language": "en"}""".formatted(PayopStub.PUBLIC_KEY, orderId, orderId, orderId,
                        sha256("49.90:EUR:" + orderId + ":" + SECRET_KEY)), false, true)));

        String tx = "tx-" + UUID.randomUUID();
        API.transaction(tx, 2, orderId, "49.90", "EUR");
        assertIpn(200, "ok", checkoutIpn(tx, 2, orderId));

        JsonObject order = order(orderId);
        assertEquals("PAID", order.getString("status"));
        assertEquals(1, order.getInt("paidCount"));
        assertEquals(tx, order.getString("txId"));
        PAYOP.verify(1, getRequestedFor(urlEqualTo("/v2/transactions/" + tx))
                .withHeader("Authorization", equalTo("Bearer " + JWT)));

        // The journal is in the server's default DataSource, next to the shop's tables.
        JsonObject journal = journal(tx);
        assertEquals(1, journal.getInt("deliveries"));
        JsonArray claims = journal.getJsonArray("claims");
        assertEquals(1, claims.size(), journal::toString);
        assertEquals("APPLIED", claims.getJsonObject(0).getString("status"));

        // A paid order cannot be paid again.
        HttpResponse<String> again = http.get("payop-checkout/payop/orders/" + orderId + "/hosted-page");
        assertEquals(404, again.statusCode(), again::body);
    }

    @Test
    @Order(3)
    void directPaymentFollowsTheNextStepsAndTheIpnMarksTheOrderPaid() {
        String orderId = newOrder("12.00", "EUR");
        String invoiceId = UUID.randomUUID().toString();
        String tx = "e6c8ba69-" + UUID.randomUUID().toString().substring(9);
        paymentMethods();
        API.invoiceCreated(invoiceId);
        PAYOP.stubFor(post("/v1/checkout/create").willReturn(json(200,
                Docs.json("checkout-create.json").replace("e6c8ba69-b961-4e93-a083-2097f30dfbd9", tx))));

        HttpResponse<String> methods = http.get("payop-checkout/payop/orders/" + orderId + "/payment-methods");
        assertEquals(200, methods.statusCode(), methods::body);
        JsonArray list = Json.createReader(new StringReader(methods.body())).readArray();
        assertEquals(List.of(336, 381), list.stream().map(v -> v.asJsonObject().getInt("id")).toList(), methods.body());
        assertEquals("direct", list.getJsonObject(0).getString("flow"));
        assertEquals("card", list.getJsonObject(1).getString("flow"));

        HttpResponse<String> started = http.postJson("payop-checkout/payop/orders/" + orderId + "/direct", """
                {"paymentMethod": 336, "amount": "0.01", "currency": "USD",
                 "payer": {"email": "buyer@example.com", "name": "Jane Doe", "fields": {"nationalid": "20-1234"}}}""");
        assertEquals(200, started.statusCode(), started::body);
        JsonObject answer = Json.createReader(new StringReader(started.body())).readObject();
        assertEquals(invoiceId, answer.getString("invoiceId"));
        assertEquals(tx, answer.getString("transactionId"));
        // The invoice carries the table's amount, whatever the browser sent.
        PAYOP.verify(1, postRequestedFor(urlEqualTo("/v1/invoices/create")).withRequestBody(equalToJson(
                "{\"order\": {\"id\": \"" + orderId + "\", \"amount\": \"12.00\", \"currency\": \"EUR\"},"
                        + " \"signature\": \"" + sha256("12.00:EUR:" + orderId + ":" + SECRET_KEY) + "\"}",
                false, true)));
        PAYOP.verify(1, postRequestedFor(urlEqualTo("/v1/checkout/create")).withRequestBody(equalToJson(
                "{\"invoiceIdentifier\": \"" + invoiceId + "\", \"paymentMethod\": 336,"
                        + " \"checkStatusUrl\": \"" + answer.getString("continue") + "\"}", false, true)));

        // Next step: redirect, then a 3-D Secure form, then wait.
        String status = "/v1/checkout/check-invoice-status/" + invoiceId;
        PAYOP.stubFor(get(status).inScenario("steps").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, Docs.json("check-status-get-redirect.json"))).willSetStateTo("3ds"));
        PAYOP.stubFor(get(status).inScenario("steps").whenScenarioStateIs("3ds")
                .willReturn(json(200, Docs.json("check-status-3ds.json"))).willSetStateTo("poll"));
        PAYOP.stubFor(get(status).inScenario("steps").whenScenarioStateIs("poll")
                .willReturn(json(200, Docs.json("check-status-pending-no-form.json"))));
        String next = URI.create(answer.getString("next")).getPath().substring(base.getPath().length());

        JsonObject redirect = jsonOf(http.get(next));
        assertEquals("redirect", redirect.getString("type"));
        assertEquals("https://pay.skrill.com/app/?sid=468", redirect.getString("url"));
        JsonObject form = jsonOf(http.get(next));
        assertEquals("submit-form", form.getString("type"));
        assertEquals("https://acs.anybank.com/", form.getString("url"));
        assertEquals("fmn3o8usfjlils", form.getJsonObject("fields").getString("PaReq"));
        JsonObject poll = jsonOf(http.get(next));
        assertEquals("poll", poll.getString("type"), poll::toString);

        API.transaction(tx, 2, orderId, "12.00", "EUR");
        assertIpn(200, "ok", checkoutIpn(tx, 2, orderId));
        assertEquals("PAID", order(orderId).getString("status"));
        assertEquals(1, order(orderId).getInt("paidCount"));
    }

    @Test
    @Order(4)
    void cardPaymentWith3dsRendersTheAutoSubmitFormAndNeverLogsTheCard() {
        String orderId = newOrder("30.00", "EUR");
        String invoiceId = UUID.randomUUID().toString();
        String tx = UUID.randomUUID().toString();
        paymentMethods();
        API.invoiceCreated(invoiceId);
        PAYOP.stubFor(post("/v1/payment-tools/card-token/create").willReturn(json(200, Docs.json("card-token.json"))));
        PAYOP.stubFor(post("/v1/checkout/create").willReturn(json(200,
                Docs.json("checkout-create.json").replace("e6c8ba69-b961-4e93-a083-2097f30dfbd9", tx))));
        PAYOP.stubFor(get("/v1/checkout/check-invoice-status/" + invoiceId)
                .willReturn(json(200, Docs.json("check-status-3ds.json"))));

        HttpResponse<String> started = http.postJson("payop-checkout/payop/orders/" + orderId + "/card", """
                {"pan": "%s", "expirationDate": "12/28", "cvv": "%s", "holderName": "JANE DOE",
                 "email": "buyer@example.com", "name": "Jane Doe", "paymentMethod": 381}""".formatted(CARD_PAN, CARD_CVV));
        assertEquals(200, started.statusCode(), started::body);
        JsonObject answer = jsonOf(started);
        assertFalse(started.body().contains(CARD_PAN));
        PAYOP.verify(1, postRequestedFor(urlEqualTo("/v1/invoices/create")).withRequestBody(equalToJson(
                "{\"order\": {\"amount\": \"30.00\", \"currency\": \"EUR\"}, \"paymentMethod\": 381}", false, true)));
        PAYOP.verify(1, postRequestedFor(urlEqualTo("/v1/payment-tools/card-token/create")).withRequestBody(
                equalToJson("{\"invoiceIdentifier\": \"" + invoiceId + "\", \"pan\": \"" + CARD_PAN + "\"}", false,
                        true)));
        PAYOP.verify(1, postRequestedFor(urlEqualTo("/v1/checkout/create")).withRequestBody(equalToJson(
                "{\"invoiceIdentifier\": \"" + invoiceId + "\", \"paymentMethod\": 381,"
                        + " \"cardToken\": \"1ay4YEZXF75BTraFw/sPJ9iMJVOr/bR/UeEPp\"}", false, true)));

        String cont = URI.create(answer.getString("continue")).getPath().substring(base.getPath().length());
        HttpResponse<String> page = http.get(cont);
        assertEquals(200, page.statusCode(), page::body);
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("action=\"https://acs.anybank.com/\""), page.body());
        assertTrue(page.body().contains("name=\"PaReq\" value=\"fmn3o8usfjlils\""), page.body());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'nonce-"));

        API.transaction(tx, 2, orderId, "30.00", "EUR");
        assertIpn(200, "ok", checkoutIpn(tx, 2, orderId));
        assertEquals("PAID", order(orderId).getString("status"));
    }

    @Test
    @Order(5)
    void failuresAreProblemJson() {
        HttpResponse<String> unknown = http.get("payop-checkout/payop/orders/no-such-order/hosted-page");
        assertEquals(404, unknown.statusCode(), unknown::body);
        assertTrue(unknown.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(404, jsonOf(unknown).getInt("status"));

        String orderId = newOrder("5.00", "EUR");
        PAYOP.stubFor(post("/v1/invoices/create").willReturn(json(422, Docs.json("error-422-validation.json"))));
        HttpResponse<String> rejected = http.get("payop-checkout/payop/orders/" + orderId + "/hosted-page");
        assertEquals(502, rejected.statusCode(), rejected::body);
        assertTrue(rejected.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertFalse(rejected.body().contains(SECRET_KEY));
        assertEquals("NEW", order(orderId).getString("status"));
    }

    @Test
    @Order(6)
    void theShopRefundsThroughItsInjectedClientAndTheRefundIpnUpdatesIt() {
        String orderId = newOrder("20.00", "EUR");
        String tx = UUID.randomUUID().toString();
        API.transaction(tx, 2, orderId, "20.00", "EUR");
        assertIpn(200, "ok", checkoutIpn(tx, 2, orderId));

        String refundId = UUID.randomUUID().toString();
        PAYOP.stubFor(post("/v1/refunds/create").willReturn(json(200, Docs.json("refund-create.json"))
                .withHeader("identifier", refundId)));
        HttpResponse<String> refund = http.postForm("shop/admin/orders/" + orderId + "/refund", Map.of());
        assertEquals(200, refund.statusCode(), refund::body);
        assertEquals(refundId, jsonOf(refund).getString("refundId"));
        PAYOP.verify(1, postRequestedFor(urlEqualTo("/v1/refunds/create"))
                .withHeader("Authorization", equalTo("Bearer " + JWT))
                .withRequestBody(equalToJson("{\"transactionIdentifier\": \"" + tx + "\", \"refundType\": 1}",
                        false, false)));
        assertEquals("REQUESTED", order(orderId).getString("refundStatus"));

        API.refund(refundId, 2, "20.00", "EUR", tx);
        assertIpn(200, "ok", PayopApi.refundIpn(refundId, 2, "20.00", "EUR", tx));
        assertEquals("ACCEPTED", order(orderId).getString("refundStatus"));
        assertEquals("RefundUpdated", events(refundId).getJsonObject(0).getString("kind"));
    }

    @Test
    @Order(7)
    void theShopPaysOutThroughItsInjectedClientSealedToTheCertificate() {
        PAYOP.stubFor(post("/v1/withdrawals/create-mass").willReturn(json(200, Docs.json("withdrawal-create-mass.json"))));

        HttpResponse<String> payout = http.postForm("shop/admin/payouts",
                Map.of("amount", "120.50", "currency", "EUR", "email", "supplier@example.com", "batch", "batch-2026-11"));

        assertEquals(200, payout.statusCode(), payout::body);
        JsonObject answer = jsonOf(payout);
        assertEquals("batch-2026-11", answer.getString("idempotencyKey"));
        assertEquals("eab40b05-805b-5dbb-8900-a634a9ecaf57", answer.getJsonArray("withdrawals").getString(0));
        var requests = PAYOP.findAll(postRequestedFor(urlEqualTo("/v1/withdrawals/create-mass"))
                .withHeader("Authorization", equalTo("Bearer " + JWT))
                .withHeader("idempotency-key", equalTo("batch-2026-11")));
        assertEquals(1, requests.size());
        String data = Json.createReader(new java.io.StringReader(requests.get(0).getBodyAsString())).readObject()
                .getString("data");
        assertEquals("[{\"method\":15,\"type\":1,\"amount\":120.50,\"currency\":\"EUR\",\"additionalData\":"
                + "{\"direction\":\"Supplier payout\",\"email\":\"supplier@example.com\",\"recipientAccountType\":1}}]",
                CERTIFICATE.open(Base64.getDecoder().decode(data)));
    }

    @Test
    @Order(8)
    void withdrawalIpnsAreConfirmedAndRecorded() {
        String id = UUID.randomUUID().toString();
        API.withdrawal(id, 2, "100", "USD");
        assertIpn(200, "ok", PayopApi.withdrawalIpn(id, 2));
        assertIpn(200, "duplicate", PayopApi.withdrawalIpn(id, 2));
        JsonArray events = events(id);
        assertEquals(1, events.size(), events::toString);
        assertEquals("WithdrawalUpdated", events.getJsonObject(0).getString("kind"));
        assertEquals("ACCEPTED", events.getJsonObject(0).getString("detail"));
    }

    // ---------------------------------------------------------------- IPN edge cases

    @Test
    @Order(10)
    void duplicatesAreAppliedOnceAndNotConfirmedAgain() {
        String orderId = newOrder("10.00", "EUR");
        String tx = UUID.randomUUID().toString();
        API.transaction(tx, 2, orderId, "10.00", "EUR");
        assertIpn(200, "ok", checkoutIpn(tx, 2, orderId));
        assertIpn(200, "duplicate", checkoutIpn(tx, 2, orderId));
        assertIpn(200, "duplicate", checkoutIpn(tx, 2, orderId));
        JsonObject order = order(orderId);
        assertEquals("PAID", order.getString("status"));
        assertEquals(1, order.getInt("paidCount"));
        PAYOP.verify(1, getRequestedFor(urlEqualTo("/v2/transactions/" + tx))
                .withHeader("Authorization", equalTo("Bearer " + JWT)));
        // The journal is in the server's default DataSource, next to the shop's tables.
        JsonObject journal = journal(tx);
        assertEquals(1, journal.getInt("deliveries"), "duplicates are counted, not journaled: " + journal);
        assertEquals(1, journal.getJsonArray("claims").size(), journal::toString);
        assertEquals("APPLIED", journal.getJsonArray("claims").getJsonObject(0).getString("status"));
    }

    @Test
    @Order(11)
    void aForgedIpnIsRejectedByTheApiConfirmation() {
        String orderId = newOrder("10.00", "EUR");
        // The API does not know the transaction.
        String unknown = UUID.randomUUID().toString();
        API.transactionAnswers(unknown, 404, "{\"message\": \"Transaction not found\"}");
        assertIpn(200, "ok", checkoutIpn(unknown, 2, orderId));
        // The API knows it, but it failed.
        String failed = UUID.randomUUID().toString();
        API.transaction(failed, 5, orderId, "10.00", "EUR");
        assertIpn(200, "ok", checkoutIpn(failed, 2, orderId));

        JsonObject order = order(orderId);
        assertEquals("NEW", order.getString("status"));
        assertEquals(0, order.getInt("paidCount"));
        assertEquals("UNCONFIRMED", events(unknown).getJsonObject(0).getString("detail"));
        assertEquals("UNCONFIRMED", events(failed).getJsonObject(0).getString("detail"));
    }

    @Test
    @Order(12)
    void anAmountMismatchIsNeverAPayment() {
        String orderId = newOrder("99.00", "EUR");
        String tx = UUID.randomUUID().toString();
        API.transaction(tx, 2, orderId, "9.90", "EUR");
        assertIpn(200, "ok", checkoutIpn(tx, 2, orderId));
        assertEquals(0, order(orderId).getInt("paidCount"));
        assertEquals("AMOUNT_MISMATCH", events(tx).getJsonObject(0).getString("detail"));
    }

    @Test
    @Order(13)
    void sourceAddressesAreCheckedBehindTheTrustedProxy() {
        String orderId = newOrder("15.00", "EUR");
        String tx = UUID.randomUUID().toString();
        API.transaction(tx, 2, orderId, "15.00", "EUR");
        byte[] body = checkoutIpn(tx, 2, orderId).getBytes(StandardCharsets.UTF_8);

        // 127.0.0.1 is a trusted proxy: the address it forwards for is the sender.
        HttpResponse<String> outsider = http.post("payop/ipn", "application/json", body,
                "X-Forwarded-For", "203.0.113.7");
        assertEquals(403, outsider.statusCode(), outsider::body);
        assertEquals("forbidden", outsider.body());
        assertEquals(0, journal(tx).getInt("deliveries"));
        PAYOP.verify(0, getRequestedFor(urlEqualTo("/v2/transactions/" + tx)));

        HttpResponse<String> payop = http.post("payop/ipn", "application/json", body,
                "X-Forwarded-For", "18.199.249.46");
        assertEquals(200, payop.statusCode(), payop::body);
        assertEquals("PAID", order(orderId).getString("status"));
    }

    @Test
    @Order(14)
    void aHandlerFailureRollsBackAndTheRetryAppliesOnce() {
        String orderId = newOrder("25.00", "EUR");
        String tx = UUID.randomUUID().toString();
        API.transaction(tx, 2, orderId, "25.00", "EUR");
        assertEquals(204, http.postForm("shop/admin/faults/" + orderId, Map.of()).statusCode());

        assertIpn(500, "retry later", checkoutIpn(tx, 2, orderId));
        // The credit was written before the observer failed: it is gone with the journal's claim,
        // so the order update and the journal are one transaction.
        assertEquals("NEW", order(orderId).getString("status"));
        assertEquals(0, order(orderId).getInt("paidCount"));
        JsonObject journal = journal(tx);
        assertTrue(journal.getJsonArray("claims").stream()
                .noneMatch(c -> c.asJsonObject().getString("status").equals("APPLIED")), journal::toString);

        assertIpn(200, "ok", checkoutIpn(tx, 2, orderId));
        assertIpn(200, "duplicate", checkoutIpn(tx, 2, orderId));
        assertEquals(1, order(orderId).getInt("paidCount"));
    }

    @Test
    @Order(15)
    void aFailedPaymentCanStillBeAccepted() {
        String orderId = newOrder("8.00", "EUR");
        String tx = UUID.randomUUID().toString();
        API.transaction(tx, 5, orderId, "8.00", "EUR");
        assertIpn(200, "ok", checkoutIpn(tx, 5, orderId));
        assertEquals("NEW", order(orderId).getString("status"));
        assertTrue(events(tx).getJsonObject(0).getString("detail").startsWith("FAILED"), () -> events(tx).toString());

        API.transaction(tx, 2, orderId, "8.00", "EUR");
        assertIpn(200, "ok", checkoutIpn(tx, 2, orderId));
        assertEquals("PAID", order(orderId).getString("status"));
        assertEquals(1, order(orderId).getInt("paidCount"));
    }

    @Test
    @Order(16)
    void aFailureAfterAcceptanceIsAnAnomalyAndThePaymentStands() {
        String orderId = newOrder("8.50", "EUR");
        String tx = UUID.randomUUID().toString();
        API.transaction(tx, 2, orderId, "8.50", "EUR");
        assertIpn(200, "ok", checkoutIpn(tx, 2, orderId));

        API.transaction(tx, 5, orderId, "8.50", "EUR");
        assertIpn(200, "ok", checkoutIpn(tx, 5, orderId));

        JsonObject order = order(orderId);
        assertEquals("PAID", order.getString("status"));
        assertEquals(1, order.getInt("paidCount"));
        assertEquals("DOWNGRADE", events(tx).getJsonObject(0).getString("detail"));
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

    @Test
    @Order(18)
    void aSecondTransactionPayingAPaidOrderIsAnAnomalyNotASecondCredit() {
        String orderId = newOrder("7.00", "EUR");
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        API.transaction(first, 2, orderId, "7.00", "EUR");
        API.transaction(second, 2, orderId, "7.00", "EUR");
        assertIpn(200, "ok", checkoutIpn(first, 2, orderId));
        assertIpn(200, "ok", checkoutIpn(second, 2, orderId));
        assertIpn(200, "duplicate", checkoutIpn(first, 2, orderId)); // the paid order still verifies its own IPN

        assertEquals(1, order(orderId).getInt("paidCount"));
        assertEquals(first, order(orderId).getString("txId"));
        assertEquals("ALREADY_PAID", events(second).getJsonObject(0).getString("detail"));
    }

    // ---------------------------------------------------------------- last: the logs

    @Test
    @Order(100)
    void noSecretReachedAnyLog() {
        String logs = ConsoleCapture.everything();
        assertTrue(logs.contains("PAYOP4J-3002"), "the server's log lines should have been captured");
        for (String secret : List.of(SECRET_KEY, JWT, CARD_PAN, "1ay4YEZXF75BTraFw")) {
            assertFalse(logs.contains(secret), "a secret reached a log: " + secret.substring(0, 4) + "...");
        }
    }

    // ---------------------------------------------------------------- helpers

    private String newOrder(String amount, String currency) {
        HttpResponse<String> created = http.postForm("shop/orders",
                Map.of("amount", amount, "currency", currency, "email", "buyer@example.com"));
        assertEquals(201, created.statusCode(), created::body);
        return jsonOf(created).getString("id");
    }

    private JsonObject order(String id) {
        HttpResponse<String> r = http.get("shop/orders/" + id);
        assertEquals(200, r.statusCode(), r::body);
        return jsonOf(r);
    }

    private JsonArray events(String objectId) {
        HttpResponse<String> r = http.get("shop/admin/events/" + objectId);
        assertEquals(200, r.statusCode(), r::body);
        return Json.createReader(new StringReader(r.body())).readArray();
    }

    private JsonObject journal(String objectId) {
        return jsonOf(http.get("shop/admin/journal/" + objectId));
    }

    private void assertIpn(int status, String word, String body) {
        HttpResponse<String> r = http.post("payop/ipn", "application/json", body.getBytes(StandardCharsets.UTF_8));
        assertEquals(status, r.statusCode(), () -> r.body() + " for " + body);
        assertEquals(word, r.body());
    }

    private void paymentMethods() {
        String methods = Docs.json("payment-methods.json").replace("\"currencies\": [\"USD\"]",
                "\"currencies\": [\"USD\", \"EUR\"]");
        String card = """
                {"identifier": 381, "type": "cards_international", "formType": "cards", "title": "Cards via Payop",
                 "logo": "https://payop.com/assets/images/payment_methods/visa.jpg", "parentIdentifier": null,
                 "currencies": ["EUR"], "countries": [],
                 "config": {"fields": [{"name": "email", "type": "email", "required": true},
                                       {"name": "name", "type": "text", "required": true}]}}""";
        methods = methods.replace("    }\n  ],", "    },\n" + card + "\n  ],");
        PAYOP.stubFor(get(urlPathEqualTo("/v1/instrument-settings/payment-methods/available-for-application/"
                + PROJECT_ID)).willReturn(json(200, methods)));
    }

    private static JsonObject jsonOf(HttpResponse<String> r) {
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    /** Payop's invoice signature, computed independently of payop-core. */
    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomHex() {
        byte[] b = new byte[8];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
