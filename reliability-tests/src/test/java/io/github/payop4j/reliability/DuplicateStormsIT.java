package io.github.payop4j.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.payop4j.reliability.report.Figures;
import io.github.payop4j.reliability.server.Postgres;
import io.github.payop4j.reliability.server.ShopWar;
import io.github.payop4j.reliability.server.WildFlyNode;
import io.github.payop4j.reliability.shop.Checkouts;
import io.github.payop4j.reliability.shop.Checkouts.Checkout;
import io.github.payop4j.reliability.shop.ShopClient;
import io.github.payop4j.reliability.traffic.Storm;
import io.github.payop4j.testkit.PayopEmulator;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Payop's duplicate storms against one WildFly with three shops, one per journal: 100 real
 * payments each, and 10 copies of each payment's IPN released at the same instant from Payop's
 * address. Exactly 100 credits, no anomaly, one delivery answered "ok" per payment, every claim
 * applied. The shops answer IPN verification as the old contract said (empty for a paid order),
 * the condition of issue 11's false alarms; the shop is asked once per payment.
 */
@Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DuplicateStormsIT {

    static final int PAYMENTS = 100;
    static final int COPIES = 10;

    private static PayopEmulator payop;
    private static Postgres postgres;
    private static WildFlyNode node;
    private static final Random RANDOM = new Random(11);

    @BeforeAll
    static void boot() {
        Path work = Suite.work("storms");
        payop = Suite.emulator().start(); // no IPN URL: it records each IPN, the storm delivers it
        postgres = Postgres.start(work.resolve("postgres"));
        postgres.createDatabase("shop_memory");
        postgres.createDatabase("shop_pg");
        Map<String, String> settings = Suite.shopSettings(payop);
        Path wars = work.resolve("wars");
        node = WildFlyNode.create("storms", work)
                // memory journal; orders in PostgreSQL (the H2 default DataSource is the next shop's)
                .deploy(ShopWar.named("shop-memory").config(settings).config("payop.ipn.datasource", "none")
                        .postgres(postgres.port(), "shop_memory").payablesOnlyLookup().writeTo(wars))
                // journal and orders in WildFly's default DataSource (ExampleDS, H2)
                .deploy(ShopWar.named("shop-h2").config(settings).payablesOnlyLookup().writeTo(wars))
                .deploy(ShopWar.named("shop-pg").config(settings).postgres(postgres.port(), "shop_pg")
                        .journalInPostgres().payablesOnlyLookup().writeTo(wars))
                .start();
        Figures.of("storms: boot").put("node", node).put("boot and deploy of 3 WARs", node.lastBoot()).report();
    }

    @AfterAll
    static void stop() {
        Suite.stopAll("storms", payop, postgres, node);
    }

    @Test
    @Order(1)
    void memoryJournal() throws InterruptedException {
        storm("memory", new ShopClient(node.url("shop-memory")), false);
    }

    @Test
    @Order(2)
    void h2Journal() throws InterruptedException {
        storm("H2", new ShopClient(node.url("shop-h2")), true);
    }

    @Test
    @Order(3)
    void postgresJournal() throws InterruptedException {
        storm("PostgreSQL", new ShopClient(node.url("shop-pg")), true);
    }

    private void storm(String journal, ShopClient shop, boolean jdbcJournal) throws InterruptedException {
        long lookupsBefore = shop.ipnLookups()[0];
        List<Checkout> checkouts = Checkouts.start(shop, PAYMENTS, RANDOM);
        List<String> transactions = Checkouts.pay(payop, checkouts);
        List<byte[]> bodies = Checkouts.ipnBodies(payop, transactions);

        Storm.Result storm = new Storm(List.of(shop.ipnUrl()), Suite.PAYOP_SOURCE, COPIES, 1, 10,
                Duration.ofMillis(200)).run(bodies);

        StormOutcome outcome = StormOutcome.read(shop, checkouts, transactions, jdbcJournal);
        long[] lookups = shop.ipnLookups();
        int apiCalls = Suite.apiConfirmations(payop, transactions);
        Figures.of("storm, " + journal + " journal")
                .put("deliveries", PAYMENTS + " payments x " + COPIES + " concurrent copies = " + storm.copiesDelivered()
                        + " (+" + storm.retries() + " retries)")
                .put("first answers", storm.firstAnswers())
                .put("duration", storm.took())
                .put("credits", outcome.credits() + " (orders paid once " + outcome.paidOnce() + ", twice or more "
                        + outcome.doubled() + ", unpaid " + outcome.unpaid() + ")")
                .put("anomalies", outcome.anomalies())
                .put("claims", jdbcJournal ? outcome.claims() : "in memory")
                .put("IPN lookups of the shop", (lookups[0] - lookupsBefore) + " (most for one order " + lookups[2] + ")")
                .put("API confirmations", apiCalls)
                .report();

        assertEquals(0, storm.unacknowledged(), "copies never acknowledged: " + storm.allAnswers());
        assertEquals(0, storm.allAnswers().statusBetween(400, 502) + storm.allAnswers().statusBetween(504, 599)
                + storm.allAnswers().noAnswer(), "answers other than 200 and 503: " + storm.allAnswers());
        assertEquals(PAYMENTS, storm.applied(), "deliveries answered ok (one per payment)");
        assertEquals(PAYMENTS, outcome.credits(), "credits");
        assertEquals(PAYMENTS, outcome.paidOnce(), "orders paid exactly once");
        assertEquals(0, outcome.anomalies(), "anomalies");
        assertEquals(PAYMENTS, lookups[0] - lookupsBefore, "IPN lookups: once per payment, by the claim holder");
        assertEquals(PAYMENTS, apiCalls, "API confirmations: once per payment, duplicates answered without one");
        if (jdbcJournal) {
            assertEquals(Map.of("ACCEPTED:APPLIED", (long) PAYMENTS), outcome.claims(), "journal claims");
        }
    }

    /** What the shop shows after a storm: credits per order, anomalies and claims per transaction. */
    record StormOutcome(long credits, long paidOnce, long doubled, long unpaid, long anomalies,
            Map<String, Long> claims) {

        static StormOutcome read(ShopClient shop, List<Checkout> checkouts, List<String> transactions,
                boolean jdbcJournal) {
            long credits = 0;
            long once = 0;
            long doubled = 0;
            long unpaid = 0;
            for (Checkout c : checkouts) {
                int paid = shop.order(c.orderId()).getInt("paidCount");
                credits += paid;
                once += paid == 1 ? 1 : 0;
                doubled += paid > 1 ? 1 : 0;
                unpaid += paid == 0 ? 1 : 0;
            }
            long anomalies = 0;
            Map<String, Long> claims = new java.util.TreeMap<>();
            for (String tx : transactions) {
                anomalies += shop.anomalies(tx).size();
                if (jdbcJournal) {
                    try {
                        for (var claim : shop.journal(tx).getJsonArray("claims")) {
                            JsonObject o = claim.asJsonObject();
                            claims.merge(o.getString("stateKey") + ":" + o.getString("status"), 1L, Long::sum);
                        }
                    } catch (IllegalStateException e) { // no journal tables: nothing was ever journaled
                        claims.merge("unreadable", 1L, Long::sum);
                    }
                }
            }
            return new StormOutcome(credits, once, doubled, unpaid, anomalies, claims);
        }
    }
}
