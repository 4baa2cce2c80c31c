package io.github.payop4j.reliability.shop;

import io.github.payop4j.testkit.PayopEmulator;
import io.github.payop4j.testkit.SentIpn;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Real payments, made the way a customer makes them: the shop creates the order and, on "Pay",
 * the invoice at Payop (the emulator); the emulator then pays or fails it as its hosted page
 * would, and keeps the transaction, so the shop's API confirmation later sees its true state,
 * order and amount.
 */
public final class Checkouts {

    /** An order of the shop with the invoice the shop created for it. */
    public record Checkout(String orderId, String amount, String invoiceId) {
    }

    private Checkouts() {
    }

    /** {@code n} orders with random amounts (EUR), each with its invoice; created 4 at a time. */
    public static List<Checkout> start(ShopClient shop, int n, Random random) {
        List<String> amounts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            amounts.add((1 + random.nextInt(999)) + "." + String.format("%02d", random.nextInt(100)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Checkout>> futures = new ArrayList<>();
            for (String amount : amounts) {
                futures.add(pool.submit(() -> {
                    String orderId = shop.createOrder(amount, "EUR");
                    return new Checkout(orderId, amount, shop.startHostedPayment(orderId));
                }));
            }
            List<Checkout> out = new ArrayList<>();
            for (Future<Checkout> f : futures) {
                out.add(f.get(2, TimeUnit.MINUTES));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the checkouts: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Pays each invoice at the emulator; the transaction ids, in the same order. */
    public static List<String> pay(PayopEmulator payop, List<Checkout> checkouts) {
        return checkouts.stream().map(c -> payop.pay(c.invoiceId())).toList();
    }

    /** Fails each invoice's payment at the emulator; the transaction ids. */
    public static List<String> fail(PayopEmulator payop, List<Checkout> checkouts) {
        return checkouts.stream().map(c -> payop.fail(c.invoiceId())).toList();
    }

    /**
     * Each object's IPN body exactly as the emulator sent it, or recorded it when it has no IPN
     * URL to send to: the first attempt of its latest notification, in the order of {@code objectIds}
     * (transactions, refunds or withdrawals).
     */
    public static List<byte[]> ipnBodies(PayopEmulator payop, Collection<String> objectIds) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Map<String, byte[]> latest = new LinkedHashMap<>();
            for (SentIpn ipn : payop.sentIpns()) {
                if (ipn.attempt() == 1 && !ipn.repeat()) {
                    latest.put(ipn.objectId(), ipn.body().getBytes(StandardCharsets.UTF_8));
                }
            }
            List<byte[]> out = objectIds.stream().filter(latest::containsKey).map(latest::get).toList();
            if (out.size() == objectIds.size()) {
                return out;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the emulator recorded IPNs for " + out.size() + " of "
                        + objectIds.size() + " objects within 60 s");
            }
            sleep(20);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
