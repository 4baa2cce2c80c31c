package io.github.payop4j.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.payop4j.it.support.PayopApi.checkoutIpn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.payop4j.it.ledger.Ledger;
import io.github.payop4j.it.ledger.LedgerApplication;
import io.github.payop4j.it.ledger.LedgerHandler;
import io.github.payop4j.it.ledger.LedgerOrders;
import io.github.payop4j.it.support.ConsoleCapture;
import io.github.payop4j.it.support.Http;
import io.github.payop4j.it.support.PayopApi;
import io.github.payop4j.it.support.PayopStub;
import io.github.payop4j.it.support.Wars;
import io.github.payop4j.ipn.IpnHandler;
import io.github.payop4j.ipn.IpnOrderLookup;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * payop-ipn-servlet without CDI (README: "Receiving Payop IPNs without CDI"): the servlet
 * registered by its ServletContainerInitializer at {@code /payop/ipn}, configured by context
 * parameters, a ServiceLoader handler writing to the default DataSource, the JDBC journal there
 * too. Every IPN case on both servers, in one deployment. The WAR is configured with the keys of
 * the previous release (issue 8): it deploys, each old key is named once with its replacement,
 * and the values mean what they meant.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IpnServletIT {

    private static final WireMockServer PAYOP;
    private static final PayopApi API;

    static {
        ConsoleCapture.start();
        PAYOP = PayopStub.start();
        API = new PayopApi(PAYOP);
    }

    static final String JWT = "jwt-ipn-" + UUID.randomUUID();

    @ArquillianResource
    private URL base;

    private Http http;

    @Deployment(testable = false)
    static WebArchive ledger() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("payop.jwt-token", JWT);
        params.put("payop.api-url", PAYOP.baseUrl());
        params.put("payop.ipn.allowed-ips", "127.0.0.1, 18.199.249.46");
        params.put("payop.ipn.trusted-proxies", "127.0.0.1");
        // The previous release's keys, each read once more with a warning naming its replacement.
        params.put("payop.ipn.journal", "java:comp/DefaultDataSource");
        params.put("payop.ipn.journal.table-prefix", "ledger_ipn_");
        params.put("payop.ipn.api-timeout-seconds", "5");
        params.put("payop.ipn.lease-seconds", "120");
        return Wars.withIpnServlet("payop-ledger.war", params)
                .addClasses(Ledger.class, LedgerApplication.class, LedgerApplication.Entries.class,
                        LedgerApplication.Setup.class, LedgerHandler.class, LedgerOrders.class)
                .addAsServiceProvider(IpnHandler.class, LedgerHandler.class)
                .addAsServiceProvider(IpnOrderLookup.class, LedgerOrders.class);
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

    @Test
    @Order(1)
    void anAcceptedPaymentIsConfirmedAndCreditedOnceHoweverOftenItArrives() {
        String order = "o-" + UUID.randomUUID() + "_12.50_EUR";
        String tx = UUID.randomUUID().toString();
        API.transaction(tx, 2, order, "12.50", "EUR");
        ipn(200, "ok", checkoutIpn(tx, 2, order));
        ipn(200, "duplicate", checkoutIpn(tx, 2, order));
        ipn(200, "duplicate", checkoutIpn(tx, 2, order));
        JsonArray entries = entries(tx);
        assertEquals(1, entries.size(), entries::toString);
        assertEquals("PaymentAccepted", entries.getJsonObject(0).getString("kind"));
        PAYOP.verify(1, getRequestedFor(urlEqualTo("/v2/transactions/" + tx))
                .withHeader("Authorization", equalTo("Bearer " + JWT)));
    }

    @Test
    @Order(2)
    void forgedIpnsAreNeverPayments() {
        String order = "o-" + UUID.randomUUID() + "_12.50_EUR";
        String unknown = UUID.randomUUID().toString();
        API.transactionAnswers(unknown, 404, "{\"message\": \"Transaction not found\"}");
        ipn(200, "ok", checkoutIpn(unknown, 2, order));
        assertEquals(List.of("Anomaly:UNCONFIRMED"), kinds(unknown));

        String failed = UUID.randomUUID().toString();
        API.transaction(failed, 5, order, "12.50", "EUR");
        ipn(200, "ok", checkoutIpn(failed, 2, order));
        assertEquals(List.of("Anomaly:UNCONFIRMED"), kinds(failed));
    }

    @Test
    @Order(3)
    void anAmountMismatchAndAnUnknownOrderAreAnomalies() {
        String order = "o-" + UUID.randomUUID() + "_12.50_EUR";
        String tx = UUID.randomUUID().toString();
        API.transaction(tx, 2, order, "1.25", "EUR");
        ipn(200, "ok", checkoutIpn(tx, 2, order));
        assertEquals(List.of("Anomaly:AMOUNT_MISMATCH"), kinds(tx));

        String stranger = "no-such-order";
        String tx2 = UUID.randomUUID().toString();
        API.transaction(tx2, 2, stranger, "12.50", "EUR");
        ipn(200, "ok", checkoutIpn(tx2, 2, stranger));
        assertEquals(List.of("Anomaly:UNKNOWN_ORDER"), kinds(tx2));
    }

    @Test
    @Order(4)
    void sourcesAreCheckedAndOnlyTheTrustedProxyIsBelieved() {
        String order = "o-" + UUID.randomUUID() + "_3_EUR";
        String tx = UUID.randomUUID().toString();
        API.transaction(tx, 2, order, "3.00", "EUR");
        byte[] body = checkoutIpn(tx, 2, order).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> outsider = http.post("payop/ipn", "application/json", body, "X-Forwarded-For", "203.0.113.7");
        assertEquals(403, outsider.statusCode());
        assertEquals("forbidden", outsider.body());
        HttpResponse<String> spoofed = http.post("payop/ipn", "application/json", body,
                "X-Forwarded-For", "18.199.249.46, 203.0.113.7");
        assertEquals(403, spoofed.statusCode(), "the rightmost untrusted address is the sender");
        assertEquals(List.of(), kinds(tx));
        PAYOP.verify(0, getRequestedFor(urlEqualTo("/v2/transactions/" + tx)));

        HttpResponse<String> payop = http.post("payop/ipn", "application/json", body, "X-Forwarded-For", "18.199.249.46");
        assertEquals(200, payop.statusCode(), payop::body);
        assertEquals(List.of("PaymentAccepted:ACCEPTED"), kinds(tx));
    }

    @Test
    @Order(5)
    void aHandlerFailureAnswers500AndTheRetryAppliesOnce() {
        String order = LedgerHandler.FLAKY + UUID.randomUUID() + "_7.00_EUR";
        String tx = UUID.randomUUID().toString();
        API.transaction(tx, 2, order, "7.00", "EUR");
        ipn(500, "retry later", checkoutIpn(tx, 2, order));
        assertEquals(List.of(), kinds(tx));
        ipn(200, "ok", checkoutIpn(tx, 2, order));
        ipn(200, "duplicate", checkoutIpn(tx, 2, order));
        assertEquals(List.of("PaymentAccepted:ACCEPTED"), kinds(tx));
    }

    @Test
    @Order(6)
    void failedThenAcceptedIsAPaymentButAcceptedThenFailedIsADowngrade() {
        String order = "o-" + UUID.randomUUID() + "_4.00_EUR";
        String tx = UUID.randomUUID().toString();
        API.transaction(tx, 5, order, "4.00", "EUR");
        ipn(200, "ok", checkoutIpn(tx, 5, order));
        API.transaction(tx, 2, order, "4.00", "EUR");
        ipn(200, "ok", checkoutIpn(tx, 2, order));
        // A failure already applied before the acceptance is a duplicate, not news.
        API.transaction(tx, 5, order, "4.00", "EUR");
        ipn(200, "duplicate", checkoutIpn(tx, 5, order));
        assertEquals(List.of("PaymentAccepted:ACCEPTED", "PaymentFailed:FAILED"), kinds(tx));

        // Another order: a second transaction paying the first one would be a double payment (ALREADY_PAID).
        String order2 = "o-" + UUID.randomUUID() + "_4.00_EUR";
        String tx2 = UUID.randomUUID().toString();
        API.transaction(tx2, 2, order2, "4.00", "EUR");
        ipn(200, "ok", checkoutIpn(tx2, 2, order2));
        API.transaction(tx2, 5, order2, "4.00", "EUR");
        ipn(200, "ok", checkoutIpn(tx2, 5, order2));
        assertEquals(List.of("Anomaly:DOWNGRADE", "PaymentAccepted:ACCEPTED"), kinds(tx2));
    }

    @Test
    @Order(7)
    void refundAndWithdrawalIpnsAreConfirmedWithTheApi() {
        String refund = UUID.randomUUID().toString();
        String source = UUID.randomUUID().toString();
        API.refund(refund, 2, "10", "USD", source);
        ipn(200, "ok", PayopApi.refundIpn(refund, 2, "10", "USD", source));
        assertEquals(List.of("RefundUpdated:ACCEPTED"), kinds(refund));

        String forged = UUID.randomUUID().toString();
        API.refund(forged, 2, "10", "USD", source);
        ipn(200, "ok", PayopApi.refundIpn(forged, 2, "1000", "USD", source));
        assertEquals(List.of("Anomaly:AMOUNT_MISMATCH"), kinds(forged));

        String payout = UUID.randomUUID().toString();
        API.withdrawal(payout, 3, "100", "USD");
        ipn(200, "ok", PayopApi.withdrawalIpn(payout, 3));
        assertEquals(List.of("WithdrawalUpdated:REJECTED"), kinds(payout));
    }

    @Test
    @Order(8)
    void malformedBodiesAndOtherMethodsAreRefused() {
        ipn(400, "malformed", "");
        ipn(400, "malformed", "{\"transaction\": ");
        ipn(400, "malformed", "{\"transaction\": {\"id\": \"x y\", \"state\": 2}}");
        ipn(400, "malformed", "{\"invoice\": {}, \"transaction\": {\"id\": \"t-1\"}}");
        HttpResponse<String> get = http.get("payop/ipn");
        assertEquals(405, get.statusCode());
        assertEquals("method not allowed", get.body());
    }

    @Test
    @Order(90)
    void theOldKeysDeployedAndEachWasNamedOnceWithItsReplacement() {
        for (String warning : List.of(
                "PAYOP-CONFIG-001 payop.ipn.journal is an old name: read as payop.ipn.datasource=java:comp/DefaultDataSource",
                "PAYOP-CONFIG-001 payop.ipn.journal.table-prefix is an old name: read as payop.ipn.table-prefix=ledger_ipn_",
                "PAYOP-CONFIG-001 payop.ipn.api-timeout-seconds is an old name: read as payop.http.connect-timeout=5s"
                        + " and payop.http.read-timeout=5s",
                "PAYOP-CONFIG-001 payop.ipn.lease-seconds is an old name: read as payop.ipn.lease=120s")) {
            assertEquals(1, ConsoleCapture.countLines(warning, 1), warning);
        }
        assertEquals(4, ConsoleCapture.countLines("PAYOP-CONFIG-001", 4));
        // The servers run with PAYOP_HTTP_MAX_ATTEMPTS and PAYOP_IPN_MAX_BODY_BYTES set (failsafe's
        // environmentVariables): correctly named environment variables are no unknown settings.
        // (AdapterConfigIT's deliberate typo payop.languge may be in the same server's console.)
        assertEquals(List.of(), ConsoleCapture.console().lines()
                .filter(l -> l.contains("PAYOP-CONFIG-002") && !l.contains("payop.languge")).toList());
        // The journal is where the old keys put it: java:comp/DefaultDataSource, tables ledger_ipn_*.
        String order = "o-" + UUID.randomUUID() + "_3.00_EUR";
        String tx = UUID.randomUUID().toString();
        API.transaction(tx, 2, order, "3.00", "EUR");
        ipn(200, "ok", checkoutIpn(tx, 2, order));
        ipn(200, "duplicate", checkoutIpn(tx, 2, order));
        // The duplicate is counted, not journaled: one delivery row.
        assertEquals("1", http.get("ledger/entries/" + tx + "/journaled").body());
    }

    @Test
    @Order(100)
    void theJwtTokenReachedNoLog() {
        assertFalse(ConsoleCapture.everything().contains(JWT));
    }

    private void ipn(int status, String word, String body) {
        HttpResponse<String> r = http.post("payop/ipn", "application/json", body.getBytes(StandardCharsets.UTF_8));
        assertEquals(status, r.statusCode(), () -> r.body() + " for " + body);
        assertEquals(word, r.body());
    }

    private JsonArray entries(String objectId) {
        HttpResponse<String> r = http.get("ledger/entries/" + objectId);
        assertEquals(200, r.statusCode(), r::body);
        return Json.createReader(new StringReader(r.body())).readArray();
    }

    /** "Kind:detail" of every ledger entry for the object. */
    private List<String> kinds(String objectId) {
        return entries(objectId).stream()
                .map(v -> v.asJsonObject().getString("kind") + ":" + v.asJsonObject().getString("detail")).toList();
    }
}
