package io.github.payop4j.ipn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.ipn.IpnJournal.ClaimStatus;
import io.github.payop4j.testing.AtOnce;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The journal contract plus what only a database-backed journal promises. */
abstract class JdbcJournalContract extends ConcurrentDeliveriesContract {

    private static final int NODES_STARTING_TOGETHER = 8;

    protected abstract DataSource dataSource();

    /** The storm inside container-like transactions, the journal joining them (as the CDI adapter runs it). */
    @Override
    protected IpnProcessor.Builder stormNode(IpnHandler shop, IpnOrderLookup orders) {
        LocalTransactions container = new LocalTransactions(dataSource());
        IpnJournal joined = IpnJournal.jdbc(container.dataSource(), IpnJournal.JdbcOptions.DEFAULTS.joiningContainerTransactions());
        return IpnProcessor.builder(client).handler(shop).journal(joined).transactions(container).orderLookup(orders);
    }

    @Test
    void schemaCreationIsIdempotentAndSafeWhenNodesStartTogether() throws Exception {
        // Eight nodes released at once on tables nobody has created, five times over: the DDL of
        // one collides with another's (back-to-back retries failed a round on H2 and on PostgreSQL).
        for (int round = 0; round < 5; round++) {
            String prefix = "race" + Long.toHexString(System.nanoTime()) + "_";
            List<IpnJournal> nodes = new ArrayList<>();
            for (int i = 0; i < NODES_STARTING_TOGETHER; i++) {
                nodes.add(IpnJournal.jdbc(dataSource(), IpnJournal.JdbcOptions.DEFAULTS.withTablePrefix(prefix)));
            }
            List<Long> ids = AtOnce.run(NODES_STARTING_TOGETHER, i -> {
                long id = nodes.get(i).newEntryId();
                nodes.get(i).record(entry(id));
                return id;
            });
            assertTrue(ids.stream().allMatch(id -> id > 0), String.valueOf(ids));
            IpnJournal later = IpnJournal.jdbc(dataSource(), IpnJournal.JdbcOptions.DEFAULTS.withTablePrefix(prefix));
            long id = later.newEntryId();
            later.record(entry(id));
            assertEquals(NODES_STARTING_TOGETHER + 1, later.entries(IpnKind.CHECKOUT, tx).size());
            assertEquals(entry(id), later.entry(id).orElseThrow(), "written once, with its outcome");
        }
    }

    private IpnJournal.Entry entry(long id) {
        return new IpnJournal.Entry(id, Instant.parse("2026-11-30T10:15:30Z"), "18.199.249.46", IpnKind.CHECKOUT, tx,
                null, null, IpnState.ACCEPTED, 2, "{}", IpnOutcome.RETRY_LATER, "the Payop API answered HTTP 502");
    }

    @Test
    void entryIdsAreUniqueAndIncreasingWithoutAskingTheDatabase() {
        IpnJournal node = IpnJournal.jdbc(dataSource());
        long previous = 0;
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < 5000; i++) { // more than one millisecond's sequence
            long id = node.newEntryId();
            assertTrue(id > previous, "increasing");
            assertTrue(seen.add(id));
            previous = id;
        }
    }

    @Test
    void insideOneTransactionTheClaimTheShopsWritesAndTheMarkCommitOrRollBackTogether() throws Exception {
        String table = "shop_paid_" + Long.toHexString(System.nanoTime());
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (order_id VARCHAR(64), tx VARCHAR(64))");
        }
        LocalTransactions container = new LocalTransactions(dataSource());
        IpnJournal journal = IpnJournal.jdbc(container.dataSource(),
                IpnJournal.JdbcOptions.DEFAULTS.joiningContainerTransactions());
        RecordingHandler crash = new RecordingHandler();
        IpnHandler shop = event -> {
            try (Connection c = container.dataSource().getConnection();
                    PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
                ps.setString(1, event.orderId());
                ps.setString(2, event.objectId());
                ps.executeUpdate();
            }
            crash.handle(event); // after the shop's write, as a late failure would
        };
        IpnProcessor p = IpnProcessor.builder(client).handler(shop).journal(journal).transactions(container).build();
        apiSays(2);
        crash.failNext.set(1);

        IpnResult failed = p.process(ipn(2));
        assertEquals(500, failed.httpStatus());
        assertEquals(0, rows(table), "the shop's write was rolled back with the claim");
        assertTrue(journal.claims(IpnKind.CHECKOUT, tx).stream().noneMatch(c -> c.status() == ClaimStatus.APPLIED));
        assertEquals(IpnOutcome.RETRY_LATER, journal.entry(failed.journalEntryId()).orElseThrow().outcome(),
                "the delivery itself stays on record");

        IpnResult retried = p.process(ipn(2));
        assertEquals(IpnOutcome.PROCESSED, retried.outcome());
        assertEquals(1, rows(table));
        assertEquals(List.of(new Claimed("ACCEPTED", ClaimStatus.APPLIED)), claims());

        // Concurrent duplicates in transactions: the database's key makes the others wait, then back off.
        tx = java.util.UUID.randomUUID().toString();
        apiSays(2);
        IpnDelivery delivery = ipn(2);
        IntFunction<IpnResult> send = i -> p.process(delivery);
        List<IpnResult> results = fire(10, send);
        System.out.printf("%s: 10 concurrent identical IPNs in container transactions: %s%n",
                getClass().getSimpleName(), results.stream().collect(java.util.stream.Collectors.groupingBy(
                        r -> r.outcome() + "/" + r.httpStatus(), java.util.stream.Collectors.counting())));
        for (IpnResult r : results) {
            assertTrue(Set.of(200, 500, 503).contains(r.httpStatus()), r.toString());
        }
        payopRetries(results, send);
        assertEquals(2, rows(table), "one more order paid, once (no key on the shop table hides a double application)");
        assertEquals(1, count(results, IpnOutcome.PROCESSED));
    }

    /**
     * Two nodes, each claiming inside its own container transaction: the second inserter of the
     * same claim must wait for the first transaction and then see it applied. On PostgreSQL a
     * plain INSERT's unique violation aborted the transaction and every such delivery got 503.
     */
    @Test
    void concurrentDuplicatesOnTwoNodesInContainerTransactionsWaitInsteadOf503() throws Exception {
        apiSays(2);
        RecordingHandler shopA = new RecordingHandler();
        RecordingHandler shopB = new RecordingHandler();
        shopA.delayMillis = 50;
        shopB.delayMillis = 50;
        IpnProcessor a = inContainer(shopA);
        IpnProcessor b = inContainer(shopB);
        IpnDelivery delivery = ipn(2);
        IntFunction<IpnResult> roundRobin = i -> (i % 2 == 0 ? a : b).process(delivery);

        List<IpnResult> results = fire(10, roundRobin);
        System.out.printf("%s: 10 identical IPNs on two nodes in container transactions: %s%n",
                getClass().getSimpleName(), results.stream().collect(java.util.stream.Collectors.groupingBy(
                        r -> r.outcome() + "/" + r.httpStatus(), java.util.stream.Collectors.counting())));

        assertEquals(1, shopA.applied.size() + shopB.applied.size());
        assertEquals(1, count(results, IpnOutcome.PROCESSED));
        assertEquals(9, count(results, IpnOutcome.DUPLICATE), "no 503: " + results);
    }

    private IpnProcessor inContainer(IpnHandler shop) {
        LocalTransactions container = new LocalTransactions(dataSource());
        return IpnProcessor.builder(client).handler(shop).transactions(container)
                .journal(IpnJournal.jdbc(container.dataSource(), IpnJournal.JdbcOptions.DEFAULTS.joiningContainerTransactions()))
                .build();
    }

    @Test
    void aPoolThatHandsOutConnectionsWithoutAutoCommitStillGetsEveryWriteCommitted() throws Exception {
        DataSource manual = (DataSource) java.lang.reflect.Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = method.invoke(dataSource(), args);
                    if (result instanceof Connection c) {
                        c.setAutoCommit(false);
                    }
                    return result;
                });
        RecordingHandler slow = new RecordingHandler();
        slow.delayMillis = 100;
        IpnProcessor p = node(IpnJournal.jdbc(manual), slow);
        apiSays(2);
        IpnDelivery delivery = ipn(2);
        IntFunction<IpnResult> send = i -> p.process(delivery);

        List<IpnResult> results = fire(5, send);
        payopRetries(results, send);

        assertEquals(1, slow.applied.size());
        assertEquals(List.of(new Claimed("ACCEPTED", ClaimStatus.APPLIED)), claims(), "visible to other connections");
        List<IpnJournal.Entry> entries = journal().entries(IpnKind.CHECKOUT, tx);
        assertEquals(p.counts().get(IpnOutcome.PROCESSED) + p.counts().get(IpnOutcome.RETRY_LATER), entries.size(),
                "each journaled delivery committed (duplicates are only counted)");
        assertTrue(entries.stream().allMatch(e -> e.outcome() != null), "each outcome committed");
    }

    private int rows(String table) throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
