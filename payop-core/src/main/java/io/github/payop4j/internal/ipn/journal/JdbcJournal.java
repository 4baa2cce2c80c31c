package io.github.payop4j.internal.ipn.journal;

import io.github.payop4j.ipn.IpnJournal;
import io.github.payop4j.ipn.IpnKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
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
 * together with the delivery row, written once with its outcome.
 */
public final class JdbcJournal implements IpnJournal {

    private static final System.Logger LOG = System.getLogger("io.github.payop4j.ipn");

    private final DataSource dataSource;
    private final JdbcOptions options;
    private final JdbcSql sql;
    private final JdbcRows rows;
    private final EntryIds ids = new EntryIds();
    private final Object schemaLock = new Object();
    private volatile boolean schemaReady;
    private volatile JdbcSql.Dialect dialect;

    public JdbcJournal(DataSource dataSource, JdbcOptions options) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.options = Objects.requireNonNull(options, "options");
        this.sql = new JdbcSql(options.tablePrefix());
        this.rows = new JdbcRows(sql);
    }

    @Override
    public long newEntryId() {
        return ids.next();
    }

    @Override
    public void record(Entry e) {
        run("record a delivery", c -> {
            rows.insertEntry(c, e);
            return null;
        });
    }

    @Override
    public Optional<Claim> find(Key key) {
        return Optional.ofNullable(run("read a claim", c -> rows.selectClaim(c, key)));
    }

    @Override
    public ClaimAttempt claim(Key key, long entryId, Instant now, Duration lease) {
        return run("claim " + key, c -> {
            Boolean inserted = insertIfAbsent(c, key, entryId, now);
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

    /**
     * Inserts the claim unless one exists: true if inserted, false if another row is there (its
     * transaction committed), {@code null} if the conflict broke the surrounding transaction.
     */
    private Boolean insertIfAbsent(Connection c, Key key, long entryId, Instant now) throws SQLException {
        JdbcSql.Dialect d = dialect(c);
        if (d == JdbcSql.Dialect.POSTGRESQL) {
            return rows.insertClaim(c, key, entryId, now, true);
        }
        Savepoint savepoint = d == JdbcSql.Dialect.OTHER && options.joinTransactions() ? savepoint(c) : null;
        try {
            rows.insertClaim(c, key, entryId, now, false);
            if (savepoint != null) {
                release(c, savepoint);
            }
            return true;
        } catch (SQLException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            if (savepoint != null) {
                c.rollback(savepoint);
            } else if (d == JdbcSql.Dialect.OTHER && options.joinTransactions()) {
                return null;
            } else if (!options.joinTransactions() && !c.getAutoCommit()) {
                c.rollback();
            }
            return false;
        }
    }

    private static Savepoint savepoint(Connection c) {
        try {
            return c.setSavepoint();
        } catch (SQLException e) {
            return null; // not supported here: a conflict then ends in "retry later"
        }
    }

    private static void release(Connection c, Savepoint savepoint) {
        try {
            c.releaseSavepoint(savepoint);
        } catch (SQLException ignored) {
            // a driver that cannot release one frees it with the transaction
        }
    }

    private JdbcSql.Dialect dialect(Connection c) throws SQLException {
        JdbcSql.Dialect d = dialect;
        if (d == null) {
            d = JdbcSql.Dialect.of(c.getMetaData().getDatabaseProductName());
            dialect = d;
        }
        return d;
    }

    @Override
    public void markApplied(Key key, long entryId, Instant now) {
        warnIfLost(key, entryId, run("mark " + key + " applied", c -> rows.mark(c, key, entryId, now,
                ClaimStatus.APPLIED)));
    }

    @Override
    public void markApplied(Key key, Entry delivery, Instant now) {
        int updated = run("mark " + key + " applied and record the delivery", c -> {
            int n = rows.mark(c, key, delivery.id(), now, ClaimStatus.APPLIED);
            rows.insertEntry(c, delivery);
            return n;
        });
        warnIfLost(key, delivery.id(), updated);
    }

    private static void warnIfLost(Key key, long entryId, int updated) {
        if (updated == 0) {
            LOG.log(System.Logger.Level.WARNING, () -> "PAYOP-IPN-011 Claim " + key + " was no longer held by entry "
                    + entryId + " when it was applied: the handler outlived the lease and may have run twice."
                    + " Make handlers faster than the lease or raise the lease.");
        }
    }

    @Override
    public void markFailed(Key key, long entryId, Instant now) {
        run("mark " + key + " failed", c -> rows.mark(c, key, entryId, now, ClaimStatus.FAILED));
    }

    @Override
    public List<Claim> claims(IpnKind kind, String objectId) {
        return run("read claims", c -> rows.claimsOf(c, kind, objectId));
    }

    @Override
    public List<Entry> entries(IpnKind kind, String objectId) {
        return run("read deliveries", c -> rows.entriesOf(c, kind, objectId));
    }

    @Override
    public Optional<Entry> entry(long entryId) {
        return run("read a delivery", c -> rows.entry(c, entryId).stream().findFirst());
    }

    private ClaimAttempt attempt(Connection c, ClaimAttempt.Result result, Key key) throws SQLException {
        // Our own write must be visible before we look at the other states of the object (see Pipeline).
        commitIfOwned(c);
        return new ClaimAttempt(result, rows.claimsOf(c, key.kind(), key.objectId()));
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T run(String what, SqlWork<T> work) {
        ensureSchema();
        try (Connection c = dataSource.getConnection()) {
            try {
                T result = work.run(c);
                commitIfOwned(c);
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackIfOwned(c);
                throw e;
            }
        } catch (SQLException e) {
            throw new JournalException("The IPN journal could not " + what + " (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** Commits only a connection that is ours to commit: no auto-commit, and no container transaction around it. */
    private void commitIfOwned(Connection c) throws SQLException {
        if (!options.joinTransactions() && !c.getAutoCommit()) {
            c.commit();
        }
    }

    private void rollbackIfOwned(Connection c) {
        try {
            if (!options.joinTransactions() && !c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // the original failure is what matters
        }
    }

    private void ensureSchema() {
        if (schemaReady || !options.createSchema()) {
            return;
        }
        synchronized (schemaLock) {
            if (schemaReady) {
                return;
            }
            SQLException last = null;
            for (int attempt = 0; attempt < 3 && !schemaReady; attempt++) {
                try (Connection c = dataSource.getConnection()) {
                    try (var s = c.createStatement()) {
                        for (String ddl : sql.ddl) {
                            s.execute(ddl);
                        }
                        commitIfOwned(c);
                        schemaReady = true;
                    } catch (SQLException e) {
                        rollbackIfOwned(c);
                        throw e;
                    }
                } catch (SQLException e) {
                    // Another node creating the same tables right now makes PostgreSQL report a
                    // unique violation on its catalog even with IF NOT EXISTS: look again.
                    last = e;
                    schemaReady = tablesExist();
                }
            }
            if (!schemaReady) {
                throw new JournalException("The IPN journal could not create its tables " + options.tablePrefix()
                        + "delivery and " + options.tablePrefix() + "claim (SQLState "
                        + (last == null ? "?" : last.getSQLState()) + ")", last);
            }
        }
    }

    private boolean tablesExist() {
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            s.executeQuery(sql.probe).close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    static boolean isUniqueViolation(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (s.getSQLState() != null && s.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "IpnJournal.jdbc(" + options + ")";
    }
}
