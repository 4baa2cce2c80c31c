package io.github.payop4j.it;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.payop4j.it.support.EmulatedPayop.FAIL_URL;
import static io.github.payop4j.it.support.EmulatedPayop.WAIT;
import static io.github.payop4j.it.support.EmulatedPayop.invoiceOf;
import static io.github.payop4j.it.support.EmulatedPayop.landedOn;
import static io.github.payop4j.it.support.Webshop.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.invoice.InvoiceRequest;
import io.github.payop4j.invoice.Payer;
import io.github.payop4j.ipn.IpnKind;
import io.github.payop4j.it.support.ConsoleCapture;
import io.github.payop4j.it.support.EmulatedPayop;
import io.github.payop4j.it.support.HtmlPage;
import io.github.payop4j.it.support.Http;
import io.github.payop4j.it.support.IpnDeliveries;
import io.github.payop4j.it.support.Webshop;
import io.github.payop4j.testkit.ApiFault;
import io.github.payop4j.testkit.Operation;
import io.github.payop4j.testkit.PayopEmulator;
import io.github.payop4j.testkit.SentIpn;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * Payop's ways of delivering IPNs, as the Payop emulator (payop-testkit, in this JVM; see
 * {@link EmulatedPayop}) reproduces them, against the webshop: a state changed late (failed, then
 * accepted), a delivery the shop could not apply (its own failure, or Payop's API failing while it
 * confirms) retried by Payop, a newer state delivered before an older one, a second payment of
 * the same order, an IPN from another address. Each is asserted on the shop (credits, events,
 * journal) and on what Payop saw the shop answer.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmulatedIpnDeliveryIT {

    private static final PayopEmulator PAYOP;
    private static final IpnDeliveries IPNS;

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
        return EmulatedPayop.webshop(PAYOP, "payop-webshop-ipn.war");
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

    @Test
    @Order(1)
    void aPaymentDeclinedAtTheBankThenAcceptedLateIsCreditedOnce() {
        String orderId = shop.newOrder("8.00", "EUR");
        URI payopPage = shop.startHostedPage(orderId);
        String invoiceId = invoiceOf(payopPage);
        HtmlPage.Form bankTransfer = HtmlPage.of(http.get(HtmlPage.of(http.get(payopPage)).link("method-203822")))
                .form("payment-form").with("name", "Jane Doe").with("date_of_birth", "01.02.1990");
        String tx = landedOn(bankTransfer.with("action", "fail").submit(http), FAIL_URL, invoiceId);

        IPNS.assertAppliedOnce(tx, IpnKind.CHECKOUT, 5);
        assertEquals("NEW", shop.order(orderId).getString("status"), "a failed payment leaves the order payable");
        assertEquals(1, shop.events(tx).size(), () -> shop.events(tx).toString());
        assertTrue(shop.events(tx).getJsonObject(0).getString("detail").startsWith("FAILED"));

        // Payop changes its mind, as it documents it may: failed, then accepted.
        PAYOP.acceptLate(tx);
        IPNS.assertAppliedOnce(tx, IpnKind.CHECKOUT, 2);
        assertEquals("PAID", shop.order(orderId).getString("status"));
        assertEquals(1, shop.order(orderId).getInt("paidCount"));
    }

    @Test
    @Order(2)
    void anIpnTheShopFailedOnIsRetriedByPayopAndCreditedOnce() {
        String orderId = shop.newOrder("25.00", "EUR");
        String invoiceId = invoiceOf(shop.startHostedPage(orderId));
        shop.failNextCredit(orderId);

        String tx = PAYOP.pay(invoiceId);

        List<SentIpn> sent = IPNS.of(tx);
        assertEquals(500, sent.get(0).status(), () -> IpnDeliveries.describe(sent));
        assertEquals("retry later", sent.get(0).response());
        assertEquals(2, sent.get(1).attempt(), () -> IpnDeliveries.describe(sent));
        IPNS.assertAppliedOnce(tx, IpnKind.CHECKOUT, 2);
        // The first attempt's credit was written, then rolled back with the journal's claim:
        // without one transaction around both, the retry would credit a second time.
        assertEquals("PAID", shop.order(orderId).getString("status"));
        assertEquals(1, shop.order(orderId).getInt("paidCount"));
        JsonObject journal = shop.journal(tx);
        assertEquals(1, journal.getJsonArray("claims").size(), journal::toString);
        assertEquals("APPLIED", journal.getJsonArray("claims").getJsonObject(0).getString("status"));
    }

    @Test
    @Order(3)
    void anIpnArrivingWhileTheApiFailsIsRetriedByPayopAndCreditedOnce() {
        String orderId = shop.newOrder("26.00", "EUR");
        String invoiceId = invoiceOf(shop.startHostedPage(orderId));
        PAYOP.inject(Operation.GET_TRANSACTION, ApiFault.serverError(500).times(1));

        String tx = PAYOP.pay(invoiceId);

        List<SentIpn> sent = IPNS.of(tx);
        assertEquals(503, sent.get(0).status(), () -> IpnDeliveries.describe(sent));
        assertEquals("retry later", sent.get(0).response(), "nothing confirmed, nothing applied: Payop must retry");
        IPNS.assertAppliedOnce(tx, IpnKind.CHECKOUT, 2);
        assertEquals(1, shop.order(orderId).getInt("paidCount"));
        PAYOP.wireMock().verify(2, getRequestedFor(urlEqualTo("/v2/transactions/" + tx)));
    }

    @Test
    @Order(4)
    void aFailureDeliveredAfterTheLaterAcceptanceNeverUndoesThePayment() {
        String orderId = shop.newOrder("9.00", "EUR");
        String invoiceId = invoiceOf(shop.startHostedPage(orderId));

        // Two state changes within the emulator's window: Payop delivers the newer one first.
        String tx = PAYOP.fail(invoiceId);
        PAYOP.acceptLate(tx);

        List<SentIpn> sent = IPNS.of(tx);
        assertEquals(List.of(2, 5), sent.stream().map(SentIpn::state).distinct().toList(),
                () -> IpnDeliveries.describe(sent));
        IPNS.assertAppliedOnce(tx, IpnKind.CHECKOUT, 2);
        assertEquals("PAID", shop.order(orderId).getString("status"));
        assertEquals(1, shop.order(orderId).getInt("paidCount"));
        // The stale failure is acknowledged (Payop stops) but never applied: the API says accepted,
        // so it is reported once as an anomaly, not recorded as a failed payment.
        assertEquals(1, shop.events(tx).size(), () -> shop.events(tx).toString());
        assertEquals("Anomaly", shop.events(tx).getJsonObject(0).getString("kind"));
        assertEquals("UNCONFIRMED", shop.events(tx).getJsonObject(0).getString("detail"));
        assertTrue(sent.stream().allMatch(SentIpn::acknowledged), () -> IpnDeliveries.describe(sent));
    }

    @Test
    @Order(5)
    void aSecondPaymentOfTheSameOrderIsReportedNotCredited() {
        String orderId = shop.newOrder("7.00", "EUR");
        // Two tabs get one invoice now (issue 13), so the second payment goes through an older
        // invoice for the same order: one made before the shop reused invoices, or by hand.
        String first = invoiceOf(shop.startHostedPage(orderId));
        assertEquals(first, invoiceOf(shop.startHostedPage(orderId)), "the second tab reuses the open invoice");
        String second = PAYOP.client().invoices().create(InvoiceRequest.builder().orderId(orderId).amount("7.00")
                .currency("EUR").payer(Payer.withEmail("buyer@example.com")).build()).invoiceId();
        String paying = PAYOP.pay(first);
        IPNS.assertAppliedOnce(paying, IpnKind.CHECKOUT, 2);
        String again = PAYOP.pay(second);
        IPNS.assertAppliedOnce(again, IpnKind.CHECKOUT, 2);

        assertEquals(1, shop.order(orderId).getInt("paidCount"));
        assertEquals(paying, shop.order(orderId).getString("txId"));
        assertEquals(1, shop.events(again).size(), () -> shop.events(again).toString());
        assertEquals("ALREADY_PAID", shop.events(again).getJsonObject(0).getString("detail"));
    }

    @Test
    @Order(6)
    void onlyPayopsAddressMayNotify() {
        String orderId = shop.newOrder("6.00", "EUR");
        String tx = PAYOP.pay(invoiceOf(shop.startHostedPage(orderId)));
        SentIpn fromPayop = IPNS.of(tx).get(0);
        assertEquals(EmulatedPayop.ADDRESS, fromPayop.source());

        // The same body from the test's own address (127.0.0.1) is not Payop's.
        HttpResponse<String> copy = http.post("payop/ipn", "application/json",
                fromPayop.body().getBytes(StandardCharsets.UTF_8));
        assertEquals(403, copy.statusCode(), copy::body);
        assertEquals(1, shop.order(orderId).getInt("paidCount"));
    }

    // ---------------------------------------------------------------- last: the logs

    @Test
    @Order(100)
    void noSecretReachedAnyLog() {
        ConsoleCapture.assertNoneLogged(List.of(PAYOP.secretKey(), PAYOP.jwtToken()));
    }
}
