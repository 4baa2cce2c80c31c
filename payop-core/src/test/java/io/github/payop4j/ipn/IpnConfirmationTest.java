package io.github.payop4j.ipn;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.payop4j.ipn.IpnFixtures.apiRefund;
import static io.github.payop4j.ipn.IpnFixtures.apiTransaction;
import static io.github.payop4j.ipn.IpnFixtures.apiTransactionAnswers;
import static io.github.payop4j.ipn.IpnFixtures.checkoutIpn;
import static io.github.payop4j.ipn.IpnFixtures.fromPayop;
import static io.github.payop4j.ipn.IpnFixtures.refundIpn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.ClientFixture;
import io.github.payop4j.PayopClient;
import io.github.payop4j.ipn.IpnEvent.Anomaly;
import io.github.payop4j.ipn.IpnEvent.PaymentAccepted;
import io.github.payop4j.testing.Docs;
import io.github.payop4j.testing.PayopStub;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Forged and disputed IPNs: right shape, allowed source, but the API or the shop's own order
 * says otherwise. None of them may ever produce a payment.
 */
class IpnConfirmationTest {

    @RegisterExtension
    static WireMockExtension payop = PayopStub.extension();

    private final Map<String, IpnOrderLookup.Order> orders = new ConcurrentHashMap<>();
    private PayopClient client;
    private RecordingHandler handler;
    private IpnProcessor processor;
    private String tx;

    @BeforeEach
    void setUp() {
        client = ClientFixture.client(payop.baseUrl());
        handler = new RecordingHandler();
        processor = IpnProcessor.builder(client).handler(handler)
                .orderLookup(id -> Optional.ofNullable(orders.get(id))).build();
        tx = UUID.randomUUID().toString();
        orders.put("order-7", new IpnOrderLookup.Order("3.00", "usd"));
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private IpnResult acceptedIpn() {
        return processor.process(fromPayop(checkoutIpn(tx, 2, "order-7", "")));
    }

    private Anomaly assertAnomaly(IpnResult result, Anomaly.Type type) {
        assertEquals(IpnOutcome.ANOMALY, result.outcome());
        assertEquals(200, result.httpStatus(), "a retry could not change the answer");
        Anomaly anomaly = assertInstanceOf(Anomaly.class, result.event());
        assertEquals(type, anomaly.type());
        assertEquals(0, handler.count(PaymentAccepted.class), "never a payment");
        return anomaly;
    }

    @Test
    void anAmountEqualToTheOrderNumericallyIsAPayment() {
        apiTransaction(payop, tx, 2, "order-7", "3", "USD", "");

        assertInstanceOf(PaymentAccepted.class, acceptedIpn().event(), "3 equals 3.00, USD equals usd");
    }

    @Test
    void aTransactionTheApiDoesNotKnowIsForged() {
        apiTransactionAnswers(payop, tx, 404, Docs.json("error-404.json"));

        Anomaly a = assertAnomaly(acceptedIpn(), Anomaly.Type.UNCONFIRMED);
        assertEquals(IpnState.ACCEPTED, a.facts().claimedState());
        assertTrue(a.detail().contains("does not know"), a.detail());
    }

    @Test
    void theApiReportingFailureOverridesAnAcceptedClaim() {
        // transaction-v2.json itself: state 5 with "error message".
        apiTransactionAnswers(payop, tx, 200, Docs.json("transaction-v2.json").replace("transaction_id", tx)
                .replace("134666", "order-7"));

        Anomaly a = assertAnomaly(acceptedIpn(), Anomaly.Type.UNCONFIRMED);
        assertEquals(IpnState.FAILED, a.facts().state());
        assertEquals(5, a.facts().stateCode());
    }

    @Test
    void anotherOrderIdAtTheApiIsUnconfirmed() {
        apiTransaction(payop, tx, 2, "order-8", "3", "USD", "");

        assertTrue(assertAnomaly(acceptedIpn(), Anomaly.Type.UNCONFIRMED).detail().contains("order id differs"));
    }

    @Test
    void anAmountThatDiffersFromTheShopsOrderIsNeverPaid() {
        apiTransaction(payop, tx, 2, "order-7", "0.03", "USD", "");

        Anomaly a = assertAnomaly(acceptedIpn(), Anomaly.Type.AMOUNT_MISMATCH);
        assertEquals("0.03", a.facts().amount());
    }

    @Test
    void aCurrencyThatDiffersFromTheShopsOrderIsNeverPaid() {
        apiTransaction(payop, tx, 2, "order-7", "3", "EUR", "");

        assertAnomaly(acceptedIpn(), Anomaly.Type.CURRENCY_MISMATCH);
    }

    @Test
    void anOrderTheShopDoesNotKnowIsNeverPaid() {
        apiTransaction(payop, tx, 2, "order-404", "3", "USD", "");

        assertAnomaly(processor.process(fromPayop(checkoutIpn(tx, 2, "order-404", ""))), Anomaly.Type.UNKNOWN_ORDER);
    }

    @Test
    void aSecondTransactionPayingAPaidOrderIsAnAnomalyAndTheFirstStillVerifies() {
        String first = UUID.randomUUID().toString();
        orders.put("order-7", new IpnOrderLookup.Order("3.00", "USD", first)); // paid by `first`
        apiTransaction(payop, tx, 2, "order-7", "3", "USD", "");

        Anomaly twice = assertAnomaly(acceptedIpn(), Anomaly.Type.ALREADY_PAID);
        assertTrue(twice.detail().contains(first), twice.detail());

        apiTransaction(payop, first, 2, "order-7", "3", "USD", "");
        IpnResult own = processor.process(fromPayop(checkoutIpn(first, 2, "order-7", "")));
        assertInstanceOf(PaymentAccepted.class, own.event(), "the paying transaction itself still matches");
    }

    @Test
    void aMismatchIsReportedOnceUnderTheConfirmedStateAndItsRepeatsAreDuplicates() {
        apiTransaction(payop, tx, 2, "order-7", "0.03", "USD", "");
        assertAnomaly(acceptedIpn(), Anomaly.Type.AMOUNT_MISMATCH);
        orders.remove("order-7"); // whatever the shop answers now, a repeat is not asked about

        assertEquals(IpnOutcome.DUPLICATE, acceptedIpn().outcome());
        assertEquals(1, handler.count(Anomaly.class));
        assertEquals(java.util.List.of("ACCEPTED"), processor.journal().claims(IpnKind.CHECKOUT, tx).stream()
                .map(IpnJournal.Claim::stateKey).toList(), "the confirmed state's key, not an anomaly key");
    }

    @Test
    void aForgedAcceptedDoesNotBlockTheGenuineOneLater() {
        apiTransaction(payop, tx, 5, "order-7", "3", "USD", "declined");
        assertAnomaly(acceptedIpn(), Anomaly.Type.UNCONFIRMED);
        assertEquals(IpnOutcome.DUPLICATE, acceptedIpn().outcome(), "the same anomaly is reported once");

        apiTransaction(payop, tx, 2, "order-7", "3", "USD", "");
        IpnResult genuine = acceptedIpn();

        assertInstanceOf(PaymentAccepted.class, genuine.event());
    }

    @Test
    void aRefundWhoseAmountDiffersFromTheApiIsAnAnomaly() {
        String refund = UUID.randomUUID().toString();
        apiRefund(payop, refund, 2, "10", "USD", IpnFixtures.DOC_SOURCE_TX);

        IpnResult result = processor.process(fromPayop(refundIpn(refund, 2, "100")));

        Anomaly a = assertAnomaly(result, Anomaly.Type.AMOUNT_MISMATCH);
        assertEquals("10", a.facts().amount(), "the API's amount is the truth");
        assertEquals(0, handler.count(IpnEvent.RefundUpdated.class));
    }

    @Test
    void anApiThatStillReportsPendingMeansRetryLaterNotPaid() {
        apiTransaction(payop, tx, 4, "order-7", "3", "USD", "");

        IpnResult early = acceptedIpn();

        assertEquals(IpnOutcome.RETRY_LATER, early.outcome());
        assertEquals(503, early.httpStatus());
        assertNull(early.event());
        assertTrue(handler.applied.isEmpty());

        apiTransaction(payop, tx, 2, "order-7", "3", "USD", "");
        assertInstanceOf(PaymentAccepted.class, acceptedIpn().event(), "Payop's retry applies it");
    }

    @ParameterizedTest(name = "API answers {0}")
    @CsvSource({"500", "502", "503", "429", "401", "422", "RESET", "EMPTY", "STATUS0", "NODATA"})
    void anUnreachableApiMeansRetryLaterAndNothingApplied(String failure) {
        var response = switch (failure) {
            case "RESET" -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            case "EMPTY" -> aResponse().withFault(Fault.EMPTY_RESPONSE);
            // 200s that carry no transaction: Payop's envelope flag says failed, or there is no data.
            case "STATUS0" -> aResponse().withStatus(200).withBody("{\"status\": 0, \"message\": \"Try again\"}");
            case "NODATA" -> aResponse().withStatus(200).withBody("{\"status\": 1}");
            default -> aResponse().withStatus(Integer.parseInt(failure)).withHeader("Content-Type", "application/json")
                    .withBody(Docs.json("error-500.json"));
        };
        payop.stubFor(get("/v2/transactions/" + tx).willReturn(response));

        IpnResult result = acceptedIpn();

        assertEquals(IpnOutcome.RETRY_LATER, result.outcome());
        assertEquals(503, result.httpStatus());
        assertTrue(handler.applied.isEmpty());
        IpnJournal.Entry entry = processor.journal().entry(result.journalEntryId()).orElseThrow();
        assertEquals(IpnOutcome.RETRY_LATER, entry.outcome(), "journaled all the same");

        apiTransaction(payop, tx, 2, "order-7", "3", "USD", "");
        assertInstanceOf(PaymentAccepted.class, acceptedIpn().event());
        assertEquals(1, handler.applied.size());
    }

    @Test
    void aRefundLookupAnsweredWithStatusZeroIsRetriedNotCalledForged() {
        String refund = UUID.randomUUID().toString();
        payop.stubFor(get(urlPathEqualTo("/v1/refunds/user-refunds")).willReturn(aResponse().withStatus(200)
                .withBody("{\"data\": [], \"status\": 0, \"message\": \"Refund service unavailable\"}")));

        IpnResult result = processor.process(fromPayop(refundIpn(refund, 2, "10")));

        assertEquals(IpnOutcome.RETRY_LATER, result.outcome(), "an empty list flagged as failed proves nothing");
        assertEquals(503, result.httpStatus());
        assertTrue(handler.applied.isEmpty());
    }

    @Test
    void aLowerCaseCurrencyFromTheApiIsReportedUpperCaseAndStillMatchesTheOrder() {
        apiTransaction(payop, tx, 2, "order-7", "3.00", "usd", "");

        PaymentAccepted paid = assertInstanceOf(PaymentAccepted.class, acceptedIpn().event());

        assertEquals("USD", paid.facts().currency());
    }

    @Test
    void refundCurrenciesInAnyCaseAreTheSameCurrency() {
        String refund = UUID.randomUUID().toString();
        apiRefund(payop, refund, 2, "10", "Usd", IpnFixtures.DOC_SOURCE_TX);

        IpnResult result = processor.process(fromPayop(refundIpn(refund, 2, "10")
                .replace("\"currency\": \"USD\"", "\"currency\": \"usd\"")));

        IpnEvent.RefundUpdated updated = assertInstanceOf(IpnEvent.RefundUpdated.class, result.event());
        assertEquals("USD", updated.facts().currency());
    }

    @Test
    void aFailingOrderLookupMeansRetryLater() {
        IpnProcessor failing = IpnProcessor.builder(client).handler(handler).orderLookup(id -> {
            throw new java.sql.SQLException("shop database down");
        }).build();
        apiTransaction(payop, tx, 2, "order-7", "3", "USD", "");

        IpnResult result = failing.process(fromPayop(checkoutIpn(tx, 2, "order-7", "")));

        assertEquals(503, result.httpStatus());
        assertTrue(handler.applied.isEmpty());
    }
}
