package io.github.payop4j.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.payop4j.it.support.EmulatedPayop.FAIL_URL;
import static io.github.payop4j.it.support.EmulatedPayop.REPEATS;
import static io.github.payop4j.it.support.EmulatedPayop.RESULT_URL;
import static io.github.payop4j.it.support.EmulatedPayop.WAIT;
import static io.github.payop4j.it.support.EmulatedPayop.fill;
import static io.github.payop4j.it.support.EmulatedPayop.invoiceOf;
import static io.github.payop4j.it.support.EmulatedPayop.landedOn;
import static io.github.payop4j.it.support.Webshop.json;
import static io.github.payop4j.it.support.Webshop.jsonArray;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.balance.BalanceQuery;
import io.github.payop4j.checkout.Card;
import io.github.payop4j.ipn.IpnKind;
import io.github.payop4j.it.support.ConsoleCapture;
import io.github.payop4j.it.support.EmulatedPayop;
import io.github.payop4j.it.support.HtmlPage;
import io.github.payop4j.it.support.Http;
import io.github.payop4j.it.support.IpnDeliveries;
import io.github.payop4j.it.support.Signatures;
import io.github.payop4j.it.support.Sodium;
import io.github.payop4j.it.support.Webshop;
import io.github.payop4j.money.CurrencyCode;
import io.github.payop4j.testkit.ApiFault;
import io.github.payop4j.testkit.Operation;
import io.github.payop4j.testkit.PayopEmulator;
import io.github.payop4j.testkit.SentIpn;
import io.github.payop4j.testkit.TestCards;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The webshop paid through the Payop emulator (payop-testkit, in this JVM; see
 * {@link EmulatedPayop} for the delivery habits it runs with): the payer's pages over plain HTTP
 * (Payop's hosted page, the bank's page, the issuer's 3-D Secure page), the staff's refund and
 * payout through the shop's injected {@code PayopClient}, and every IPN sent by the emulator,
 * never by the test. Each test asserts what the shop shows afterwards and what Payop saw the shop
 * answer; the exact requests are checked on the emulator's WireMock.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmulatedCheckoutIT {

    private static final PayopEmulator PAYOP;
    private static final IpnDeliveries IPNS;
    /** The card token of the card payment, for the log check. */
    private static volatile String cardToken = "no card token yet";

    static {
        ConsoleCapture.start();
        // Before Arquillian builds the deployment, which carries the emulator's URLs and credentials.
        PAYOP = EmulatedPayop.start();
        IPNS = EmulatedPayop.deliveries(PAYOP);
    }

    @ArquillianResource
    private URL base;

    private Http http;
    private Webshop shop;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return EmulatedPayop.webshop(PAYOP, "payop-webshop-checkout.war");
    }

    @AfterAll
    static void stopEmulator() {
        PAYOP.close();
    }

    @BeforeEach
    void setUp() {
        http = new Http(base);
        shop = new Webshop(http);
        PAYOP.reset();
        PAYOP.sendIpnsTo(shop.ipnUrl());
    }

    @AfterEach
    void nothingIsLeftUndelivered() {
        PAYOP.awaitIpnsSettled(WAIT);
    }

    // ---------------------------------------------------------------- the payer

    @Test
    @Order(1)
    void aHostedPagePaymentIsCreditedOnceThoughPayopNotifiesThreeTimes() {
        String orderId = shop.newOrder("49.90", "EUR");
        Map<String, Long> countsBefore = shop.ipnCounts();

        // A browser that adds amount/currency parameters cannot change what is charged.
        HttpResponse<String> redirect = http.get("payop-checkout/payop/orders/" + orderId
                + "/hosted-page?amount=0.01&currency=USD");
        assertEquals(303, redirect.statusCode(), redirect::body);
        URI payopPage = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        String invoiceId = invoiceOf(payopPage);
        assertEquals(URI.create(PAYOP.checkoutUrl() + "/en/payment/invoice-preprocessing/" + invoiceId), payopPage);
        PAYOP.wireMock().verify(1, postRequestedFor(urlEqualTo("/v1/invoices/create")).withoutHeader("Authorization")
                .withRequestBody(equalToJson("""
                        {"publicKey": "%s",
                         "order": {"id": "%s", "amount": "49.90", "currency": "EUR", "description": "Order %s",
                                   "items": [{"id": "sku-%s", "name": "Coffee beans", "price": "49.90"}]},
                         "signature": "%s",
                         "payer": {"email": "buyer@example.com"},
                         "language": "en", "resultUrl": "%s", "failPath": "%s"}""".formatted(PAYOP.publicKey(), orderId,
                        orderId, orderId, Signatures.invoice("49.90", "EUR", orderId, PAYOP.secretKey()), RESULT_URL,
                        FAIL_URL), false, true)));

        // Payop's page shows the table's amount; the payer picks cards, types a name and pays.
        HtmlPage methods = HtmlPage.of(http.get(payopPage));
        assertTrue(methods.html().contains(">49.90 EUR<"), methods::html);
        HttpResponse<String> paid = HtmlPage.of(http.get(methods.link("method-381"))).form("payment-form")
                .with("name", "Jane Doe").with("action", "pay").submit(http);
        String tx = landedOn(paid, RESULT_URL, invoiceId);

        IPNS.assertAppliedOnce(tx, IpnKind.CHECKOUT, 2);
        JsonObject order = shop.order(orderId);
        assertEquals("PAID", order.getString("status"));
        assertEquals(1, order.getInt("paidCount"));
        assertEquals(tx, order.getString("txId"));
        // Confirmed with the API once, with the JWT: the repeats are answered from the journal.
        PAYOP.wireMock().verify(1, getRequestedFor(urlEqualTo("/v2/transactions/" + tx))
                .withHeader("Authorization", equalTo("Bearer " + PAYOP.jwtToken())));
        JsonObject journal = shop.journal(tx);
        assertEquals(1, journal.getInt("deliveries"), "repeats are counted, not journaled: " + journal);
        assertEquals(1, journal.getJsonArray("claims").size(), journal::toString);
        assertEquals("APPLIED", journal.getJsonArray("claims").getJsonObject(0).getString("status"));
        Map<String, Long> counts = shop.ipnCounts();
        assertEquals(1, counts.get("PROCESSED") - countsBefore.get("PROCESSED"), counts::toString);
        assertEquals(REPEATS - 1, counts.get("DUPLICATE") - countsBefore.get("DUPLICATE"), counts::toString);

        // A paid order cannot be paid again.
        assertEquals(404, http.get("payop-checkout/payop/orders/" + orderId + "/hosted-page").statusCode());
    }

    @Test
    @Order(2)
    void aDirectPaymentGoesThroughTheBankPageAndIsCreditedOnce() {
        String orderId = shop.newOrder("12.00", "EUR");
        HttpResponse<String> listed = http.get("payop-checkout/payop/orders/" + orderId + "/payment-methods");
        assertEquals(200, listed.statusCode(), listed::body);
        Map<Integer, String> flows = new LinkedHashMap<>();
        jsonArray(listed).forEach(m -> flows.put(m.asJsonObject().getInt("id"), m.asJsonObject().getString("flow")));
        assertEquals(Map.of(381, "card", 336, "direct", 203822, "direct"), flows, listed.body());

        HttpResponse<String> started = http.postJson("payop-checkout/payop/orders/" + orderId + "/direct", """
                {"paymentMethod": 336, "amount": "0.01", "currency": "USD",
                 "payer": {"email": "buyer@example.com", "name": "Jane Doe", "fields": {"nationalid": "20-1234"}}}""");
        assertEquals(200, started.statusCode(), started::body);
        JsonObject answer = json(started);
        String invoiceId = answer.getString("invoiceId");
        String tx = answer.getString("transactionId");
        PAYOP.wireMock().verify(1, postRequestedFor(urlEqualTo("/v1/invoices/create")).withRequestBody(equalToJson(
                "{\"order\": {\"id\": \"" + orderId + "\", \"amount\": \"12.00\", \"currency\": \"EUR\"},"
                        + " \"signature\": \""
                        + Signatures.invoice("12.00", "EUR", orderId, PAYOP.secretKey()) + "\"}", false, true)));
        PAYOP.wireMock().verify(1, postRequestedFor(urlEqualTo("/v1/checkout/create")).withRequestBody(equalToJson(
                "{\"invoiceIdentifier\": \"" + invoiceId + "\", \"paymentMethod\": 336, \"checkStatusUrl\": \""
                        + answer.getString("continue") + "\"}", false, true)));

        // The next step Payop names: the bank's page, where the payer confirms.
        JsonObject step = json(http.get(URI.create(answer.getString("next"))));
        assertEquals("redirect", step.getString("type"), step::toString);
        URI bankPage = URI.create(step.getString("url"));
        assertEquals(URI.create(PAYOP.checkoutUrl() + "/bank/" + tx), bankPage);
        landedOn(HtmlPage.of(http.get(bankPage)).form("bank-form").with("action", "pay").submit(http), RESULT_URL,
                invoiceId);

        IPNS.assertAppliedOnce(tx, IpnKind.CHECKOUT, 2);
        assertEquals("PAID", shop.order(orderId).getString("status"));
        assertEquals(1, shop.order(orderId).getInt("paidCount"));
        // The payer's way back to the shop now leads to the result page.
        HttpResponse<String> back = http.get(URI.create(answer.getString("continue")));
        assertEquals(303, back.statusCode(), back::body);
        assertEquals(fill(RESULT_URL, invoiceId, tx), back.headers().firstValue("Location").orElseThrow());
    }

    @Test
    @Order(3)
    void aCardPaymentPassesThe3dsChallengeAndIsCreditedOnce() {
        String orderId = shop.newOrder("30.00", "EUR");
        Card card = TestCards.card(TestCards.THREE_D_SECURE);
        HttpResponse<String> started = http.postJson("payop-checkout/payop/orders/" + orderId + "/card", """
                {"pan": "%s", "expirationDate": "%s", "cvv": "%s", "holderName": "JANE DOE",
                 "email": "buyer@example.com", "name": "Jane Doe", "paymentMethod": 381}"""
                .formatted(card.pan(), card.expirationDate(), card.cvv()));
        assertEquals(200, started.statusCode(), started::body);
        assertFalse(started.body().contains(card.pan()));
        JsonObject answer = json(started);
        String invoiceId = answer.getString("invoiceId");
        String tx = answer.getString("transactionId");
        PAYOP.wireMock().verify(1, postRequestedFor(urlEqualTo("/v1/invoices/create")).withRequestBody(equalToJson(
                "{\"order\": {\"amount\": \"30.00\", \"currency\": \"EUR\"}, \"paymentMethod\": 381}", false, true)));
        PAYOP.wireMock().verify(1, postRequestedFor(urlEqualTo("/v1/payment-tools/card-token/create")).withRequestBody(
                equalToJson("{\"invoiceIdentifier\": \"" + invoiceId + "\", \"pan\": \"" + card.pan() + "\"}", false,
                        true)));
        cardToken = json(PAYOP.wireMock().findAll(postRequestedFor(urlEqualTo("/v1/checkout/create"))).get(0)
                .getBodyAsString()).getString("cardToken");
        assertEquals(0, shop.order(orderId).getInt("paidCount"), "the challenge is still open");

        // Continue: the adapter's page posts Payop's 3-D Secure form to the issuer, at once.
        HttpResponse<String> toIssuer = http.get(URI.create(answer.getString("continue")));
        assertEquals(200, toIssuer.statusCode(), toIssuer::body);
        assertTrue(toIssuer.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'nonce-"));
        HtmlPage.Form acsForm = HtmlPage.of(toIssuer).form("payop-continue");
        assertEquals(URI.create(PAYOP.checkoutUrl() + "/acs"), acsForm.action());
        assertEquals(tx, acsForm.fields().get("MD"));
        HtmlPage challenge = HtmlPage.of(acsForm.submit(http));
        assertTrue(challenge.html().contains("Card ending 3220"), challenge::html);
        landedOn(challenge.form("challenge-form").with("action", "pass").submit(http), RESULT_URL, invoiceId);

        IPNS.assertAppliedOnce(tx, IpnKind.CHECKOUT, 2);
        assertEquals("PAID", shop.order(orderId).getString("status"));
        assertEquals(1, shop.order(orderId).getInt("paidCount"));
    }

    // ---------------------------------------------------------------- the shop's staff

    @Test
    @Order(4)
    void theShopRefundsThroughItsInjectedClientAndPayopsRefundIpnUpdatesTheOrder() {
        String orderId = shop.newOrder("20.00", "EUR");
        String tx = PAYOP.pay(invoiceOf(shop.startHostedPage(orderId)));
        IPNS.assertAppliedOnce(tx, IpnKind.CHECKOUT, 2);

        // Payop answers the refund call slowly, but notifies at once: its IPN reaches the shop
        // while the staff's refund call is still waiting, before the shop has the refund's id.
        PAYOP.inject(Operation.CREATE_REFUND, ApiFault.slow(Duration.ofSeconds(2)).times(1));
        HttpResponse<String> refund = http.postForm("shop/admin/orders/" + orderId + "/refund", Map.of());
        Instant answered = Instant.now();
        assertEquals(200, refund.statusCode(), refund::body);
        String refundId = json(refund).getString("refundId");
        PAYOP.wireMock().verify(1, postRequestedFor(urlEqualTo("/v1/refunds/create"))
                .withHeader("Authorization", equalTo("Bearer " + PAYOP.jwtToken()))
                .withRequestBody(equalToJson("{\"transactionIdentifier\": \"" + tx + "\", \"refundType\": 1}",
                        false, false)));

        SentIpn first = IPNS.assertAppliedOnce(refundId, IpnKind.REFUND, 2).get(0);
        assertTrue(first.sentAt().isBefore(answered), "the refund IPN should overtake the refund call's answer");
        JsonObject order = shop.order(orderId);
        assertEquals(refundId, order.getString("refundId"));
        assertEquals("ACCEPTED", order.getString("refundStatus"));
        assertEquals(1, shop.events(refundId).size(), () -> shop.events(refundId).toString());
        assertEquals("RefundUpdated", shop.events(refundId).getJsonObject(0).getString("kind"));
    }

    @Test
    @Order(5)
    void theShopPaysOutThroughItsInjectedClientSealedToPayopsCertificate() {
        String batch = "batch-" + UUID.randomUUID();
        Map<String, String> form = Map.of("amount", "120.50", "currency", "EUR", "email", "supplier@example.com",
                "batch", batch);
        HttpResponse<String> payout = http.postForm("shop/admin/payouts", form);
        assertEquals(200, payout.statusCode(), payout::body);
        assertEquals(batch, json(payout).getString("idempotencyKey"));
        String withdrawalId = json(payout).getJsonArray("withdrawals").getString(0);

        // What was sealed is exactly the payout, as the reference libsodium opens it with Payop's key.
        var requests = PAYOP.wireMock().findAll(postRequestedFor(urlEqualTo("/v1/withdrawals/create-mass"))
                .withHeader("Authorization", equalTo("Bearer " + PAYOP.jwtToken()))
                .withHeader("idempotency-key", equalTo(batch)));
        assertEquals(1, requests.size());
        byte[] sealed = Base64.getDecoder().decode(json(requests.get(0).getBodyAsString()).getString("data"));
        assertEquals("[{\"method\":15,\"type\":1,\"amount\":120.50,\"currency\":\"EUR\",\"additionalData\":"
                + "{\"direction\":\"Supplier payout\",\"email\":\"supplier@example.com\",\"recipientAccountType\":1}}]",
                Sodium.open(sealed, PAYOP.withdrawalCertificate().publicKey(), PAYOP.withdrawalSecretKey()));

        IPNS.assertAppliedOnce(withdrawalId, IpnKind.WITHDRAWAL, 2);
        assertEquals(1, shop.events(withdrawalId).size(), () -> shop.events(withdrawalId).toString());
        assertEquals("ACCEPTED", shop.events(withdrawalId).getJsonObject(0).getString("detail"));

        // The same batch again (a staff member's double click): Payop pays out once.
        HttpResponse<String> again = http.postForm("shop/admin/payouts", form);
        assertEquals(200, again.statusCode(), again::body);
        assertEquals(withdrawalId, json(again).getJsonArray("withdrawals").getString(0));
        PAYOP.awaitIpnsSettled(WAIT);
        assertEquals(REPEATS, PAYOP.sentIpns().size(), () -> IpnDeliveries.describe(PAYOP.sentIpns()));
        String available = PAYOP.client().wallet().balances(BalanceQuery.currencies(CurrencyCode.of("EUR")))
                .currencies().get(0).available();
        assertEquals(0, new BigDecimal("879.50").compareTo(new BigDecimal(available)), available);
    }

    // ---------------------------------------------------------------- last: the logs

    @Test
    @Order(100)
    void noSecretReachedAnyLog() {
        ConsoleCapture.assertNoneLogged(List.of(PAYOP.secretKey(), PAYOP.jwtToken(), TestCards.THREE_D_SECURE,
                cardToken));
    }
}
