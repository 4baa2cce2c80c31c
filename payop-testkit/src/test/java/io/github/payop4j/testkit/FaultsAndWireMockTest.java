package io.github.payop4j.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.PayopClient;
import io.github.payop4j.checkout.CheckoutRequest;
import io.github.payop4j.checkout.Customer;
import io.github.payop4j.checkout.NextStep;
import io.github.payop4j.error.PayopConnectionException;
import io.github.payop4j.error.PayopRateLimitException;
import io.github.payop4j.error.PayopServerException;
import io.github.payop4j.invoice.InvoiceStatus;
import io.github.payop4j.money.Amount;
import io.github.payop4j.refund.RefundRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Faults per operation, and WireMock's verify and one-off stubs on top of the emulator. */
@PayopEmulatorTest
class FaultsAndWireMockTest {

    @Test
    void aRateLimitedReadIsRetriedAfterRetryAfter(PayopEmulator payop, PayopClient client) {
        String id = Invoices.create(client, "f-1", "3.00", null).invoiceId();
        payop.inject(Operation.GET_INVOICE, ApiFault.rateLimited(Duration.ofSeconds(1)).times(1));
        assertEquals(InvoiceStatus.NEW, client.invoices().get(id).status());
        payop.wireMock().verify(2, getRequestedFor(urlEqualTo("/v1/invoices/" + id)));
    }

    @Test
    void aRateLimitedCreateIsNotRetriedAndCreatesNothing(PayopEmulator payop, PayopClient client) {
        payop.inject(Operation.CREATE_INVOICE, ApiFault.rateLimited(Duration.ofMillis(1500)));
        PayopRateLimitException e = assertThrows(PayopRateLimitException.class,
                () -> Invoices.create(client, "f-2", "3.00", null));
        assertEquals(Duration.ofSeconds(2), e.retryAfter().orElseThrow());
        assertEquals("Too many requests from ip", e.payopMessage());
        payop.wireMock().verify(1, postRequestedFor(urlEqualTo("/v1/invoices/create")));
        payop.clearFaults();
        assertTrue(Invoices.create(client, "f-2", "3.00", null).invoiceId() != null);
    }

    @Test
    void serverErrorsAndHtmlPages(PayopEmulator payop, PayopClient client) {
        String txid = payop.pay(Invoices.create(client, "f-3", "3.00", null).invoiceId());
        payop.inject(Operation.GET_TRANSACTION, ApiFault.serverError(500));
        PayopServerException json = assertThrows(PayopServerException.class, () -> client.transactions().get(txid));
        assertEquals("Something went wrong, try again or contact support.", json.payopMessage());

        payop.inject(Operation.CREATE_REFUND, ApiFault.htmlErrorPage(502));
        PayopServerException html = assertThrows(PayopServerException.class,
                () -> client.refunds().create(RefundRequest.full(txid)));
        assertEquals(502, html.httpStatus());
        HttpResponse<String> raw = RawHttp.post(payop.apiUrl().resolve("/v1/refunds/create"), "{}",
                "Authorization", "Bearer " + payop.jwtToken());
        assertTrue(raw.body().contains("<h1>502 Bad Gateway</h1>"), raw.body());
        assertEquals(0, client.refunds().list().size(), "a replaced operation does not happen");
    }

    @Test
    void aTransientGatewayErrorIsRetriedByTheClient(PayopEmulator payop, PayopClient client) {
        String txid = payop.pay(Invoices.create(client, "f-4", "3.00", null).invoiceId());
        payop.inject(Operation.GET_TRANSACTION, ApiFault.serverError(503).times(2));
        assertEquals(txid, client.transactions().get(txid).id());
        payop.wireMock().verify(3, getRequestedFor(urlEqualTo("/v2/transactions/" + txid)));
    }

    @Test
    void aSlowAnswerStillHappens(PayopEmulator payop, PayopClient client) {
        payop.inject(Operation.CREATE_INVOICE, ApiFault.slow(Duration.ofMillis(300)));
        long started = System.nanoTime();
        String id = Invoices.create(client, "f-5", "3.00", null).invoiceId();
        assertTrue(System.nanoTime() - started >= Duration.ofMillis(300).toNanos());
        assertEquals(InvoiceStatus.NEW, client.invoices().get(id).status());
    }

    @Test
    void aDroppedConnectionLeavesNoTransaction(PayopEmulator payop, PayopClient client) {
        String invoiceId = Invoices.create(client, "f-6", "3.00", 203822).invoiceId();
        payop.inject(Operation.CREATE_CHECKOUT, ApiFault.droppedConnection());
        assertThrows(PayopConnectionException.class, () -> client.checkout().createTransaction(CheckoutRequest.of(
                invoiceId, Customer.of("jane@example.com", "Jane").field("date_of_birth", "01.01.1990"),
                "https://shop.example/check")));
        assertInstanceOf(NextStep.Poll.class, client.checkout().checkInvoiceStatus(invoiceId));
    }

    @Test
    void aTestsOwnStubWinsOverTheEmulatorUntilReset(PayopEmulator payop, PayopClient client) {
        payop.wireMock().stubFor(get(urlPathMatching("/v1/invoices/.*"))
                .willReturn(okJson("{\"data\":{\"identifier\":\"stubbed\",\"status\":1,\"amount\":\"1\"},\"status\":1}")));
        assertEquals(InvoiceStatus.PAID, client.invoices().get("anything").status());
        payop.wireMock().verify(getRequestedFor(urlEqualTo("/v1/invoices/anything"))
                .withHeader("Content-Type", equalTo("application/json")));
        payop.reset();
        assertThrows(io.github.payop4j.error.PayopNotFoundException.class, () -> client.invoices().get("anything"));
    }

    @Test
    void faultsCountDownAndClear(PayopEmulator payop, PayopClient client) {
        payop.inject(Operation.PAYMENT_METHODS, ApiFault.serverError(500).times(1));
        assertThrows(PayopServerException.class, () -> client.paymentMethods().available());
        assertEquals(3, client.paymentMethods().available().size());
        payop.inject(Operation.WALLET_BALANCES, ApiFault.serverError(500));
        payop.clearFaults();
        assertEquals("0.00", client.wallet().balances().currencies().get(0).available());
        assertThrows(IllegalArgumentException.class, () -> ApiFault.serverError(404));
        assertEquals(Amount.of("1"), Amount.of("1"));
    }
}
