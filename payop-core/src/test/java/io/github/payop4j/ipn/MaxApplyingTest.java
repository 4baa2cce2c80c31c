package io.github.payop4j.ipn;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.payop4j.ipn.IpnFixtures.apiTransaction;
import static io.github.payop4j.ipn.IpnFixtures.checkoutIpn;
import static io.github.payop4j.ipn.IpnFixtures.fromPayop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.ClientFixture;
import io.github.payop4j.PayopClient;
import io.github.payop4j.testing.PayopStub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code maxApplying}: at most that many deliveries are applied at once (claim, order check,
 * handlers, mark); the others wait their turn, and one that gets none within the wait is answered
 * "retry later" and applied when Payop retries it. Nothing is lost or applied twice either way. A
 * call to Payop after the commit (the opt-in refund of a double payment) holds no turn.
 */
class MaxApplyingTest {

    @RegisterExtension
    static WireMockExtension payop = PayopStub.extension();

    private PayopClient client;
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @BeforeEach
    void setUp() {
        client = ClientFixture.client(payop.baseUrl());
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        client.close();
    }

    @Test
    void noMoreThanMaxApplyingHandlersRunAtOnceAndEveryDeliveryIsApplied() throws Exception {
        GatedShop shop = new GatedShop();
        IpnProcessor processor = IpnProcessor.builder(client).handler(shop).journal(IpnJournal.inMemory())
                .maxApplying(2).duplicateWait(Duration.ofSeconds(30)).build();
        List<Future<IpnResult>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String tx = paidTransaction();
            results.add(pool.submit(() -> processor.process(fromPayop(checkoutIpn(tx, 2, order(tx), "")))));
        }
        assertTrue(shop.entered.tryAcquire(2, 10, TimeUnit.SECONDS), "two deliveries reach the shop");
        // The other four are confirmed with the API and wait for a turn; none may reach the shop now.
        assertFalse(shop.entered.tryAcquire(1, 500, TimeUnit.MILLISECONDS), "a third delivery ran at the same time");
        shop.release.countDown();
        for (Future<IpnResult> r : results) {
            assertEquals(IpnOutcome.PROCESSED, r.get(10, TimeUnit.SECONDS).outcome());
        }
        assertEquals(6, shop.applied.get());
        assertEquals(2, shop.mostAtOnce.get());
    }

    @Test
    void aDeliveryWithoutATurnWithinTheWaitIsRetriedLaterAndThenAppliedOnce() throws Exception {
        GatedShop shop = new GatedShop();
        IpnProcessor processor = IpnProcessor.builder(client).handler(shop).journal(IpnJournal.inMemory())
                .maxApplying(1).duplicateWait(Duration.ofMillis(200)).build();
        String first = paidTransaction();
        String second = paidTransaction();
        Future<IpnResult> holding = pool.submit(() -> processor.process(fromPayop(checkoutIpn(first, 2,
                order(first), ""))));
        assertTrue(shop.entered.tryAcquire(1, 10, TimeUnit.SECONDS));

        IpnResult waited = processor.process(fromPayop(checkoutIpn(second, 2, order(second), "")));
        assertEquals(IpnOutcome.RETRY_LATER, waited.outcome());
        assertEquals(503, waited.httpStatus());
        assertTrue(waited.reason().contains("no turn within 200 ms"), waited.reason());
        assertEquals(IpnOutcome.RETRY_LATER, processor.journal().entries(IpnKind.CHECKOUT, second).get(0).outcome(),
                "the refused delivery is journaled");

        shop.release.countDown();
        assertEquals(IpnOutcome.PROCESSED, holding.get(10, TimeUnit.SECONDS).outcome());
        assertEquals(IpnOutcome.PROCESSED, processor.process(fromPayop(checkoutIpn(second, 2, order(second), "")))
                .outcome(), "Payop's retry is applied");
        assertEquals(IpnOutcome.DUPLICATE, processor.process(fromPayop(checkoutIpn(second, 2, order(second), "")))
                .outcome());
        assertEquals(2, shop.applied.get(), "the shop sees each payment once");
    }

    @Test
    void aSlowRefundOfADoublePaymentHoldsNoTurn() throws Exception {
        payop.stubFor(post("/v1/refunds/create").willReturn(okJson("{\"data\": \"refund-1\", \"status\": 1}")
                .withHeader("identifier", "refund-1").withFixedDelay(3_000)));
        IpnProcessor processor = IpnProcessor.builder(client).handler(e -> { }).journal(IpnJournal.inMemory())
                .refundDoublePayments(true).maxApplying(1).duplicateWait(Duration.ofMillis(1_000)).build();
        String order = "order-" + UUID.randomUUID();
        String paying = UUID.randomUUID().toString();
        String doublePayment = UUID.randomUUID().toString();
        apiTransaction(payop, paying, 2, order, "3", "USD", "");
        apiTransaction(payop, doublePayment, 2, order, "3", "USD", "");
        assertEquals(IpnOutcome.PROCESSED, processor.process(fromPayop(checkoutIpn(paying, 2, order, ""))).outcome());

        Future<IpnResult> refunding = pool.submit(() -> processor.process(fromPayop(checkoutIpn(doublePayment, 2,
                order, ""))));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (payop.findAll(postRequestedFor(urlEqualTo("/v1/refunds/create"))).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the refund was never requested");
            Thread.sleep(10);
        }
        // Payop takes 3 s to answer the refund; the one turn is free meanwhile.
        String next = paidTransaction();
        IpnResult applied = processor.process(fromPayop(checkoutIpn(next, 2, order(next), "")));
        assertEquals(IpnOutcome.PROCESSED, applied.outcome(), applied.reason());
        assertEquals(IpnOutcome.ANOMALY, refunding.get(10, TimeUnit.SECONDS).outcome());
        assertEquals(1, payop.findAll(postRequestedFor(urlEqualTo("/v1/refunds/create"))).size());
    }

    @Test
    void theBuilderRefusesABoundOutsideOneToAThousand() {
        IpnProcessor.Builder b = IpnProcessor.builder(client);
        assertEquals("maxApplying must be between 1 and 1000",
                assertThrows(IllegalArgumentException.class, () -> b.maxApplying(0)).getMessage());
        b.maxApplying(1_000);
    }

    /** A new transaction that pays its own order, as the API reports it. */
    private static String paidTransaction() {
        String tx = UUID.randomUUID().toString();
        apiTransaction(payop, tx, 2, order(tx), "3", "USD", "");
        return tx;
    }

    private static String order(String tx) {
        return "order-" + tx;
    }

    /** Holds every delivery in the handler until released, and counts how many were there at once. */
    private static final class GatedShop implements IpnHandler {
        final Semaphore entered = new Semaphore(0);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final AtomicInteger applied = new AtomicInteger();

        @Override
        public void handle(IpnEvent event) throws Exception {
            mostAtOnce.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                entered.release();
                if (!release.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
                applied.incrementAndGet();
            } finally {
                inside.decrementAndGet();
            }
        }
    }
}
