package io.github.payop4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.PayopClient;
import io.github.payop4j.checkout.CardToken;
import io.github.payop4j.checkout.CheckoutRequest;
import io.github.payop4j.checkout.Customer;
import io.github.payop4j.invoice.InvoiceStatus;
import io.github.payop4j.ipn.IpnDelivery;
import io.github.payop4j.ipn.IpnEvent;
import io.github.payop4j.ipn.IpnKind;
import io.github.payop4j.ipn.IpnOrderLookup;
import io.github.payop4j.ipn.IpnProcessor;
import io.github.payop4j.ipn.IpnSourcePolicy;
import io.github.payop4j.money.Amount;
import io.github.payop4j.money.CurrencyCode;
import io.github.payop4j.refund.RefundRequest;
import io.github.payop4j.transaction.TransactionState;
import io.github.payop4j.withdrawal.WithdrawalRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** IPNs as Payop sends them: retried until a 200, repeated, late, reordered, from the configured source. */
class IpnDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static PayopEmulator.Builder fast() {
        return PayopEmulator.builder().ipnRetrySchedule(PayopEmulatorExtension.TEST_RETRY_SCHEDULE)
                .ipnTimeout(Duration.ofSeconds(5));
    }

    /** A shop: payop-core's IpnProcessor, confirming with the emulator's API, behind an HTTP endpoint. */
    private static final class Shop implements AutoCloseable {
        final List<IpnEvent> events = new CopyOnWriteArrayList<>();
        final ShopEndpoint endpoint;

        Shop(PayopEmulator payop, String allowed) {
            IpnProcessor processor = IpnProcessor.builder(payop.client())
                    .sources(IpnSourcePolicy.builder().allow(allowed).build())
                    .orderLookup(orderId -> Optional.of(new IpnOrderLookup.Order("10.00", "EUR")))
                    .handler(events::add)
                    .build();
            endpoint = ShopEndpoint.start((n, r) -> processor.process(IpnDelivery.of(
                    r.body().getBytes(StandardCharsets.UTF_8), r.peer())).httpStatus());
            payop.sendIpnsTo(endpoint.url());
        }

        <T extends IpnEvent> long count(Class<T> type) {
            return events.stream().filter(type::isInstance).count();
        }

        @Override
        public void close() {
            endpoint.close();
        }
    }

    @Test
    void aPaymentWithTheLostIpnCardIsPaidButNeverNotified() {
        try (ShopEndpoint shop = ShopEndpoint.start((n, r) -> 200);
                PayopEmulator payop = fast().ipnUrl(shop.url()).start()) {
            PayopClient client = payop.client();
            String lostInvoice = Invoices.create(client, "ipn-lost", "10.00", 381).invoiceId();
            String lost = payByCard(client, lostInvoice, TestCards.PAID_IPN_LOST);
            String heardInvoice = Invoices.create(client, "ipn-heard", "10.00", 381).invoiceId();
            String heard = payByCard(client, heardInvoice, TestCards.SUCCESS);
            payop.awaitIpnsSettled(WAIT);

            assertEquals(TransactionState.ACCEPTED, client.transactions().get(lost).state(), "the API knows it paid");
            assertEquals(InvoiceStatus.PAID, client.invoices().get(lostInvoice).status());
            assertEquals(List.of(heard), payop.sentIpns().stream().map(SentIpn::objectId).distinct().toList(),
                    "only the other payment was notified");
            assertEquals(1, shop.received().size());
        }
    }

    private static String payByCard(PayopClient client, String invoiceId, String pan) {
        CardToken token = client.checkout().createCardToken(invoiceId, TestCards.card(pan));
        return client.checkout().createTransaction(CheckoutRequest.of(invoiceId,
                Customer.of("jane@example.com", "Jane Doe"), "https://shop.example/check/{{txid}}").cardToken(token))
                .transactionId();
    }

    @Test
    void anEndpointAnswering500TwiceThen200ReceivesExactlyThreeDeliveries() {
        try (ShopEndpoint shop = ShopEndpoint.start((n, r) -> n <= 2 ? 500 : 200);
                PayopEmulator payop = fast().ipnUrl(shop.url()).start()) {
            String invoiceId = Invoices.create(payop.client(), "ipn-1", "10.00", null).invoiceId();
            String txid = payop.pay(invoiceId);
            payop.awaitIpnsSettled(WAIT);
            assertEquals(3, shop.received().size());
            List<SentIpn> sent = payop.sentIpns();
            assertEquals(List.of(500, 500, 200), sent.stream().map(SentIpn::status).toList());
            assertEquals(List.of(1, 2, 3), sent.stream().map(SentIpn::attempt).toList());
            assertTrue(sent.stream().allMatch(s -> s.objectId().equals(txid) && s.kind() == IpnKind.CHECKOUT));
            assertEquals(1, shop.received().stream().map(ShopEndpoint.Received::body).distinct().count(),
                    "every retry carries the same body");
        }
    }

    @Test
    void retriesStopWhenTheScheduleRunsOut() {
        try (ShopEndpoint shop = ShopEndpoint.start((n, r) -> 503);
                PayopEmulator payop = fast().ipnUrl(shop.url()).start()) {
            payop.fail(Invoices.create(payop.client(), "ipn-2", "10.00", null).invoiceId());
            payop.awaitIpnsSettled(WAIT);
            assertEquals(4, shop.received().size(), "three waits allow four attempts");
            assertFalse(payop.sentIpns().stream().anyMatch(SentIpn::acknowledged));
        }
    }

    @Test
    void withRepeatsOnTheShopGetsEveryCopyFromTheSourceAddressAndAppliesTheStateOnce() {
        try (PayopEmulator payop = fast().ipnRepeats(4).ipnSourceAddress("127.0.0.2").start();
                Shop shop = new Shop(payop, "127.0.0.2")) {
            String invoiceId = Invoices.create(payop.client(), "ipn-3", "10.00", null).invoiceId();
            payop.pay(invoiceId);
            payop.awaitIpnsSettled(WAIT);
            assertEquals(4, shop.endpoint.received().size());
            assertTrue(shop.endpoint.received().stream().allMatch(r -> r.peer().equals("127.0.0.2")));
            assertEquals(List.of(false, true, true, true), payop.sentIpns().stream().map(SentIpn::repeat).toList());
            assertEquals(1, shop.count(IpnEvent.PaymentAccepted.class));
            assertEquals(1, shop.events.size(), "duplicates are answered, never applied: " + shop.events);
        }
    }

    @Test
    void aShopThatDoesNotAllowTheSourceRefusesEveryAttempt() {
        try (PayopEmulator payop = fast().ipnSourceAddress("127.0.0.3").start();
                Shop shop = new Shop(payop, "127.0.0.2")) {
            payop.pay(Invoices.create(payop.client(), "ipn-4", "10.00", null).invoiceId());
            payop.awaitIpnsSettled(WAIT);
            assertEquals(List.of(403, 403, 403, 403), payop.sentIpns().stream().map(SentIpn::status).toList());
            assertEquals(List.of(), shop.events);
        }
    }

    @Test
    void failedThenAcceptedArrivesInThatOrderAndTheShopEndsPaid() {
        try (PayopEmulator payop = fast().lateAcceptance(Duration.ofMillis(100)).start();
                Shop shop = new Shop(payop, "127.0.0.1")) {
            String invoiceId = Invoices.create(payop.client(), "ipn-5", "10.00", null).invoiceId();
            String txid = payop.pay(invoiceId);
            payop.awaitIpns(2, WAIT);
            payop.awaitIpnsSettled(WAIT);
            assertEquals(List.of(5, 2), payop.sentIpns().stream().map(SentIpn::state).toList());
            assertInstanceOf(IpnEvent.PaymentFailed.class, shop.events.get(0));
            assertInstanceOf(IpnEvent.PaymentAccepted.class, shop.events.get(1));
            assertEquals(io.github.payop4j.transaction.TransactionState.ACCEPTED,
                    payop.client().transactions().get(txid).state());
        }
    }

    @Test
    void outOfOrderDeliversTheLaterStateFirst() {
        try (ShopEndpoint shop = ShopEndpoint.alwaysOk();
                PayopEmulator payop = fast().ipnUrl(shop.url()).ipnDelay(Duration.ofMillis(300)).ipnOutOfOrder(true)
                        .start()) {
            String invoiceId = Invoices.create(payop.client(), "ipn-6", "10.00", null).invoiceId();
            String txid = payop.fail(invoiceId);
            payop.acceptLate(txid);
            payop.awaitIpnsSettled(WAIT);
            assertEquals(List.of(2, 5), payop.sentIpns().stream().map(SentIpn::state).toList());
        }
    }

    @Test
    void aDelayHoldsTheFirstDeliveryBack() {
        try (ShopEndpoint shop = ShopEndpoint.alwaysOk();
                PayopEmulator payop = fast().ipnUrl(shop.url()).ipnDelay(Duration.ofMillis(400)).start()) {
            String invoiceId = Invoices.create(payop.client(), "ipn-7", "10.00", null).invoiceId();
            Instant paidAt = Instant.now();
            payop.pay(invoiceId);
            assertTrue(payop.sentIpns().isEmpty());
            SentIpn first = payop.awaitIpns(1, WAIT).get(0);
            assertFalse(first.sentAt().isBefore(paidAt.plusMillis(400)), "sent at " + first.sentAt());
        }
    }

    @Test
    void refundAndWithdrawalIpnsReachTheShopAndAreConfirmed() {
        try (PayopEmulator payop = fast().balance("EUR", "50.00").start(); Shop shop = new Shop(payop, "127.0.0.1")) {
            String txid = payop.pay(Invoices.create(payop.client(), "ipn-8", "10.00", null).invoiceId());
            payop.client().refunds().create(RefundRequest.partial(txid, Amount.of("4.00")));
            payop.client().withdrawals().createMass(List.of(WithdrawalRequest.of(15, Amount.of("20.00"),
                    CurrencyCode.of("EUR"), Map.of("direction", "Payout", "email", "p@example.com"))));
            payop.awaitIpns(3, WAIT);
            payop.awaitIpnsSettled(WAIT);
            assertEquals(List.of(IpnKind.CHECKOUT, IpnKind.REFUND, IpnKind.WITHDRAWAL),
                    payop.sentIpns().stream().map(SentIpn::kind).toList());
            assertTrue(payop.sentIpns().stream().allMatch(SentIpn::acknowledged), payop.sentIpns().toString());
            assertEquals(1, shop.count(IpnEvent.PaymentAccepted.class));
            assertEquals(1, shop.count(IpnEvent.RefundUpdated.class));
            assertEquals(1, shop.count(IpnEvent.WithdrawalUpdated.class));
            assertEquals(0, shop.count(IpnEvent.Anomaly.class), shop.events.toString());
        }
    }

    @Test
    void withoutAnIpnUrlTheNotificationIsRecordedAsUndeliverable() {
        try (PayopEmulator payop = fast().start()) {
            payop.pay(Invoices.create(payop.client(), "ipn-9", "10.00", null).invoiceId());
            SentIpn s = payop.awaitIpns(1, WAIT).get(0);
            assertEquals(-1, s.status());
            assertEquals("no IPN URL is configured", s.error());
        }
    }
}
