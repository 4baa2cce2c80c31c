package io.github.payop4j.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.payop4j.invoice.InvoiceRequest;
import io.github.payop4j.invoice.Payer;
import io.github.payop4j.money.Amount;
import io.github.payop4j.money.CurrencyCode;
import io.github.payop4j.refund.RefundRequest;
import io.github.payop4j.reliability.fuzz.IpnFuzzer;
import io.github.payop4j.reliability.report.Figures;
import io.github.payop4j.reliability.server.Postgres;
import io.github.payop4j.reliability.server.ShopWar;
import io.github.payop4j.reliability.server.WildFlyNode;
import io.github.payop4j.reliability.shop.Checkouts;
import io.github.payop4j.reliability.shop.Checkouts.Checkout;
import io.github.payop4j.reliability.shop.Forgery;
import io.github.payop4j.reliability.shop.ShopClient;
import io.github.payop4j.reliability.traffic.IpnPost;
import io.github.payop4j.reliability.traffic.Tally;
import io.github.payop4j.testkit.PayopEmulator;
import io.github.payop4j.withdrawal.WithdrawalRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * What an attacker or a broken sender can throw at the IPN endpoint of one WildFly shop, orders
 * and journal in PostgreSQL: forged IPNs the API does not confirm, forwarding headers spoofed
 * by a peer that is not the shop's proxy, and ten thousand fuzzed bodies. None may credit an
 * order; a forgery is reported as an anomaly, once; nothing may make the server answer 5xx.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileIpnsIT {

    static final String DB = "shop";
    static final int FUZZED = 10_000;
    /** payop.ipn.max-body-bytes, the default. */
    static final int MAX_BODY_BYTES = 65_536;

    private static PayopEmulator payop;
    private static Postgres postgres;
    private static WildFlyNode node;
    private static ShopClient shop;
    private static final Random RANDOM = new Random(5);

    @BeforeAll
    static void boot() {
        Path work = Suite.work("hostile");
        payop = Suite.emulator().balance("EUR", "1000.00").start(); // no IPN URL: the test delivers
        postgres = Postgres.start(work.resolve("postgres"));
        postgres.createDatabase(DB);
        node = WildFlyNode.create("hostile", work)
                .deploy(ShopWar.named("shop").config(Suite.shopSettings(payop)).postgres(postgres.port(), DB)
                        .journalInPostgres().writeTo(work.resolve("wars")))
                .start();
        shop = new ShopClient(node.url("shop"));
    }

    @AfterAll
    static void stop() {
        Suite.stopAll("hostile", payop, postgres, node);
    }

    @Test
    @Order(1)
    void forgedIpnsNeverPayAndEachIsReportedOnce() {
        long creditsBefore = credits();
        // The API does not know the transaction.
        List<Checkout> unpaid = Checkouts.start(shop, 10, RANDOM);
        // The API says the payment failed.
        List<Checkout> failing = Checkouts.start(shop, 10, RANDOM);
        List<byte[]> failed = Checkouts.ipnBodies(payop, Checkouts.fail(payop, failing));
        Map<String, byte[]> forged = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < unpaid.size(); i++) {
            String tx = UUID.randomUUID().toString();
            forged.put(tx, Forgery.inventedTransaction(failed.get(i), tx, unpaid.get(i).invoiceId(),
                    unpaid.get(i).orderId()));
            expected.put(tx, "UNCONFIRMED");
        }
        for (int i = 0; i < failing.size(); i++) {
            String tx = txOf(failed.get(i));
            forged.put(tx, Forgery.claimAccepted(failed.get(i)));
            expected.put(tx, "UNCONFIRMED");
        }
        // The API says the payment was of another amount: paid on an invoice for 0.49 of the shop's order.
        List<String> orders = new ArrayList<>();
        List<String> otherAmount = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String orderId = shop.createOrder("49.90", "EUR");
            orders.add(orderId);
            String invoice = payop.client().invoices().create(InvoiceRequest.builder().orderId(orderId)
                    .amount("0.49").currency("EUR").payer(Payer.withEmail("buyer@example.com")).build()).invoiceId();
            otherAmount.add(payop.pay(invoice));
        }
        List<byte[]> genuine = Checkouts.ipnBodies(payop, otherAmount);
        for (int i = 0; i < otherAmount.size(); i++) {
            forged.put(otherAmount.get(i), genuine.get(i));
            expected.put(otherAmount.get(i), "AMOUNT_MISMATCH");
        }

        Tally answers = new Tally();
        forged.values().forEach(body -> {
            answers.add(IpnPost.send(shop.ipnUrl(), Suite.PAYOP_SOURCE, body));
            answers.add(IpnPost.send(shop.ipnUrl(), Suite.PAYOP_SOURCE, body)); // and Payop's repeat
        });
        Map<String, Long> reported = new TreeMap<>();
        Map<String, String> wrong = new LinkedHashMap<>();
        expected.forEach((tx, type) -> {
            List<String> anomalies = shop.anomalies(tx);
            anomalies.forEach(a -> reported.merge(a, 1L, Long::sum));
            if (!anomalies.equals(List.of(type))) {
                wrong.put(tx, anomalies.toString());
            }
        });
        long paidOrders = 0;
        for (Checkout c : unpaid) {
            paidOrders += shop.order(c.orderId()).getInt("paidCount");
        }
        for (Checkout c : failing) {
            paidOrders += shop.order(c.orderId()).getInt("paidCount");
        }
        for (String orderId : orders) {
            paidOrders += shop.order(orderId).getInt("paidCount");
        }
        long credits = credits() - creditsBefore;
        Figures.of("forged IPNs")
                .put("sent", forged.size() + " forgeries x 2 (API: 10 not found, 10 failed, 10 another amount)")
                .put("answers", answers)
                .put("credits", credits + " (forged orders paid: " + paidOrders + ")")
                .put("anomalies reported", reported + (wrong.isEmpty() ? "" : ", not as expected: " + wrong))
                .report();

        assertEquals(0, credits, "credits");
        assertEquals(30, answers.get("200 ok"), "forgeries acknowledged (as anomalies): " + answers);
        assertEquals(30, answers.get("200 duplicate"), "repeats answered duplicate: " + answers);
        assertEquals(Map.of(), wrong, "each forgery reported as exactly one anomaly of its kind");
    }

    @Test
    @Order(2)
    void spoofedForwardingHeadersFromAStrangerAreRefused() {
        List<Checkout> checkouts = Checkouts.start(shop, 12, RANDOM);
        List<String> transactions = Checkouts.pay(payop, checkouts);
        List<byte[]> bodies = Checkouts.ipnBodies(payop, transactions);
        long creditsBefore = credits();
        int apiCallsBefore = Suite.apiConfirmations(payop, transactions);

        Tally answers = new Tally();
        for (byte[] body : bodies) {
            for (Map<String, List<String>> headers : SpoofedHeaders.ALL) {
                answers.add(IpnPost.send(shop.ipnUrl(), Suite.STRANGER, body, "application/json", headers));
            }
            // localhost is no friend either, and a trusted proxy's chain is walked from the right
            answers.add(IpnPost.send(shop.ipnUrl(), "127.0.0.1", body, "application/json",
                    Map.of("X-Forwarded-For", List.of(Suite.PAYOP_SOURCE))));
            answers.add(IpnPost.send(shop.ipnUrl(), Suite.SHOP_PROXY, body, "application/json",
                    Map.of("X-Forwarded-For", List.of(Suite.PAYOP_SOURCE + ", " + Suite.STRANGER))));
        }
        long creditsAfterSpoofing = credits() - creditsBefore;
        int apiCalls = Suite.apiConfirmations(payop, transactions) - apiCallsBefore;
        long claims = !postgres.tableExists(DB, "payop_ipn_claim") ? 0 : postgres.number(DB,
                "SELECT count(*) FROM payop_ipn_claim WHERE object_id = ANY (?)", (Object) transactions.toArray(new String[0]));

        // The same bodies through the shop's own proxy, for Payop's address: they were genuine.
        Tally control = new Tally();
        for (byte[] body : bodies) {
            control.add(IpnPost.send(shop.ipnUrl(), Suite.SHOP_PROXY, body, "application/json",
                    Map.of("X-Forwarded-For", List.of(Suite.PAYOP_SOURCE))));
        }
        long creditsAfterControl = credits() - creditsBefore;
        Figures.of("spoofed forwarding headers")
                .put("sent", bodies.size() + " genuine IPNs x " + (SpoofedHeaders.ALL.size() + 2)
                        + " spoofs (X-Forwarded-For, Forwarded, X-Real-IP and others, from " + Suite.STRANGER
                        + ", from 127.0.0.1, behind the trusted proxy " + Suite.SHOP_PROXY + ")")
                .put("answers", answers)
                .put("credits", creditsAfterSpoofing)
                .put("API confirmations, claims", apiCalls + ", " + claims)
                .put("control through the trusted proxy", control + ", credits " + creditsAfterControl)
                .report();

        assertEquals(Map.of("403 forbidden", (long) bodies.size() * (SpoofedHeaders.ALL.size() + 2)).toString(),
                answers.toString(), "answers to spoofed deliveries");
        assertEquals(0, creditsAfterSpoofing, "credits from spoofed deliveries");
        assertEquals(0, apiCalls, "API confirmations for spoofed deliveries");
        assertEquals(0, claims, "journal claims for spoofed deliveries");
        assertEquals(bodies.size(), creditsAfterControl, "the genuine IPNs credit through the trusted proxy");
    }

    @Test
    @Order(3)
    void tenThousandFuzzedBodiesNeverAnswer5xxAndNeverCredit() throws InterruptedException {
        List<byte[]> seeds = fuzzSeeds();
        long creditsBefore = credits();
        long anomaliesBefore = postgres.number(DB, "SELECT count(*) FROM shop_event WHERE kind = 'Anomaly'");
        IpnFuzzer fuzzer = new IpnFuzzer(20261130L, seeds);
        List<IpnFuzzer.Body> bodies = new ArrayList<>();
        for (int i = 0; i < FUZZED; i++) {
            bodies.add(fuzzer.next());
        }
        Tally answers = new Tally();
        java.util.concurrent.atomic.AtomicInteger oversizedCutOff = new java.util.concurrent.atomic.AtomicInteger();
        Map<String, Tally> byKind = new TreeMap<>();
        bodies.forEach(b -> byKind.computeIfAbsent(b.kind().name(), k -> new Tally()));
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < bodies.size(); i++) {
            IpnFuzzer.Body body = bodies.get(i);
            String contentType = switch (i % 10) {
                case 0 -> "text/plain";
                case 1 -> null;
                case 2 -> "application/json; charset=ISO-8859-1";
                default -> "application/json";
            };
            pool.execute(() -> {
                IpnPost.Answer a = IpnPost.send(shop.ipnUrl(), Suite.PAYOP_SOURCE, body.bytes(), contentType, Map.of());
                if (a.status() < 0 && body.bytes().length > MAX_BODY_BYTES) {
                    oversizedCutOff.incrementAndGet(); // answered early (413) and closed before reading all
                }
                answers.add(a);
                byKind.get(body.kind().name()).add(a.status() < 0 ? "no answer" : Integer.toString(a.status()));
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(8, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            throw new IllegalStateException("the fuzzed deliveries did not finish within 8 minutes");
        }
        java.time.Duration took = java.time.Duration.ofNanos(System.nanoTime() - started);
        long credits = credits() - creditsBefore;
        long anomalies = postgres.number(DB, "SELECT count(*) FROM shop_event WHERE kind = 'Anomaly'") - anomaliesBefore;
        Figures.of("fuzzed bodies")
                .put("sent", FUZZED + " mutations of " + seeds.size() + " real IPN bodies (checkout accepted and"
                        + " failed, refund, withdrawal), 8 at a time, from Payop's address")
                .put("answers", answers)
                .put("by mutation", byKind)
                .put("duration", took)
                .put("oversized bodies cut off after an early 413", oversizedCutOff.get())
                .put("credits", credits)
                .put("anomalies reported", anomalies)
                .report();

        assertEquals(FUZZED, answers.total());
        assertEquals(0, answers.statusBetween(500, 599), "5xx answers: " + answers);
        assertEquals(oversizedCutOff.get(), answers.noAnswer(), "deliveries without an answer (only an oversized"
                + " body may be cut off after an early 413): " + answers);
        assertEquals(0, credits, "credits from fuzzed bodies");
    }

    /** Real IPNs of every kind, already delivered: paid, failed, a refund, a withdrawal. */
    private static List<byte[]> fuzzSeeds() {
        List<Checkout> paid = Checkouts.start(shop, 4, RANDOM);
        List<String> paidTx = Checkouts.pay(payop, paid);
        List<Checkout> failing = Checkouts.start(shop, 2, RANDOM);
        List<String> failedTx = Checkouts.fail(payop, failing);
        List<byte[]> seeds = new ArrayList<>(Checkouts.ipnBodies(payop, paidTx));
        seeds.addAll(Checkouts.ipnBodies(payop, failedTx));
        String refund = payop.client().refunds().create(RefundRequest.full(paidTx.get(0)));
        String withdrawal = payop.client().withdrawals().createMass(List.of(WithdrawalRequest.of(15,
                Amount.of("10.00"), CurrencyCode.of("EUR"), Map.of("direction", "Supplier payout", "email",
                        "supplier@example.com", "recipientAccountType", 1)))).withdrawals().get(0).id();
        seeds.addAll(Checkouts.ipnBodies(payop, List.of(refund, withdrawal)));
        for (byte[] seed : seeds) {
            IpnPost.Answer a = IpnPost.send(shop.ipnUrl(), Suite.PAYOP_SOURCE, seed);
            assertEquals(200, a.status(), "a seed IPN is applied before fuzzing: " + a.label());
        }
        return seeds;
    }

    private static long credits() {
        return postgres.number(DB, "SELECT coalesce(sum(paid_count), 0) FROM shop_order");
    }


    private static String txOf(byte[] body) {
        return jakarta.json.Json.createReader(new java.io.StringReader(new String(body,
                java.nio.charset.StandardCharsets.UTF_8))).readObject().getJsonObject("transaction").getString("id");
    }
}
