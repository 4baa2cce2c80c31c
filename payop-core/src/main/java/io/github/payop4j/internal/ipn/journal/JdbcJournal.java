package io.github.payop4j.internal.ipn.journal;

import io.github.payop4j.ipn.IpnJournal;
import io.github.payop4j.ipn.IpnKind;
import io.github.payop4j.ipn.IpnOutcome;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link IpnJournal} on a {@link DataSource}, plain JDBC.
 *
 * <p>Every call takes a connection from the DataSource and closes it: inside a container with a
 * JTA transaction active that connection is enlisted in the transaction, so the claim commits or
 * rolls back with the shop's own writes. Exactly-once rests on the claim table's primary key
 * (kind, object id, state key): of two nodes inserting the same claim, the database lets one
 * win. The loser must not break its transaction: PostgreSQL inserts with
 * {@code ON CONFLICT DO NOTHING} (which waits for the other inserter and then inserts nothing),
 * H2 rolls back only the failed statement, and other databases get a savepoint when the
 * journal joins container transactions. The dialect is read once from the driver.
 *
 * <p>Round trips: a duplicate costs one primary-key read ({@link #find}); a fresh delivery one
 * insert plus one read of the object's claims to claim, and one connection for the "applied" mark
 * together with the delivery row, written once with its outcome (and, through the pipeline's
 * {@link Ledger#markApplied}, the invoice record's update: one statement on PostgreSQL). The
 * {@link Ledger} (invoice records, paid orders, refunds of double payments) lives in the same
 * database, tables with the same prefix ({@link JdbcLedger}). An accepted checkout payment on
 * PostgreSQL thus costs 5 statements on 4 connections (7 on H2), counting the early read.
 */
public final class JdbcJournal implements IpnJournal {

    private static final System.Logger LOG = System.getLogger("io.github.payop4j.ipn");

    private final JdbcOptions options;
    private final JdbcStore store;
    private final JdbcRows rows;
    private final JdbcLedger ledger;
    private final EntryIds ids = new EntryIds();

    public JdbcJournal(DataSource dataSource, JdbcOptions options) {
        this.options = java.util.Objects.requireNonNull(options, "options");
        JdbcSql sql = new JdbcSql(options.tablePrefix());
        JdbcLedgerSql ledgerSql = new JdbcLedgerSql(options.tablePrefix());
        this.store = new JdbcStore(dataSource, options, sql, ledgerSql);
        this.rows = new JdbcRows(sql);
        this.ledger = new JdbcLedger(store, ledgerSql, rows);
    }

    Ledger ledger() {
        return ledger;
    }

    /** Creates the tables if missing, warns if the database forgets on restart, reads every table. */
    @Override
    public void prepare() {
        store.prepare();
    }

    @Override
    public long newEntryId() {
        return ids.next();
    }

    @Override
    public void record(Entry e) {
        store.run(() -> "record a delivery", c -> {
            rows.insertEntry(c, e);
            return null;
        });
    }

    @Override
    public Optional<Claim> find(Key key) {
        return Optional.ofNullable(store.run(() -> "read a claim", c -> rows.selectClaim(c, key)));
    }

    @Override
    public ClaimAttempt claim(Key key, long entryId, Instant now, Duration lease) {
        return store.run(() -> "claim " + key, c -> {
            Boolean inserted = store.insertIfAbsent(c, rows.sql().insertClaim, rows.sql().insertClaimIfAbsent,
                    ps -> rows.bindNewClaim(ps, key, entryId, now));
            if (inserted == null) {
                // A unique violation aborted the container's transaction (a database without
                // savepoints): the caller answers "retry later" and Payop's retry finds the row.
                return new ClaimAttempt(ClaimAttempt.Result.BUSY, List.of());
            }
            if (inserted) {
                return attempt(c, ClaimAttempt.Result.CLAIMED, key);
            }
            Claim row = rows.selectClaim(c, key);
            for (int round = 0; round < 3 && row != null; round++) {
                if (row.status() == ClaimStatus.APPLIED) {
                    return attempt(c, ClaimAttempt.Result.ALREADY_APPLIED, key);
                }
                if (row.status() == ClaimStatus.PROCESSING && row.claimedAt().isAfter(now.minus(lease))) {
                    return attempt(c, ClaimAttempt.Result.BUSY, key);
                }
                if (rows.reclaim(c, key, entryId, now, row.attempts()) == 1) {
                    return attempt(c, ClaimAttempt.Result.CLAIMED, key);
                }
                row = rows.selectClaim(c, key);
            }
            return attempt(c, ClaimAttempt.Result.BUSY, key);
        });
    }

    @Override
    public void markApplied(Key key, long entryId, Instant now) {
        warnIfLost(key, entryId, store.run(() -> "mark " + key + " applied", c -> rows.mark(c, key, entryId, now,
                ClaimStatus.APPLIED)));
    }

    /** The ledger's closing writes without an invoice update: one connection, one statement on PostgreSQL. */
    @Override
    public void markApplied(Key key, Entry delivery, Instant now) {
        ledger.markApplied(key, delivery, null, now);
    }

    static void warnIfLost(Key key, long entryId, int updated) {
        if (updated == 0) {
            LOG.log(System.Logger.Level.WARNING, () -> "PAYOP-IPN-011 Claim " + key + " was no longer held by entry "
                    + entryId + " when it was applied: the handler outlived the lease and may have run twice."
                    + " Make handlers faster than the lease or raise the lease.");
        }
    }

    @Override
    public void markFailed(Key key, long entryId, Instant now) {
        store.run(() -> "mark " + key + " failed", c -> rows.mark(c, key, entryId, now, ClaimStatus.FAILED));
    }

    @Override
    public List<Claim> claims(IpnKind kind, String objectId) {
        return store.run(() -> "read claims", c -> rows.claimsOf(c, kind, objectId));
    }

    @Override
    public List<Entry> entries(IpnKind kind, String objectId) {
        return store.run(() -> "read deliveries", c -> rows.entriesOf(c, kind, objectId));
    }

    @Override
    public Optional<Entry> entry(long entryId) {
        return store.run(() -> "read a delivery", c -> rows.entry(c, entryId).stream().findFirst());
    }

    @Override
    public List<Entry> entries(IpnOutcome outcome, int limit) {
        java.util.Objects.requireNonNull(outcome, "outcome");
        return store.run(() -> "list deliveries", c -> rows.entriesWith(c, outcome, Limits.check(limit)));
    }

    @Override
    public List<Key> processing(Instant claimedBefore, int limit) {
        return store.run(() -> "list claims in processing",
                c -> rows.processing(c, claimedBefore, Limits.check(limit)));
    }

    @Override
    public boolean reopen(Key key, long entryId, Instant now) {
        return store.run(() -> "reopen " + key, c -> rows.reopen(c, key, entryId, now)) == 1;
    }

    @Override
    public Purged purge(Instant deliveriesBefore, Instant claimsBefore) {
        int[] journal = store.run(() -> "purge old deliveries and claims", c -> new int[] {
            rows.purgeEntries(c, deliveriesBefore), rows.purgeClaims(c, claimsBefore)});
        return new Purged(journal[0], journal[1], ledger.purge(claimsBefore));
    }

    private ClaimAttempt attempt(Connection c, ClaimAttempt.Result result, Key key) throws SQLException {
        // Our own write must be visible before we look at the other states of the object (see Pipeline).
        store.commitIfOwned(c);
        return new ClaimAttempt(result, rows.claimsOf(c, key.kind(), key.objectId()));
    }

    @Override
    public String toString() {
        return "IpnJournal.jdbc(" + options + ")";
    }
}
