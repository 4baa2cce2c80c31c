package io.github.payop4j.ipn;

import static io.github.payop4j.ipn.FakePayop.request;
import static io.github.payop4j.ipn.IpnFixtures.PAYOP_IP;
import static io.github.payop4j.ipn.IpnFixtures.checkoutIpn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.ClientFixture;
import io.github.payop4j.PayopClient;
import io.github.payop4j.error.PayopOrderPaidException;
import io.github.payop4j.error.PayopPaymentUnderWayException;
import io.github.payop4j.invoice.CreatedInvoice;
import io.github.payop4j.ipn.IpnEvent.Anomaly;
import io.github.payop4j.ipn.IpnEvent.PaymentAccepted;
import io.github.payop4j.testing.AtOnce;
import io.github.payop4j.testing.PayopStub;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One invoice per order attempt, and no double payment, on every store: what a shop sees when
 * its payers click "Pay" twice, come back later, or pay one order with two transactions.
 */
abstract class InvoiceRecordsContract {

    @RegisterExtension
    static WireMockExtension payop = PayopStub.extension();

    /** A fresh store, called once per test: every node of the test shares it. */
    protected abstract Stores.Store newStore();

    private Stores.Store store;

    protected Stores.Store store() {
        return store;
    }

    protected FakePayop fake;
    protected PayopClient client;
    protected FakePayop.MovingClock clock;
    protected String order;
    protected String u;

    @BeforeEach
    void setUp() {
        store = newStore();
        fake = new FakePayop(payop);
        client = ClientFixture.client(payop.baseUrl());
        clock = new FakePayop.MovingClock();
        u = UUID.randomUUID().toString().substring(0, 8);
        order = "order-" + u;
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    protected IpnProcessor node(IpnHandler handler) {
        return store().node(client, handler, clock).build();
    }

    /** The shop's lookup as many shops write it: amount and currency, no paying transaction. */
    protected IpnOrderLookup ordersWithoutPayer() {
        return id -> Optional.of(new IpnOrderLookup.Order("10.00", "EUR"));
    }

    protected IpnDelivery accepted(String tx) {
        return new IpnDelivery(checkoutIpn(tx, 2, order, "").getBytes(StandardCharsets.UTF_8), PAYOP_IP, List.of(),
                List.of(), clock.instant());
    }

    @Test
    void aSecondPayReusesTheOpenInvoiceAndAFailedOrChangedOneGetsASuccessor() {
        fake.createsInvoices(order, Duration.ZERO, "inv-a-" + u, "inv-b-" + u, "inv-c-" + u);
        fake.voids();
        IpnProcessor p = node(new RecordingHandler());

        CreatedInvoice first = p.invoiceFor(request(order, "10.00"));
        fake.invoice(first.invoiceId(), order, 0, null);
        CreatedInvoice again = p.invoiceFor(request(order, "10.0"));
        assertEquals(first, again, "the same invoice, page and signature: \"10.0\" is the same amount");
        assertEquals(1, fake.invoicesCreated(order));

        fake.invoice(first.invoiceId(), order, 5, "tx-failed-" + u); // the payment failed
        CreatedInvoice second = p.invoiceFor(request(order, "10.00"));
        assertEquals("inv-b-" + u, second.invoiceId());

        fake.invoice(second.invoiceId(), order, 4, "tx-pending-" + u); // a payment under way, then the order changes
        CreatedInvoice third = p.invoiceFor(request(order, "12.50"));
        assertEquals("inv-c-" + u, third.invoiceId());
        assertEquals(3, fake.invoicesCreated(order));
        assertEquals(1, fake.voidsRequested(second.invoiceId()), "the replaced invoice's payment is voided");
        assertEquals(0, fake.voidsRequested(first.invoiceId()));
    }

    @Test
    void aDirectOrCardPaymentIsNotStartedOnAnInvoiceWithAPaymentUnderWay() {
        fake.createsInvoices(order, Duration.ZERO, "inv-a-" + u, "inv-b-" + u);
        IpnProcessor p = node(new RecordingHandler());
        CreatedInvoice first = p.invoiceForTransaction(request(order, "10.00"));
        fake.invoice(first.invoiceId(), order, 0, null);
        assertEquals(first, p.invoiceForTransaction(request(order, "10.00")), "no transaction yet: reused");

        fake.invoice(first.invoiceId(), order, 4, "tx-" + u); // the payer's other tab started one
        PayopPaymentUnderWayException e = assertThrows(PayopPaymentUnderWayException.class,
                () -> p.invoiceForTransaction(request(order, "10.00")));
        assertEquals(first.invoiceId(), e.invoiceId());
        assertEquals(first, p.invoiceFor(request(order, "10.00")), "the hosted page shows that payment");
        assertEquals(1, fake.invoicesCreated(order));
    }

    @Test
    void anInvoiceWithLessThanAnHourOfItsDayLeftIsNotReused() {
        fake.createsInvoices(order, Duration.ZERO, "inv-a-" + u, "inv-b-" + u);
        IpnProcessor p = node(new RecordingHandler());
        CreatedInvoice first = p.invoiceFor(request(order, "10.00"));
        fake.invoice(first.invoiceId(), order, 0, null);

        clock.advance(Duration.ofHours(22));
        assertEquals(first.invoiceId(), p.invoiceFor(request(order, "10.00")).invoiceId());
        clock.advance(Duration.ofMinutes(90));
        assertEquals("inv-b-" + u, p.invoiceFor(request(order, "10.00")).invoiceId());
    }

    @Test
    void payClicksAtOnceOnTwoNodesCreateOneInvoice() throws Exception {
        fake.createsInvoices(order, Duration.ofMillis(300), "inv-a-" + u, "inv-b-" + u);
        fake.invoice("inv-a-" + u, order, 0, null);
        fake.invoice("inv-b-" + u, order, 0, null);
        IpnProcessor a = node(new RecordingHandler());
        IpnProcessor b = node(new RecordingHandler());

        List<String> ids = AtOnce.run(8, i -> (i % 2 == 0 ? a : b).invoiceFor(request(order, "10.00")).invoiceId());

        assertEquals(Set.of("inv-a-" + u), Set.copyOf(ids));
        assertEquals(1, fake.invoicesCreated(order), "one invoice at Payop, not one per click");
    }

    @Test
    void aPaidOrderGetsNoSecondInvoice() {
        fake.createsInvoices(order, Duration.ZERO, "inv-a-" + u, "inv-b-" + u);
        IpnProcessor p = node(new RecordingHandler());
        CreatedInvoice first = p.invoiceFor(request(order, "10.00"));
        String tx = "tx-" + u;
        fake.transaction(tx, 2, order);
        assertEquals(IpnOutcome.PROCESSED, p.process(accepted(tx)).outcome());

        PayopOrderPaidException e = assertThrows(PayopOrderPaidException.class,
                () -> p.invoiceFor(request(order, "10.00")));
        assertEquals(tx, e.transactionId());
        assertEquals(1, fake.invoicesCreated(order));
        assertTrue(e.getMessage().contains(first.invoiceId()) || e.getMessage().contains(tx), e.getMessage());
    }

    @Test
    void aSecondTransactionPayingAnOrderIsADoublePaymentNamingBothEvenWhenTheShopNamesNone() {
        RecordingHandler shop = new RecordingHandler();
        IpnProcessor p = store().node(client, shop, clock).orderLookup(ordersWithoutPayer()).build();
        String first = "tx1-" + u;
        String second = "tx2-" + u;
        fake.transaction(first, 2, order);
        fake.transaction(second, 2, order);

        assertEquals(IpnOutcome.PROCESSED, p.process(accepted(first)).outcome());
        IpnResult again = p.process(accepted(second));

        assertEquals(IpnOutcome.ANOMALY, again.outcome());
        Anomaly a = assertInstanceOf(Anomaly.class, again.event());
        assertEquals(Anomaly.Type.ALREADY_PAID, a.type());
        assertEquals(second, a.objectId());
        assertEquals(first, a.paidByTransaction());
        assertEquals(1, shop.count(PaymentAccepted.class), "one payment event for the order");
        assertEquals(1, shop.count(Anomaly.class));
        assertEquals(IpnOutcome.DUPLICATE, p.process(accepted(second)).outcome(), "Payop's repeat stays a duplicate");
        assertEquals(IpnOutcome.DUPLICATE, p.process(accepted(first)).outcome());
    }

    @Test
    void twoTransactionsPayingOneOrderAtOnceOnTwoNodesCreditItOnce() throws Exception {
        RecordingHandler shopA = new RecordingHandler();
        RecordingHandler shopB = new RecordingHandler();
        shopA.delayMillis = 100; // hold the first payment's transaction open while the second arrives
        shopB.delayMillis = 100;
        IpnProcessor a = store().node(client, shopA, clock).orderLookup(ordersWithoutPayer()).build();
        IpnProcessor b = store().node(client, shopB, clock).orderLookup(ordersWithoutPayer()).build();
        String first = "tx1-" + u;
        String second = "tx2-" + u;
        fake.transaction(first, 2, order);
        fake.transaction(second, 2, order);

        List<IpnResult> results = AtOnce.run(6, i -> (i % 2 == 0 ? a : b).process(accepted(i < 3 ? first : second)));
        for (int i = 0; i < results.size(); i++) {
            for (int round = 0; round < 20 && !results.get(i).outcome().acknowledged(); round++) {
                int n = i;
                results.set(i, (n % 2 == 0 ? a : b).process(accepted(n < 3 ? first : second)));
            }
        }

        List<IpnEvent> events = new ArrayList<>(shopA.applied);
        events.addAll(shopB.applied);
        List<PaymentAccepted> paid = events.stream().filter(PaymentAccepted.class::isInstance)
                .map(PaymentAccepted.class::cast).toList();
        List<Anomaly> doubles = events.stream().filter(Anomaly.class::isInstance).map(Anomaly.class::cast).toList();
        assertEquals(1, paid.size(), events.toString());
        assertEquals(1, doubles.size(), events.toString());
        assertEquals(Anomaly.Type.ALREADY_PAID, doubles.get(0).type());
        assertEquals(paid.get(0).objectId(), doubles.get(0).paidByTransaction(), "names the paying transaction");
        assertNotEquals(paid.get(0).objectId(), doubles.get(0).objectId(), "and the second one");
    }

    @Test
    void anOptedInRefundOfADoublePaymentIsSentOnceWhateverRepeatsOrReDrives() throws Exception {
        fake.refunds("refund-" + u);
        RecordingHandler shop = new RecordingHandler();
        IpnProcessor a = store().node(client, shop, clock).refundDoublePayments(true).build();
        IpnProcessor b = store().node(client, shop, clock).refundDoublePayments(true).build();
        String first = "tx1-" + u;
        String second = "tx2-" + u;
        fake.transaction(first, 2, order);
        fake.transaction(second, 2, order);
        a.process(accepted(first));

        List<IpnResult> results = AtOnce.run(6, i -> (i % 2 == 0 ? a : b).process(accepted(second)));
        long anomalies = results.stream().filter(r -> r.outcome() == IpnOutcome.ANOMALY).count();
        assertEquals(1, anomalies, results.stream().map(IpnResult::outcome).collect(Collectors.toList()).toString());
        long entry = results.stream().filter(r -> r.outcome() == IpnOutcome.ANOMALY).findFirst().orElseThrow()
                .journalEntryId();
        assertEquals(1, fake.refundsRequested(second), "the second payment is refunded once");
        assertEquals(0, fake.refundsRequested(first), "never the paying one");

        IpnResult redriven = a.redrive(entry).orElseThrow();
        assertEquals(IpnOutcome.ANOMALY, redriven.outcome(), "still a double payment");
        assertEquals(1, fake.refundsRequested(second), "a re-drive does not refund again");
        assertEquals(1, shop.count(PaymentAccepted.class));
    }
}
