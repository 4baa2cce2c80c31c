package io.github.payop4j.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.reliability.report.Figures;
import io.github.payop4j.reliability.server.Postgres;
import io.github.payop4j.reliability.server.ShopWar;
import io.github.payop4j.reliability.server.WildFlyNode;
import io.github.payop4j.reliability.shop.Checkouts;
import io.github.payop4j.reliability.shop.Checkouts.Checkout;
import io.github.payop4j.reliability.shop.ShopClient;
import io.github.payop4j.reliability.traffic.Storm;
import io.github.payop4j.reliability.traffic.Tally;
import io.github.payop4j.testkit.ApiFault;
import io.github.payop4j.testkit.Operation;
import io.github.payop4j.testkit.PayopEmulator;
import io.github.payop4j.testkit.SentIpn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code kill -9} of WildFly in the middle of an IPN storm, orders and journal in PostgreSQL,
 * then a restart on the same data and Payop's retries: every payment credited exactly once,
 * none lost, none doubled, no claim left PROCESSING.
 *
 * <p>Payop holds every IPN for retry from the start: when the payments happen, Payop's own API
 * is failing (a fault injected in the emulator), so the shop answers each first attempt 503 and
 * the emulator schedules its retries (compressed: seconds instead of minutes). The load is then a
 * storm of those IPNs (8 at a time, 3 concurrent copies each) beside the emulator's retries; when
 * a third of the orders are credited the server is killed with SIGKILL, so IPN transactions are
 * cut in flight, and started again at once.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class CrashRecoveryIT {

    static final int PAYMENTS = 200;
    static final String DB = "shop";

    private static PayopEmulator payop;
    private static Postgres postgres;
    private static WildFlyNode node;

    @AfterAll
    static void stop() {
        Suite.stopAll("crash", payop, postgres, node);
    }

    @Test
    void aServerKilledMidLoadLosesAndDoublesNothing() throws Exception {
        Path work = Suite.work("crash");
        payop = Suite.emulator()
                .ipnRetrySchedule(List.of(Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofSeconds(2),
                        Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(8), Duration.ofSeconds(8),
                        Duration.ofSeconds(8), Duration.ofSeconds(8), Duration.ofSeconds(8), Duration.ofSeconds(8),
                        Duration.ofSeconds(8), Duration.ofSeconds(8), Duration.ofSeconds(8), Duration.ofSeconds(8),
                        Duration.ofSeconds(8), Duration.ofSeconds(8), Duration.ofSeconds(8)))
                .start();
        postgres = Postgres.start(work.resolve("postgres"));
        postgres.createDatabase(DB);
        node = WildFlyNode.create("crash", work)
                .deploy(ShopWar.named("shop").config(Suite.shopSettings(payop))
                        .config("payop.ipn.lease", "5s")         // a claim of a crashed node frees itself soon
                        .config("payop.http.max-attempts", "1")  // an API failure is answered 503 at once
                        .postgres(postgres.port(), DB).journalInPostgres().writeTo(work.resolve("wars")))
                .start();
        Duration firstBoot = node.lastBoot();
        ShopClient shop = new ShopClient(node.url("shop"));
        List<Checkout> checkouts = Checkouts.start(shop, PAYMENTS, new Random(9));

        // Payop's API fails while the payments happen: every first attempt is answered 503.
        payop.sendIpnsTo(shop.ipnUrl());
        payop.inject(Operation.GET_TRANSACTION, ApiFault.serverError(500));
        List<String> transactions = Checkouts.pay(payop, checkouts);
        payop.awaitIpns(PAYMENTS, Duration.ofSeconds(120));
        payop.clearFaults();
        Tally firstAttempts = new Tally();
        payop.sentIpns().forEach(ipn -> firstAttempts.add(ipn.status() + " " + ipn.response().strip()));
        List<byte[]> bodies = new ArrayList<>(Checkouts.ipnBodies(payop, transactions)); // shuffled below
        Collections.shuffle(bodies, new Random(3));

        // The storm, and the kill once a third of the orders are credited.
        long stormStart = System.nanoTime();
        CompletableFuture<Storm.Result> storm = CompletableFuture.supplyAsync(() -> {
            try {
                return new Storm(List.of(shop.ipnUrl()), Suite.PAYOP_SOURCE, 3, 8, 1, Duration.ZERO).run(bodies);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        long creditedAtKill = awaitCredits(PAYMENTS / 3, Duration.ofSeconds(120));
        node.kill();
        Duration killedAfter = Duration.ofNanos(System.nanoTime() - stormStart);
        long processingAfterKill = !postgres.tableExists(DB, "payop_ipn_claim") ? 0
                : postgres.number(DB, "SELECT count(*) FROM payop_ipn_claim WHERE status = 'PROCESSING'");
        Storm.Result stormResult = storm.get(5, TimeUnit.MINUTES);

        // Restart on the same data; Payop's retries bring every IPN home.
        long creditedAtRestart = postgres.number(DB, "SELECT count(*) FROM shop_order WHERE paid_count > 0");
        int apiCallsAtRestart = Suite.apiConfirmations(payop, transactions);
        long restartStart = System.nanoTime();
        node.start();
        payop.awaitIpnsSettled(Duration.ofMinutes(5));
        Duration settledAfterRestart = Duration.ofNanos(System.nanoTime() - restartStart);
        int apiCallsAfterRestart = Suite.apiConfirmations(payop, transactions) - apiCallsAtRestart;

        List<SentIpn> sent = payop.sentIpns();
        Tally emulatorAnswers = new Tally();
        sent.forEach(ipn -> emulatorAnswers.add(ipn.status() < 0 ? "no answer" : ipn.status() + " "
                + ipn.response().strip()));
        Map<String, SentIpn> last = sent.stream().collect(Collectors.toMap(SentIpn::objectId, ipn -> ipn,
                (a, b) -> b));
        long acknowledged = last.values().stream().filter(SentIpn::acknowledged).count();
        long credits = postgres.number(DB, "SELECT coalesce(sum(paid_count), 0) FROM shop_order");
        long paidOnce = postgres.number(DB, "SELECT count(*) FROM shop_order WHERE paid_count = 1");
        long doubled = postgres.number(DB, "SELECT count(*) FROM shop_order WHERE paid_count > 1");
        long unpaid = postgres.number(DB, "SELECT count(*) FROM shop_order WHERE paid_count = 0 AND id <> 'demo-1001'");
        boolean journaled = postgres.tableExists(DB, "payop_ipn_claim");
        List<String> claims = !journaled ? List.of("no journal table") : postgres.column(DB, "SELECT state_key || ':'"
                + " || status || '=' || count(*) FROM payop_ipn_claim GROUP BY state_key, status ORDER BY 1");
        long processing = !journaled ? 0
                : postgres.number(DB, "SELECT count(*) FROM payop_ipn_claim WHERE status = 'PROCESSING'");
        long anomalies = postgres.number(DB, "SELECT count(*) FROM shop_event WHERE kind = 'Anomaly'");
        List<String> deliveryRows = !journaled ? List.of() : postgres.column(DB, "SELECT outcome || '=' || count(*)"
                + " FROM payop_ipn_delivery GROUP BY outcome ORDER BY 1");
        Figures.of("crash: kill -9 mid-load, PostgreSQL")
                .put("payments", PAYMENTS + ", attempts while Payop's API failed: " + firstAttempts)
                .put("storm", "3 concurrent copies of each IPN, 8 IPNs at a time: " + stormResult.allAnswers())
                .put("kill -9", "after " + Figures.seconds(killedAfter) + " of storm, " + creditedAtKill
                        + " orders credited, " + processingAfterKill + " claims PROCESSING right after")
                .put("boot", "first " + Figures.seconds(firstBoot) + ", restart " + Figures.seconds(node.lastBoot()))
                .put("Payop's attempts", sent.size() + " " + emulatorAnswers)
                .put("settled", Figures.seconds(settledAfterRestart) + " after the restart began; last attempt"
                        + " acknowledged for " + acknowledged + " of " + last.size() + " IPNs")
                .put("after the restart", (PAYMENTS - creditedAtRestart) + " IPNs still to apply, "
                        + apiCallsAfterRestart + " API confirmations")
                .put("credits", credits + " (paid once " + paidOnce + ", twice or more " + doubled + ", unpaid " + unpaid
                        + ")")
                .put("claims", claims + ", PROCESSING " + processing)
                .put("anomalies", anomalies)
                .put("delivery rows", deliveryRows)
                .report();

        assertTrue(creditedAtKill < PAYMENTS, "the kill came before the storm was over");
        assertTrue(creditedAtRestart < PAYMENTS, "IPNs were left to apply after the kill: " + creditedAtRestart);
        assertEquals(PAYMENTS, last.size(), "IPNs Payop sent");
        assertEquals(PAYMENTS, acknowledged, "IPNs acknowledged in the end");
        assertEquals(PAYMENTS, credits, "credits");
        assertEquals(PAYMENTS, paidOnce, "orders paid exactly once");
        assertEquals(0, doubled, "orders paid twice");
        assertEquals(0, unpaid, "orders lost");
        assertEquals(List.of("ACCEPTED:APPLIED=" + PAYMENTS), claims, "journal claims");
        assertEquals(0, processing, "claims left PROCESSING");
        assertEquals(0, anomalies, "anomalies");
        // What the restart found applied is answered from the journal: only the rest asks Payop's API.
        assertEquals(PAYMENTS - creditedAtRestart, apiCallsAfterRestart, "API confirmations after the restart");
    }

    private static long awaitCredits(long credits, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long n = postgres.number(DB, "SELECT count(*) FROM shop_order WHERE paid_count > 0");
            if (n >= credits) {
                return n;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + n + " orders credited within " + timeout);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
