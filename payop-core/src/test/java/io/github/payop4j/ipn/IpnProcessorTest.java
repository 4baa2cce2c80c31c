package io.github.payop4j.ipn;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.payop4j.ipn.IpnFixtures.DOC_INVOICE;
import static io.github.payop4j.ipn.IpnFixtures.DOC_REFUND;
import static io.github.payop4j.ipn.IpnFixtures.DOC_SOURCE_TX;
import static io.github.payop4j.ipn.IpnFixtures.DOC_TX;
import static io.github.payop4j.ipn.IpnFixtures.DOC_WITHDRAWAL;
import static io.github.payop4j.ipn.IpnFixtures.PAYOP_IP;
import static io.github.payop4j.ipn.IpnFixtures.apiRefund;
import static io.github.payop4j.ipn.IpnFixtures.apiTransaction;
import static io.github.payop4j.ipn.IpnFixtures.apiWithdrawal;
import static io.github.payop4j.ipn.IpnFixtures.checkoutIpn;
import static io.github.payop4j.ipn.IpnFixtures.fromPayop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.ClientFixture;
import io.github.payop4j.PayopClient;
import io.github.payop4j.ipn.IpnEvent.Anomaly;
import io.github.payop4j.ipn.IpnEvent.PaymentAccepted;
import io.github.payop4j.testing.Docs;
import io.github.payop4j.testing.PayopStub;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pipeline against each documented IPN, with WireMock playing the Payop API for confirmation. */
class IpnProcessorTest {

    @RegisterExtension
    static WireMockExtension payop = PayopStub.extension();

    private PayopClient client;
    private RecordingHandler handler;
    private IpnJournal journal;
    private IpnProcessor processor;

    @BeforeEach
    void setUp() {
        client = ClientFixture.client(payop.baseUrl());
        handler = new RecordingHandler();
        journal = IpnJournal.inMemory();
        processor = IpnProcessor.builder(client).handler(handler).journal(journal).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void theDocsCheckoutIpnConfirmedByTheApiIsAPaymentWithTheApisFacts() {
        apiTransaction(payop, DOC_TX, 2, "ANY_ORDER_ID", "3", "USD", "");
        String body = Docs.json("ipn-checkout.json");

        IpnResult result = processor.process(fromPayop(body));

        assertEquals(IpnOutcome.PROCESSED, result.outcome());
        assertEquals(200, result.httpStatus());
        PaymentAccepted paid = assertInstanceOf(PaymentAccepted.class, result.event());
        IpnFacts f = paid.facts();
        assertEquals(IpnKind.CHECKOUT, f.kind());
        assertEquals(DOC_TX, f.objectId());
        assertEquals(DOC_INVOICE, f.invoiceId());
        assertEquals("ANY_ORDER_ID", f.orderId());
        assertEquals(IpnState.ACCEPTED, f.state());
        assertEquals(2, f.stateCode());
        assertEquals("3", f.amount());
        assertEquals("USD", f.currency());
        assertEquals(PAYOP_IP, f.sourceAddress());
        assertTrue(f.confirmedWithApi());
        assertEquals(result.journalEntryId(), f.journalEntryId());
        assertEquals(List.of(paid), handler.applied);

        IpnJournal.Entry entry = journal.entry(result.journalEntryId()).orElseThrow();
        assertEquals(body, entry.body());
        assertEquals(IpnOutcome.PROCESSED, entry.outcome());
        assertEquals(PAYOP_IP, entry.sourceAddress());
        assertEquals(IpnState.ACCEPTED, entry.state());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ipn-checkout-legacy.json", "ipn-checkout-short.json"})
    void theOtherDocumentedCheckoutShapesAreRead(String doc) {
        String body = Docs.json(doc);
        String tx = doc.contains("short") ? "transaction_id" : DOC_TX;
        String order = doc.contains("short") ? "ORDER_ID" : "ANY_ORDER_ID";
        apiTransaction(payop, tx, 2, order, "3.00", "EUR", "");

        IpnResult result = processor.process(fromPayop(body));

        PaymentAccepted paid = assertInstanceOf(PaymentAccepted.class, result.event());
        assertEquals(tx, paid.objectId());
        assertEquals(order, paid.orderId());
        assertEquals("3.00", paid.facts().amount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ipn-refund.json", "ipn-refund-refunddoc.json"})
    void theDocsRefundIpnsAreRefundUpdates(String doc) {
        apiRefund(payop, DOC_REFUND, 1, "100", "USD", DOC_SOURCE_TX);

        IpnResult result = processor.process(fromPayop(Docs.json(doc)));

        IpnEvent.RefundUpdated refund = assertInstanceOf(IpnEvent.RefundUpdated.class, result.event());
        assertEquals(IpnKind.REFUND, refund.kind());
        assertEquals(DOC_REFUND, refund.objectId());
        assertEquals(DOC_SOURCE_TX, refund.facts().sourceTransactionId());
        assertEquals(IpnState.NEW, refund.state());
        assertEquals("100", refund.facts().amount());
        assertEquals("USD", refund.facts().currency());
        assertTrue(refund.facts().confirmedWithApi());
    }

    @Test
    void theDocsWithdrawalIpnsArePendingThenAccepted() {
        apiWithdrawal(payop, DOC_WITHDRAWAL, 1, "100", "USD");
        IpnResult pending = processor.process(fromPayop(Docs.json("ipn-withdrawal-pending.json")));
        apiWithdrawal(payop, DOC_WITHDRAWAL, 2, "100.00", "USD");
        IpnResult accepted = processor.process(fromPayop(Docs.json("ipn-withdrawal.json")));

        assertEquals(IpnState.PENDING, assertInstanceOf(IpnEvent.WithdrawalUpdated.class, pending.event()).state());
        IpnEvent.WithdrawalUpdated done = assertInstanceOf(IpnEvent.WithdrawalUpdated.class, accepted.event());
        assertEquals(IpnState.ACCEPTED, done.state());
        assertEquals(IpnKind.WITHDRAWAL, done.kind());
        assertEquals("Error Message", done.facts().errorMessage());
        assertEquals(2, handler.applied.size());
    }

    @Test
    void theDocsRefundGetAnswerNamesAnotherRefundSoTheDocsRefundIpnIsUnconfirmed() {
        // refund-get.json's identifier (8888888-7725-...) is not the IPN's refundId (8888888-ba2d-...).
        payop.stubFor(get(urlPathEqualTo("/v1/refunds/user-refunds")).willReturn(okJson(Docs.json("refund-get.json"))));

        IpnResult result = processor.process(fromPayop(Docs.json("ipn-refund.json")));

        assertEquals(IpnOutcome.ANOMALY, result.outcome());
        assertEquals(Anomaly.Type.UNCONFIRMED, assertInstanceOf(Anomaly.class, result.event()).type());
    }

    @Test
    void aDuplicateIsAnsweredFromTheJournalWithoutAskingTheApiAgain() {
        apiTransaction(payop, DOC_TX, 2, "ANY_ORDER_ID", "3", "USD", "");
        IpnDelivery delivery = fromPayop(Docs.json("ipn-checkout.json"));

        IpnResult first = processor.process(delivery);
        IpnResult second = processor.process(delivery);

        assertEquals(IpnOutcome.PROCESSED, first.outcome());
        assertEquals(IpnOutcome.DUPLICATE, second.outcome());
        assertEquals(200, second.httpStatus());
        assertNull(second.event());
        assertEquals(1, handler.applied.size());
        payop.verify(1, getRequestedFor(urlEqualTo("/v2/transactions/" + DOC_TX)));
        List<IpnJournal.Entry> entries = journal.entries(IpnKind.CHECKOUT, DOC_TX);
        assertEquals(List.of(IpnOutcome.PROCESSED), entries.stream().map(IpnJournal.Entry::outcome).toList(),
                "a duplicate is counted, not journaled");
        assertEquals(0, second.journalEntryId());
        assertEquals(1L, processor.counts().get(IpnOutcome.DUPLICATE));
        assertEquals(1L, processor.counts().get(IpnOutcome.PROCESSED));
    }

    @Test
    void refusalsAreNotJournaled() {
        IpnResult forbidden = processor.process(IpnDelivery.of(Docs.json("ipn-checkout.json")
                .getBytes(StandardCharsets.UTF_8), "203.0.113.9"));
        IpnResult malformed = processor.process(fromPayop("{\"transaction\": {\"state\": 2}}"));
        IpnResult tooLarge = processor.process(fromPayop(new byte[IpnProcessor.DEFAULT_MAX_BODY_BYTES + 1]));

        assertEquals(403, forbidden.httpStatus());
        assertEquals(IpnOutcome.FORBIDDEN_SOURCE, forbidden.outcome());
        assertEquals(400, malformed.httpStatus());
        assertEquals(IpnOutcome.MALFORMED, malformed.outcome());
        assertEquals(413, tooLarge.httpStatus());
        for (IpnResult r : List.of(forbidden, malformed, tooLarge)) {
            assertEquals(0, r.journalEntryId());
        }
        assertTrue(handler.applied.isEmpty());
        payop.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void withoutATokenThereIsNoConfirmationAndTheClaimIsTakenAsSent() {
        IpnProcessor unconfirmed = IpnProcessor.builder().handler(handler).build();
        String tx = UUID.randomUUID().toString();

        IpnResult result = unconfirmed.process(fromPayop(checkoutIpn(tx, 2, "o-1", "")));

        PaymentAccepted paid = assertInstanceOf(PaymentAccepted.class, result.event());
        assertFalse(paid.facts().confirmedWithApi());
        assertNull(paid.facts().amount(), "a checkout IPN carries no amount");
        assertFalse(unconfirmed.verifiesWithApi());
        assertTrue(processor.verifiesWithApi(), "on by default with a JWT token");
    }

    @Test
    void buildRefusesAConfigurationThatWouldLoseOrTrustIpns() {
        assertThrows(IllegalStateException.class, () -> IpnProcessor.builder(client).build(), "no handler");
        assertThrows(IllegalStateException.class,
                () -> IpnProcessor.builder().handler(handler).verifyWithApi(true).build(), "no token");
    }
}
