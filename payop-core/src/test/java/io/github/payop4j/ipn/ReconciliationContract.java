package io.github.payop4j.ipn;

import static io.github.payop4j.ipn.FakePayop.request;
import static io.github.payop4j.ipn.IpnFixtures.PAYOP_IP;
import static io.github.payop4j.ipn.IpnFixtures.checkoutIpn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.ClientFixture;
import io.github.payop4j.PayopClient;
import io.github.payop4j.error.PayopOrderPaidException;
import io.github.payop4j.invoice.CreatedInvoice;
import io.github.payop4j.ipn.IpnEvent.Anomaly;
import io.github.payop4j.ipn.IpnEvent.PaymentAccepted;
import io.github.payop4j.ipn.IpnEvent.PaymentFailed;
import io.github.payop4j.testing.AtOnce;
import io.github.payop4j.testing.PayopStub;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reconciliation sweep and the journal's operations on every store: an IPN that never
 * arrives is applied by the sweep, once, whether the IPN or the sweep comes first and however
 * many nodes sweep; purging keeps what de-duplication needs; an operator lists and re-drives.
 */
abstract class ReconciliationContract {

    @RegisterExtension
    static WireMockExtension payop = PayopStub.extension();

    private static final Duration AFTER = Duration.ofMinutes(15);

    /** A fresh store, called once per test: every node of the test shares it. */
    protected abstract Stores.Store newStore();

    private Stores.Store store;

    protected Stores.Store store() {
        return store;
    }

    private FakePayop fake;
    private PayopClient client;
    private FakePayop.MovingClock clock;
    private String order;
    private String u;
    private RecordingHandler shop;

    @BeforeEach
    void setUp() {
        store = newStore();
        fake = new FakePayop(payop);
        client = ClientFixture.client(payop.baseUrl());
        clock = new FakePayop.MovingClock();
        u = UUID.randomUUID().toString().substring(0, 8);
        order = "order-" + u;
        shop = new RecordingHandler();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private IpnProcessor.Builder builder(IpnHandler handler) {
        return store().node(client, handler, clock).reconcileAfter(AFTER).reconcileEvery(Duration.ofMinutes(5));
    }

    private IpnProcessor node() {
        return builder(shop).build();
    }

    private IpnDelivery delivery(String tx, int state) {
        return new IpnDelivery(checkoutIpn(tx, state, order, state == 5 ? "Card declined" : "")
                .getBytes(StandardCharsets.UTF_8), PAYOP_IP, List.of(), List.of(), clock.instant());
    }

    /** An invoice created through the library, paid at Payop with transaction {@code tx}, no IPN sent. */
    private CreatedInvoice paidWithoutIpn(IpnProcessor p, String tx, int state) {
        fake.createsInvoices(order, Duration.ZERO, "inv-" + u);
        CreatedInvoice invoice = p.invoiceFor(request(order, "10.00"));
        fake.invoice(invoice.invoiceId(), order, state == 2 ? 1 : 5, tx);
        fake.transaction(tx, state, order);
        return invoice;
    }

    @Test
    void anIpnThatNeverArrivesIsAppliedByTheSweepOnceAndItsLateIpnIsADuplicate() {
        IpnProcessor p = node();
        String tx = "tx-" + u;
        paidWithoutIpn(p, tx, 2);

        ReconciliationReport early = p.reconcile();
        assertEquals(0, early.checked(), "not before the delay: " + early);

        clock.advance(AFTER);
        ReconciliationReport swept = p.reconcile();
        assertEquals(1, swept.applied(), swept.toString());
        assertEquals(1, shop.count(PaymentAccepted.class));
        IpnJournal.Entry entry = p.journal().entries(IpnKind.CHECKOUT, tx).get(0);
        assertEquals("reconciliation", entry.sourceAddress(), "the journal shows who applied it");
        assertEquals(IpnOutcome.PROCESSED, entry.outcome());

        clock.advance(Duration.ofMinutes(10));
        assertEquals(0, p.reconcile().checked(), "a paid invoice is settled");
        assertEquals(IpnOutcome.DUPLICATE, p.process(delivery(tx, 2)).outcome(), "the IPN, a day late");
        assertEquals(1, shop.applied.size());
    }

    @Test
    void anInvoiceWhoseIpnArrivesIsSettledByTheIpnInTheSameWritesAsItsMarkAndNeverSwept() {
        IpnProcessor p = node();
        String tx = "tx-" + u;
        CreatedInvoice invoice = paidWithoutIpn(p, tx, 2);
        IpnDelivery ipn = new IpnDelivery(checkoutIpn(tx, 2, order, "").replace(IpnFixtures.DOC_INVOICE,
                invoice.invoiceId()).getBytes(StandardCharsets.UTF_8), PAYOP_IP, List.of(), List.of(), clock.instant());

        assertEquals(IpnOutcome.PROCESSED, p.process(ipn).outcome());
        clock.advance(AFTER);
        ReconciliationReport swept = p.reconcile();

        assertEquals(0, swept.checked(), "the IPN settled the invoice record: " + swept);
        assertEquals(1, shop.count(PaymentAccepted.class));
        List<IpnJournal.Entry> entries = p.journal().entries(IpnKind.CHECKOUT, tx);
        assertEquals(1, entries.size(), entries.toString());
        assertEquals(PAYOP_IP, entries.get(0).sourceAddress());
        assertEquals(IpnOutcome.PROCESSED, entries.get(0).outcome());
        assertEquals(IpnJournal.ClaimStatus.APPLIED, p.journal().find(new IpnJournal.Key(IpnKind.CHECKOUT, tx,
                "ACCEPTED")).orElseThrow().status());
        assertEquals(IpnOutcome.DUPLICATE, p.process(ipn).outcome());
    }

    @Test
    void aPayerBackOnAnInvoicePaidAtPayopWhoseIpnIsLostGetsNoNewInvoiceAndTheSweepStillAppliesIt() {
        IpnProcessor p = node();
        String tx = "tx-" + u;
        paidWithoutIpn(p, tx, 2);

        // Payop says the invoice is paid before any IPN: the order is paid, again on the next click.
        assertThrows(PayopOrderPaidException.class, () -> p.invoiceFor(request(order, "10.00")));
        assertThrows(PayopOrderPaidException.class, () -> p.invoiceFor(request(order, "10.00")));
        assertEquals(1, fake.invoicesCreated(order), "no second invoice for a paid order");
        assertEquals(0, shop.count(PaymentAccepted.class), "nothing applied without an IPN or the sweep");

        clock.advance(AFTER);
        ReconciliationReport swept = p.reconcile();
        assertEquals(1, swept.applied(), "the sweep still asks about the invoice: " + swept);
        assertEquals(1, shop.count(PaymentAccepted.class));
    }

    @Test
    void aFailedPaymentWhoseIpnIsLostReachesTheShopAsAFailure() {
        IpnProcessor p = node();
        paidWithoutIpn(p, "tx-" + u, 5);
        clock.advance(AFTER);
        assertEquals(1, p.reconcile().applied());
        assertEquals(1, shop.count(PaymentFailed.class));
    }

    @Test
    void theIpnAndTheSweepRacingApplyOnce() throws Exception {
        String tx = "tx-" + u;
        shop.delayMillis = 150; // whichever comes first holds the claim while the other arrives
        IpnProcessor a = node();
        IpnProcessor b = node();
        paidWithoutIpn(a, tx, 2);
        clock.advance(AFTER);

        AtOnce.run(4, i -> switch (i) {
            case 0 -> a.process(delivery(tx, 2)).outcome();
            case 1 -> b.process(delivery(tx, 2)).outcome();
            case 2 -> a.reconcile().toString();
            default -> b.reconcile().toString();
        });
        clock.advance(Duration.ofMinutes(5));
        a.reconcile();
        b.reconcile();
        for (int i = 0; i < 20 && shop.applied.isEmpty(); i++) { // Payop's retry of a 503
            a.process(delivery(tx, 2));
        }

        assertEquals(1, shop.count(PaymentAccepted.class), shop.applied.toString());
        assertEquals(1, shop.applied.size());
    }

    @Test
    void twoNodesSweepingTheSameStoreApplyOnceAndAskPayopOnce() throws Exception {
        String tx = "tx-" + u;
        shop.delayMillis = 100;
        IpnProcessor a = node();
        IpnProcessor b = node();
        String invoice = paidWithoutIpn(a, tx, 2).invoiceId();
        clock.advance(AFTER);
        int checksBefore = fake.invoiceChecks(invoice);

        List<ReconciliationReport> reports = AtOnce.run(2, i -> (i == 0 ? a : b).reconcile());

        assertEquals(1, reports.get(0).checked() + reports.get(1).checked(), "each invoice is taken by one node");
        assertEquals(1, fake.invoiceChecks(invoice) - checksBefore, "Payop is asked about the invoice once");
        assertEquals(1, shop.count(PaymentAccepted.class));
    }

    @Test
    void theSweepGivesUpAfterTheInvoicesLifetimeAndSaysSo() {
        IpnProcessor p = node();
        fake.createsInvoices(order, Duration.ZERO, "inv-" + u);
        CreatedInvoice invoice = p.invoiceFor(request(order, "10.00"));
        fake.invoice(invoice.invoiceId(), order, 0, null); // nobody ever pays

        clock.advance(AFTER);
        assertEquals(1, p.reconcile().open());
        clock.advance(Duration.ofHours(24));
        ReconciliationReport last = p.reconcile();
        assertEquals(1, last.gaveUp(), last.toString());
        clock.advance(Duration.ofHours(1));
        assertEquals(0, p.reconcile().checked(), "no longer asked about");
        assertTrue(shop.applied.isEmpty());
    }

    /**
     * Issue 13: purging old deliveries must not turn Payop's late repeat (up to 24 hours) into a
     * second application. The clock moves a day on; deliveries are purged; a repeat reaching a
     * node that never saw the state applied is still a duplicate. Claims go only after 48 hours.
     */
    @Test
    void purgingKeepsALateRepeatADuplicateThatIsNeverAppliedTwice() {
        String tx = "tx-" + u;
        fake.transaction(tx, 2, order);
        IpnProcessor first = builder(shop).retention(Duration.ofHours(1)).build();
        assertEquals(IpnOutcome.PROCESSED, first.process(delivery(tx, 2)).outcome());

        clock.advance(Duration.ofHours(25));
        IpnJournal.Purged purged = first.purge();
        assertEquals(1, purged.deliveries(), purged.toString());
        assertTrue(first.journal().entries(IpnKind.CHECKOUT, tx).isEmpty(), "the delivery row is gone");

        IpnProcessor otherNode = builder(shop).retention(Duration.ofHours(1)).build(); // remembers nothing itself
        IpnResult late = otherNode.process(delivery(tx, 2));
        assertEquals(IpnOutcome.DUPLICATE, late.outcome(), late.reason());
        assertEquals(1, shop.applied.size(), "never applied twice");

        clock.advance(Duration.ofHours(24)); // 49 hours on: the claim is purged too
        assertEquals(1, first.purge().claims(), "the claim, 49 hours on");
        assertTrue(first.journal().find(new IpnJournal.Key(IpnKind.CHECKOUT, tx, "ACCEPTED")).isEmpty());
    }

    @Test
    void anOperatorListsAnAnomalyAndReDrivesItOnceItsCauseIsFixed() {
        String tx = "tx-" + u;
        fake.transaction(tx, 2, order);
        Map<String, IpnOrderLookup.Order> orders = new ConcurrentHashMap<>();
        orders.put(order, new IpnOrderLookup.Order("99.00", "EUR")); // the shop's typo
        IpnProcessor p = builder(shop).orderLookup(id -> Optional.ofNullable(orders.get(id))).build();

        IpnResult mismatch = p.process(delivery(tx, 2));
        assertEquals(IpnOutcome.ANOMALY, mismatch.outcome());
        assertTrue(p.journal().entries(IpnOutcome.ANOMALY, 100).stream()
                .anyMatch(e -> e.id() == mismatch.journalEntryId()), "listed for the operator");
        assertEquals(IpnOutcome.DUPLICATE, p.process(delivery(tx, 2)).outcome(), "Payop's repeat changes nothing");

        orders.put(order, new IpnOrderLookup.Order("10.00", "EUR")); // fixed
        IpnResult redriven = p.redrive(mismatch.journalEntryId()).orElseThrow();
        assertEquals(IpnOutcome.PROCESSED, redriven.outcome(), redriven.reason());
        assertEquals(1, shop.count(PaymentAccepted.class));
        assertEquals(1, shop.count(Anomaly.class));

        assertEquals(IpnOutcome.DUPLICATE, p.redrive(redriven.journalEntryId()).orElseThrow().outcome(),
                "a payment is never re-driven twice");
        assertEquals(IpnOutcome.DUPLICATE, p.redrive(mismatch.journalEntryId()).orElseThrow().outcome());
        assertEquals(1, shop.count(PaymentAccepted.class));
        assertTrue(p.redrive(Long.MAX_VALUE).isEmpty());
    }

    @Test
    void aFailedDeliveryIsListedAndReDrivenAfterPayopGaveUp() {
        String tx = "tx-" + u;
        IpnFixtures.apiTransactionAnswers(payop, tx, 502, "{\"message\": \"Bad gateway\"}");
        IpnProcessor p = node();
        IpnResult failed = p.process(delivery(tx, 2));
        assertEquals(IpnOutcome.RETRY_LATER, failed.outcome());
        assertTrue(p.journal().entries(IpnOutcome.RETRY_LATER, 10).stream()
                .anyMatch(e -> e.id() == failed.journalEntryId()));

        fake.transaction(tx, 2, order); // the API is back; Payop stopped retrying long ago
        assertEquals(IpnOutcome.PROCESSED, p.redrive(failed.journalEntryId()).orElseThrow().outcome());
        assertEquals(1, shop.count(PaymentAccepted.class));
    }

    @Test
    void aClaimLeftProcessingByACrashedNodeIsListedAsStuckAfterTheLease() {
        String tx = "tx-" + u;
        IpnProcessor p = node();
        IpnJournal.Key key = new IpnJournal.Key(IpnKind.CHECKOUT, tx, "ACCEPTED");
        p.journal().claim(key, p.journal().newEntryId(), clock.instant(), IpnProcessor.DEFAULT_LEASE);
        assertTrue(p.stuckClaims(1000).stream().noneMatch(key::equals), "within its lease it is just busy");
        clock.advance(IpnProcessor.DEFAULT_LEASE.plusSeconds(1));
        assertTrue(p.stuckClaims(1000).contains(key));
    }
}
