package io.github.payop4j.ipn;

import static io.github.payop4j.ipn.IpnFixtures.apiTransaction;
import static io.github.payop4j.ipn.IpnFixtures.checkoutIpn;
import static io.github.payop4j.ipn.IpnFixtures.fromPayop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.ipn.IpnEvent.Anomaly;
import io.github.payop4j.ipn.IpnEvent.PaymentAccepted;
import io.github.payop4j.ipn.IpnJournal.ClaimStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The journal contract under Payop's repeats and races (issue 11): a repeated or racing delivery
 * of a state that is or becomes applied is a duplicate, never an anomaly, and concurrent
 * duplicates wait for the holder instead of answering 503.
 */
abstract class ConcurrentDeliveriesContract extends IpnJournalContract {

    /**
     * Issue 11: a second delivery of an accepted payment that got past the duplicate check while
     * the first was being applied, and would ask the shop for the order only after the first paid
     * it, is a duplicate. The shop's lookup here answers only unpaid orders (the checkout contract
     * that produced the false UNKNOWN_ORDER alarms), so the racer must never consult it.
     */
    @Test
    void aDeliveryRacingTheAppliedAcceptanceIsADuplicateNotAnAnomaly() throws Exception {
        apiSays(2);
        Set<String> paid = ConcurrentHashMap.newKeySet();
        AtomicInteger lookups = new AtomicInteger();
        CountDownLatch firstInHandler = new CountDownLatch(1);
        CountDownLatch racerLookedUp = new CountDownLatch(1);
        CountDownLatch firstDone = new CountDownLatch(1);
        IpnOrderLookup unpaidOnly = id -> {
            if (lookups.incrementAndGet() > 1) {
                racerLookedUp.countDown();
                firstDone.await(20, TimeUnit.SECONDS); // looks only after the first delivery paid the order
            }
            return paid.contains(id) ? Optional.empty() : Optional.of(new IpnOrderLookup.Order("10.00", "EUR"));
        };
        IpnHandler shop = event -> {
            if (event instanceof PaymentAccepted) {
                paid.add(event.orderId());
                firstInHandler.countDown();
                racerLookedUp.await(1, TimeUnit.SECONDS); // hold the claim while the racer arrives
            }
            handler.handle(event);
        };
        IpnProcessor p = IpnProcessor.builder(client).handler(shop).journal(journal()).orderLookup(unpaidOnly).build();
        IpnDelivery delivery = ipn(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        IpnResult first;
        IpnResult racer;
        try {
            Future<IpnResult> a = pool.submit(() -> p.process(delivery));
            assertTrue(firstInHandler.await(20, TimeUnit.SECONDS), "the first delivery reached the handler");
            Future<IpnResult> b = pool.submit(() -> p.process(delivery));
            first = a.get(30, TimeUnit.SECONDS);
            firstDone.countDown();
            racer = b.get(30, TimeUnit.SECONDS);
        } finally {
            firstDone.countDown();
            pool.shutdownNow();
        }
        List<IpnResult> results = new ArrayList<>(List.of(first, racer));
        payopRetries(results, i -> p.process(delivery));

        assertEquals(IpnOutcome.PROCESSED, first.outcome());
        assertEquals(List.of(IpnOutcome.PROCESSED, IpnOutcome.DUPLICATE),
                results.stream().map(IpnResult::outcome).toList(), "the racer is a duplicate: " + racer);
        assertEquals(1, handler.count(PaymentAccepted.class));
        assertEquals(0, handler.count(Anomaly.class), "no false alarm");
        assertEquals(List.of(new Claimed("ACCEPTED", ClaimStatus.APPLIED)), claims());
    }

    /**
     * How the storm's processor runs its claims: the JDBC journals override this to claim inside
     * container-like transactions, where PostgreSQL used to answer a third of the duplicates 503.
     */
    protected IpnProcessor.Builder stormNode(IpnHandler shop, IpnOrderLookup orders) {
        return IpnProcessor.builder(client).handler(shop).journal(journal()).orderLookup(orders);
    }

    /**
     * Issue 11's storm, in the build: 100 paid transactions, each delivered 10 times at once.
     * The shop's lookup answers only unpaid orders (the old checkout contract), the handler pays
     * the order: exactly 100 payments, no anomaly, no claim left PROCESSING, and (bounded waits
     * instead of busy claims) no 503 worth mentioning.
     */
    @Test
    void aStormOfConcurrentDuplicatesPaysEachOrderOnceWithoutFalseAlarms() throws Exception {
        int transactions = 100;
        int copies = 10;
        Set<String> paid = ConcurrentHashMap.newKeySet();
        IpnOrderLookup unpaidOnly = id -> paid.contains(id) ? Optional.empty()
                : Optional.of(new IpnOrderLookup.Order("10.00", "EUR"));
        IpnHandler shop = event -> {
            if (event instanceof PaymentAccepted) {
                paid.add(event.orderId());
            }
            Thread.sleep(2); // the shop's own write
            handler.handle(event);
        };
        IpnProcessor p = stormNode(shop, unpaidOnly).build();
        List<String> txs = new ArrayList<>();
        List<IpnDelivery> deliveries = new ArrayList<>();
        for (int t = 0; t < transactions; t++) {
            String id = UUID.randomUUID().toString();
            txs.add(id);
            apiTransaction(payop, id, 2, "storm-" + t, "10.00", "EUR", "");
            deliveries.add(fromPayop(checkoutIpn(id, 2, "storm-" + t, "").getBytes(StandardCharsets.UTF_8)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(copies + 6); // waiters stay within the default 16
        List<Future<IpnResult>> futures = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (IpnDelivery delivery : deliveries) {
                CountDownLatch go = new CountDownLatch(1);
                for (int c = 0; c < copies; c++) {
                    futures.add(pool.submit(() -> {
                        go.await();
                        return p.process(delivery);
                    }));
                }
                go.countDown();
            }
            List<IpnResult> results = new ArrayList<>();
            for (Future<IpnResult> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            long busy = results.stream().filter(r -> r.httpStatus() == 503).count();
            System.out.printf("%s: storm of %d x %d deliveries in %d ms: %s, 503s: %d%n", getClass().getSimpleName(),
                    transactions, copies, millis, results.stream().collect(Collectors.groupingBy(
                            r -> r.outcome() + "/" + r.httpStatus(), java.util.TreeMap::new, Collectors.counting())),
                    busy);
            payopRetries(results, i -> p.process(deliveries.get(i / copies)));

            assertEquals(transactions, handler.count(PaymentAccepted.class), "exactly one payment per transaction");
            assertEquals(0, handler.count(Anomaly.class), "no false alarm");
            assertEquals(transactions, handler.applied.size());
            assertTrue(results.stream().allMatch(r -> r.httpStatus() == 200), "all acknowledged in the end");
            assertTrue(busy <= transactions * copies / 100, "503s: " + busy);
            for (String id : txs) {
                assertEquals(List.of(new Claim(ClaimStatus.APPLIED)), journal().claims(IpnKind.CHECKOUT, id).stream()
                        .map(c -> new Claim(c.status())).toList(), "one applied claim, none left PROCESSING");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private record Claim(ClaimStatus status) {
    }

    @Test
    void aDeliveryThatMeetsAClaimHeldElsewhereWaitsForItsOutcomeInsteadOf503() throws Exception {
        IpnJournal.Key key = new IpnJournal.Key(IpnKind.CHECKOUT, tx, "ACCEPTED");
        journal().claim(key, 424243, Instant.now(), IpnProcessor.DEFAULT_LEASE); // another node's delivery
        apiSays(2);
        IpnProcessor p = node(journal(), handler);
        ExecutorService otherNode = Executors.newSingleThreadExecutor();
        try {
            Future<?> finishes = otherNode.submit(() -> {
                Thread.sleep(150);
                otherNode().markApplied(key, 424243, Instant.now());
                return null;
            });
            IpnResult waited = p.process(ipn(2));
            finishes.get(10, TimeUnit.SECONDS);
            assertEquals(IpnOutcome.DUPLICATE, waited.outcome(), waited.toString());
        } finally {
            otherNode.shutdownNow();
        }
        IpnJournal.Key failed = new IpnJournal.Key(IpnKind.CHECKOUT, tx, "FAILED");
        journal().claim(failed, 424244, Instant.now(), IpnProcessor.DEFAULT_LEASE);
        new Thread(() -> {
            sleep(150);
            otherNode().markFailed(failed, 424244, Instant.now()); // the other node's handler failed
        }).start();
        apiSays(5);
        IpnResult retried = p.process(ipn(5));
        assertEquals(IpnOutcome.ANOMALY, retried.outcome(), "a fresh attempt after the holder failed: " + retried);
        assertEquals(0, handler.count(PaymentAccepted.class), "the other node applied it");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
