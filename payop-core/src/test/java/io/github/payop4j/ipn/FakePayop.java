package io.github.payop4j.ipn;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.payop4j.invoice.InvoiceRequest;
import io.github.payop4j.invoice.Payer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Payop's invoice, transaction, refund and void answers for the tests of what the library records
 * beside the journal, in Payop's documented shapes; each test uses its own order and ids.
 */
final class FakePayop {

    private final WireMockExtension payop;

    FakePayop(WireMockExtension payop) {
        this.payop = payop;
    }

    static InvoiceRequest request(String orderId, String amount) {
        return InvoiceRequest.builder().orderId(orderId).amount(amount).currency("EUR")
                .payer(Payer.withEmail("jane@example.com")).resultUrl("https://shop.example/paid").build();
    }

    /** {@code POST /v1/invoices/create} for {@code orderId} answers these ids, one per call, after {@code delay}. */
    void createsInvoices(String orderId, Duration delay, String... ids) {
        String scenario = "create-" + orderId;
        for (int i = 0; i < ids.length; i++) {
            payop.stubFor(post("/v1/invoices/create").withRequestBody(containing(orderId)).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "created-" + i).willSetStateTo("created-" + (i + 1))
                    .willReturn(json("{\"data\": \"" + ids[i] + "\", \"status\": 1}").withHeader("identifier", ids[i])
                            .withFixedDelay((int) delay.toMillis())));
        }
    }

    int invoicesCreated(String orderId) {
        return payop.findAll(postRequestedFor(urlEqualTo("/v1/invoices/create")).withRequestBody(containing(orderId)))
                .size();
    }

    /** {@code GET /v1/invoices/{id}} in invoice.md's shape, {@code transactionIdentifier} as Payop's older docs show it. */
    void invoice(String id, String orderId, int status, String transactionId) {
        payop.stubFor(get("/v1/invoices/" + id).willReturn(json("{\"data\": {\"identifier\": \"" + id + "\", \"status\": "
                + status + ", \"type\": 1, \"amount\": 10, \"currency\": \"EUR\", \"orderIdentifier\": \"" + orderId
                + "\", \"items\": [], \"payer\": {\"email\": \"jane@example.com\"}, \"paymentMethod\": null,"
                + " \"createdAt\": 1567754398, \"transactionIdentifier\": "
                + (transactionId == null ? "null" : "\"" + transactionId + "\"") + "}, \"status\": 1}")));
    }

    /** How often the invoice was asked for ({@code GET /v1/invoices/{id}}). */
    int invoiceChecks(String invoiceId) {
        return payop.findAll(getRequestedFor(urlEqualTo("/v1/invoices/" + invoiceId))).size();
    }

    void transaction(String id, int state, String orderId) {
        IpnFixtures.apiTransaction(payop, id, state, orderId, "10.00", "EUR", state == 5 ? "Card declined" : "");
    }

    void refunds(String refundId) {
        payop.stubFor(post("/v1/refunds/create").willReturn(json("{\"data\": \"" + refundId + "\", \"status\": 1}")
                .withHeader("identifier", refundId)));
    }

    int refundsRequested(String transactionId) {
        return payop.findAll(postRequestedFor(urlEqualTo("/v1/refunds/create")).withRequestBody(
                containing(transactionId))).size();
    }

    void voids() {
        payop.stubFor(post("/v1/checkout/void").willReturn(json("{\"data\": {\"isSuccess\": true, \"message\": \"\","
                + " \"txid\": \"voided\"}, \"status\": 1}")));
    }

    int voidsRequested(String invoiceId) {
        return payop.findAll(postRequestedFor(urlEqualTo("/v1/checkout/void")).withRequestBody(containing(invoiceId)))
                .size();
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
