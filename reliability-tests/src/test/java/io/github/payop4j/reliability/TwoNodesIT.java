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
import io.github.payop4j.testkit.PayopEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two WildFly nodes behind one address, one PostgreSQL for the orders and the journal of both:
 * 100 real payments, 10 concurrent copies of each IPN split across the nodes (5 each). Exactly
 * one credit per payment, no anomaly, the shop asked once per payment on the two nodes together.
 * The shops answer IPN verification as the old contract said (empty for a paid order), as in
 * {@link DuplicateStormsIT}: issue 11 saw 63 false alarms in 200 payments on two nodes.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class TwoNodesIT {

    static final int PAYMENTS = 100;
    static final int COPIES = 10;
    static final String DB = "shop";

    private static PayopEmulator payop;
    private static Postgres postgres;
    private static WildFlyNode a;
    private static WildFlyNode b;

    @AfterAll
    static void stop() {
        Suite.stopAll("two nodes", payop, postgres, a, b);
    }

    @Test
    void twoNodesOnOnePostgresApplyEachPaymentOnce() throws InterruptedException {
        Path work = Suite.work("two-nodes");
        payop = Suite.emulator().start(); // no IPN URL: the storm delivers what it records
        postgres = Postgres.start(work.resolve("postgres"));
        postgres.createDatabase(DB);
        Path war = ShopWar.named("shop").config(Suite.shopSettings(payop)).postgres(postgres.port(), DB)
                .journalInPostgres().payablesOnlyLookup().writeTo(work.resolve("wars"));
        // One after the other: the webshop seeds its demo order at start-up (delete, insert), which
        // two nodes starting at the same instant would race on.
        a = WildFlyNode.create("node-a", work).deploy(war).start();
        b = WildFlyNode.create("node-b", work).deploy(war).start();
        ShopClient shopA = new ShopClient(a.url("shop"));
        ShopClient shopB = new ShopClient(b.url("shop"));

        List<Checkout> checkouts = Checkouts.start(shopA, PAYMENTS, new Random(2));
        List<String> transactions = Checkouts.pay(payop, checkouts);
        List<byte[]> bodies = Checkouts.ipnBodies(payop, transactions);
        Storm.Result storm = new Storm(List.of(shopA.ipnUrl(), shopB.ipnUrl()), Suite.PAYOP_SOURCE, COPIES, 1, 10,
                Duration.ofMillis(200)).run(bodies);

        long credits = postgres.number(DB, "SELECT coalesce(sum(paid_count), 0) FROM shop_order");
        long paidOnce = postgres.number(DB, "SELECT count(*) FROM shop_order WHERE paid_count = 1");
        long doubled = postgres.number(DB, "SELECT count(*) FROM shop_order WHERE paid_count > 1");
        boolean journaled = postgres.tableExists(DB, "payop_ipn_claim");
        List<String> claims = !journaled ? List.of("no journal table") : postgres.column(DB, "SELECT state_key || ':'"
                + " || status || '=' || count(*) FROM payop_ipn_claim GROUP BY state_key, status ORDER BY 1");
        long anomalies = postgres.number(DB, "SELECT count(*) FROM shop_event WHERE kind = 'Anomaly'");
        long[] lookupsA = shopA.ipnLookups();
        long[] lookupsB = shopB.ipnLookups();
        int apiCalls = Suite.apiConfirmations(payop, transactions);
        Figures.of("two nodes, one PostgreSQL")
                .put("nodes", a + ", " + b + "; boots " + Figures.seconds(a.lastBoot()) + ", "
                        + Figures.seconds(b.lastBoot()))
                .put("deliveries", PAYMENTS + " payments x " + COPIES + " concurrent copies (5 per node) = "
                        + storm.copiesDelivered() + " (+" + storm.retries() + " retries)")
                .put("first answers", storm.firstAnswers())
                .put("duration", storm.took())
                .put("credits", credits + " (paid once " + paidOnce + ", twice or more " + doubled + ")")
                .put("anomalies", anomalies)
                .put("claims", claims)
                .put("IPN lookups of the shop", "node A " + lookupsA[0] + ", node B " + lookupsB[0])
                .put("API confirmations", apiCalls + " (at most one per payment per node)")
                .report();

        assertEquals(0, storm.unacknowledged(), "copies never acknowledged: " + storm.allAnswers());
        assertEquals(0, storm.allAnswers().statusBetween(400, 502) + storm.allAnswers().statusBetween(504, 599)
                + storm.allAnswers().noAnswer(), "answers other than 200 and 503: " + storm.allAnswers());
        assertEquals(PAYMENTS, storm.applied(), "deliveries answered ok (one per payment)");
        assertEquals(PAYMENTS, credits, "credits");
        assertEquals(PAYMENTS, paidOnce, "orders paid exactly once");
        assertEquals(0, anomalies, "anomalies");
        assertEquals(List.of("ACCEPTED:APPLIED=" + PAYMENTS), claims, "journal claims");
        assertEquals(PAYMENTS, lookupsA[0] + lookupsB[0], "IPN lookups: once per payment, on either node");
        assertTrue(apiCalls >= PAYMENTS && apiCalls <= 2 * PAYMENTS, "API confirmations: " + apiCalls);
    }
}
