package io.github.payop4j.error;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.ClientFixture;
import io.github.payop4j.PayopClient;
import io.github.payop4j.checkout.Card;
import io.github.payop4j.checkout.CheckoutRequest;
import io.github.payop4j.checkout.Customer;
import io.github.payop4j.invoice.Invoice;
import io.github.payop4j.invoice.InvoiceRequest;
import io.github.payop4j.invoice.InvoiceStatus;
import io.github.payop4j.invoice.Payer;
import io.github.payop4j.money.Amount;
import io.github.payop4j.money.CurrencyCode;
import io.github.payop4j.refund.RefundRequest;
import io.github.payop4j.testing.PayopStub;
import io.github.payop4j.withdrawal.WithdrawalCertificate;
import io.github.payop4j.withdrawal.WithdrawalRequest;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Payop's success envelope ({@code {"data": .., "status": 1}}, responses.md) can still say "failed":
 * {@code "status": 0} with a message, or no data at all. Such an answer is an exception for every
 * operation, never a result object built from nothing.
 */
class FailedEnvelopeTest {

    private static final CheckoutRequest CHECKOUT = CheckoutRequest.of("inv-1", Customer.of("a@b.example", "A B"),
            "https://shop.example/status/{{txid}}");

    @RegisterExtension
    static WireMockExtension payop = PayopStub.extension();

    private PayopClient client;

    @BeforeEach
    void setUp() {
        byte[] certificate = new byte[32];
        new SecureRandom().nextBytes(certificate);
        client = ClientFixture.builder(payop.baseUrl())
                .withdrawalCertificate(WithdrawalCertificate.fromBytes(certificate)).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private static InvoiceRequest invoice() {
        return InvoiceRequest.builder().orderId("12345").amount("3.00").currency("USD")
                .payer(Payer.withEmail("payer@example.com")).build();
    }

    /** Every operation of the client, named for the report. */
    static Stream<Arguments> everyOperation() {
        Map<String, Consumer<PayopClient>> calls = new java.util.LinkedHashMap<>();
        calls.put("invoices.create", c -> c.invoices().create(invoice()));
        calls.put("invoices.get", c -> c.invoices().get("inv-1"));
        calls.put("checkout.createCardToken",
                c -> c.checkout().createCardToken("inv-1", new Card("4111111111111111", "12/28", "737", "A B")));
        calls.put("checkout.createTransaction", c -> c.checkout().createTransaction(CHECKOUT));
        calls.put("checkout.checkInvoiceStatus", c -> c.checkout().checkInvoiceStatus("inv-1"));
        calls.put("checkout.checkTransactionStatus", c -> c.checkout().checkTransactionStatus("tx-1"));
        calls.put("checkout.voidTransaction", c -> c.checkout().voidTransaction("inv-1"));
        calls.put("transactions.get", c -> c.transactions().get("tx-1"));
        calls.put("transactions.filter", c -> c.transactions().filter(List.of("tx-1")));
        calls.put("transactions.ibans", c -> c.transactions().ibans(List.of("tx-1")));
        calls.put("refunds.create", c -> c.refunds().create(RefundRequest.full("tx-1")));
        calls.put("refunds.get", c -> c.refunds().get("r-1"));
        calls.put("refunds.list", c -> c.refunds().list());
        calls.put("withdrawals.createMass", c -> c.withdrawals().createMass(List.of(
                WithdrawalRequest.of(15, Amount.of("10"), CurrencyCode.of("EUR"), Map.of("email", "r@example.com")))));
        calls.put("withdrawals.get", c -> c.withdrawals().get("w-1"));
        calls.put("withdrawals.list", c -> c.withdrawals().list());
        calls.put("withdrawals.methods", c -> c.withdrawals().methods());
        calls.put("paymentMethods.available", c -> c.paymentMethods().available());
        calls.put("wallet.balances", c -> c.wallet().balances());
        return calls.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    // ---- status 0 ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyOperation")
    void statusZeroIsARejectionForEveryOperation(String name, Consumer<PayopClient> call) {
        for (String flag : List.of("0", "\"0\"", "false")) {
            payop.resetAll();
            payop.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"data\": \"\", \"status\": " + flag + ", \"message\": \"Service is unavailable\"}")));

            PayopRejectedException e = assertThrows(PayopRejectedException.class, () -> call.accept(client),
                    name + " with status " + flag);

            assertEquals(200, e.httpStatus());
            assertEquals("Service is unavailable", e.payopMessage());
            assertTrue(e.getMessage().contains("\"Service is unavailable\""), e.getMessage());
            assertTrue(e.getMessage().contains("status " + flag.replace("\"", "")), e.getMessage());
            assertFalse(e.requestMayHaveTakenEffect(), "an empty answer flagged as failed changed nothing");
            assertEquals(1, payop.getAllServeEvents().size(), "never retried");
        }
    }

    @Test
    void anInvoiceGetAnsweredWithStatusZeroIsNotAnInvoice() {
        payop.stubFor(get("/v1/invoices/inv-1").willReturn(aResponse().withStatus(200)
                .withBody("{\"status\":0,\"message\":\"Invoice not found\"}")));

        PayopRejectedException e = assertThrows(PayopRejectedException.class, () -> client.invoices().get("inv-1"));

        assertInstanceOf(PayopApiException.class, e);
        assertEquals("Invoice not found", e.payopMessage());
        assertTrue(e.getMessage().startsWith("Payop could not read invoice inv-1 (GET /v1/invoices/inv-1)"),
                e.getMessage());
        assertEquals("GET", e.requestMethod());
        assertFalse(e.requestMayHaveTakenEffect());
    }

    @Test
    void anInvoiceCreateAnsweredWrongSignatureWithStatusZeroKeepsTheWordsAndTookNoEffect() {
        payop.stubFor(post("/v1/invoices/create").willReturn(aResponse().withStatus(200)
                .withBody("{\"data\":\"\",\"status\":0,\"message\":\"Wrong signature\"}")));

        PayopRejectedException e = assertThrows(PayopRejectedException.class, () -> client.invoices().create(invoice()));

        assertEquals("Wrong signature", e.payopMessage());
        assertTrue(e.getMessage().contains("create an invoice for order 12345"), e.getMessage());
        assertTrue(e.getMessage().contains("\"Wrong signature\""), e.getMessage());
        assertEquals("POST", e.requestMethod());
        assertFalse(e.requestMayHaveTakenEffect(), "Payop refused it and sent no id: nothing was created");
    }

    @Test
    void aCreateWithStatusZeroThatStillNamesAnObjectMayHaveTakenEffect() {
        payop.stubFor(post("/v1/refunds/create").willReturn(aResponse().withStatus(200)
                .withHeader("identifier", "r-9").withBody("{\"data\":\"\",\"status\":0,\"message\":\"Try later\"}")));
        payop.stubFor(post("/v1/checkout/create").willReturn(aResponse().withStatus(200).withBody(
                "{\"data\":{\"isSuccess\":false,\"message\":\"Declined\",\"txid\":\"tx-9\"},\"status\":0}")));

        PayopRejectedException refund = assertThrows(PayopRejectedException.class,
                () -> client.refunds().create(RefundRequest.full("tx-1")));
        PayopRejectedException checkout = assertThrows(PayopRejectedException.class,
                () -> client.checkout().createTransaction(CHECKOUT));

        assertTrue(refund.requestMayHaveTakenEffect(), "an identifier header means the refund may exist");
        assertTrue(refund.getMessage().contains("check its result"), refund.getMessage());
        assertTrue(checkout.requestMayHaveTakenEffect(), "a txid means a transaction may exist");
    }

    @Test
    void aStatusZeroFieldMessageIsKeptPerFieldAndScrubbedOfSecrets() {
        payop.stubFor(post("/v1/payment-tools/card-token/create").willReturn(aResponse().withStatus(200).withBody(
                "{\"status\": 0, \"message\": {\"pan\": [\"Card 4111111111111111 refused\"],"
                        + " \"token\": \"" + PayopStub.JWT + " expired\"}}")));

        PayopRejectedException e = assertThrows(PayopRejectedException.class, () -> client.checkout()
                .createCardToken("inv-1", new Card("4111111111111111", "12/28", "737", "A B")));

        assertEquals(Map.of("pan", List.of("Card [redacted] refused"), "token", List.of("[redacted] expired")),
                e.fieldErrors());
        assertFalse(e.getMessage().contains("4111111111111111"), e.getMessage());
        assertFalse(e.getMessage().contains(PayopStub.JWT), e.getMessage());
    }

    @Test
    void anUnwrappedObjectWhoseOwnStatusIsZeroIsData() {
        // Not an envelope: "status" is the invoice's (0 = new), next to fields of its own.
        payop.stubFor(get("/v1/invoices/inv-1").willReturn(aResponse().withStatus(200)
                .withBody("{\"identifier\": \"inv-1\", \"status\": 0, \"amount\": 3, \"currency\": \"EUR\"}")));

        Invoice invoice = client.invoices().get("inv-1");

        assertEquals(InvoiceStatus.NEW, invoice.status());
        assertEquals("3", invoice.amount());
    }

    // ---- no data where data is expected --------------------------------------------------------

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"{\"message\":\"Invoice (inv-1) not found\"}", "{\"status\":1}", "{\"data\":null,\"status\":1}",
        "{\"data\":\"\",\"status\":1}", "{\"data\":[],\"status\":1}", "null", ""})
    void aReadOfOneObjectAnsweredWithoutItIsAResponseError(String body) {
        payop.stubFor(get("/v1/invoices/inv-1").willReturn(aResponse().withStatus(200).withBody(body)));
        payop.stubFor(get("/v2/transactions/tx-1").willReturn(aResponse().withStatus(200).withBody(body)));
        payop.stubFor(get("/v1/checkout/check-invoice-status/inv-1").willReturn(aResponse().withStatus(200).withBody(body)));

        for (Consumer<PayopClient> call : List.<Consumer<PayopClient>>of(c -> c.invoices().get("inv-1"),
                c -> c.transactions().get("tx-1"), c -> c.checkout().checkInvoiceStatus("inv-1"))) {
            PayopResponseException e = assertThrows(PayopResponseException.class, () -> call.accept(client));
            assertEquals(200, e.httpStatus());
            assertTrue(e.getMessage().contains("without"), e.getMessage());
            assertFalse(e.requestMayHaveTakenEffect());
            if (body.contains("not found")) {
                assertTrue(e.getMessage().contains("\"Invoice (inv-1) not found\""), e.getMessage());
            }
        }
    }

    @Test
    void aListAnsweredWithoutAnyDataIsAResponseErrorButAnEmptyListIsEmpty() {
        payop.stubFor(get(urlEqualTo("/v1/refunds/user-refunds")).willReturn(aResponse().withBody("{\"status\": 1}")));
        assertThrows(PayopResponseException.class, () -> client.refunds().list());

        payop.stubFor(get(urlEqualTo("/v1/refunds/user-refunds")).willReturn(aResponse().withBody("")));
        assertThrows(PayopResponseException.class, () -> client.refunds().list());

        payop.stubFor(get(urlEqualTo("/v1/refunds/user-refunds"))
                .willReturn(aResponse().withBody("{\"data\": [], \"status\": 1}")));
        assertEquals(List.of(), client.refunds().list());
    }

    @Test
    void aCreateAnsweredWithAMessageButNoIdKeepsPayopsWords() {
        payop.stubFor(post("/v1/invoices/create").willReturn(aResponse().withStatus(200)
                .withBody("{\"message\": \"Wrong signature\"}")));

        PayopResponseException e = assertThrows(PayopResponseException.class, () -> client.invoices().create(invoice()));

        assertTrue(e.getMessage().contains("\"Wrong signature\""), e.getMessage());
        assertTrue(e.getMessage().contains("without an id"), e.getMessage());
        assertTrue(e.requestMayHaveTakenEffect(), "a 200 to a POST without an id: the outcome is unknown");
    }

    @Test
    void theBalancesAnswerWithoutEnvelopeOrStatusIsStillRead() {
        payop.stubFor(get("/v1/wallets/get-balances").willReturn(aResponse().withBody(
                "{\"snapshotAt\": \"2025-09-15T12:34:56Z\", \"currencies\": [{\"code\": \"EUR\","
                        + " \"balance\": {\"available\": \"1.00\"}}]}")));

        assertEquals("1.00", client.wallet().balances().currency("EUR").orElseThrow().available());
    }
}
