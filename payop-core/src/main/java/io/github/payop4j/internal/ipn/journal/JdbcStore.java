package io.github.payop4j.internal.ipn.journal;

import io.github.payop4j.ipn.IpnJournal.JdbcOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The JDBC plumbing the journal and the ledger share: a connection per call (enlisted in the
 * container's transaction when there is one), commit only where the connection is ours, the
 * tables created once, and an insert that never breaks the surrounding transaction when another
 * transaction inserted the same key.
 */
final class JdbcStore {

    private static final System.Logger LOG = System.getLogger("io.github.payop4j.ipn");
    /** Rounds of the schema's DDL before giving up (see {@link #pauseBeforeRetry}). */
    private static final int SCHEMA_ATTEMPTS = 5;

    private final DataSource dataSource;
    private final JdbcOptions options;
    private final List<String> ddl;
    private final List<String> probes;
    private final Object schemaLock = new Object();
    private volatile boolean schemaReady;
    /** Guarded by {@link #schemaLock}: the database was reached and its URL looked at. */
    private boolean durabilityChecked;
    private volatile JdbcSql.Dialect dialect;

    JdbcStore(DataSource dataSource, JdbcOptions options, JdbcSql journal, JdbcLedgerSql ledger) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.options = Objects.requireNonNull(options, "options");
        List<String> all = new ArrayList<>(journal.ddl);
        all.addAll(ledger.ddl);
        this.ddl = List.copyOf(all);
        this.probes = List.of(journal.probe, ledger.probe);
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** @param what for the error message only: built when the work fails, not on every call */
    <T> T run(Supplier<String> what, SqlWork<T> work) {
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
            throw new JournalException("The IPN journal could not " + what.get() + " (SQLState " + e.getSQLState()
                    + ")", e);
        }
    }

    int update(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        }
    }

    /**
     * Inserts a row unless one with the same key exists: true if inserted, false if another row is
     * there (its transaction committed), {@code null} if the conflict broke the surrounding
     * transaction (a database without savepoints). PostgreSQL aborts a whole transaction on a unique
     * violation, so there the insert must not fail ({@code ifAbsentSql}: {@code ON CONFLICT DO NOTHING},
     * which also waits for a concurrent inserter); H2 rolls back only the statement; elsewhere a
     * savepoint keeps the surrounding transaction usable.
     */
    Boolean insertIfAbsent(Connection c, String sql, String ifAbsentSql, Binder binder) throws SQLException {
        JdbcSql.Dialect d = dialect(c);
        if (d == JdbcSql.Dialect.POSTGRESQL) {
            return update(c, ifAbsentSql, binder) == 1;
        }
        Savepoint savepoint = d == JdbcSql.Dialect.OTHER && options.joinTransactions() ? savepoint(c) : null;
        try {
            update(c, sql, binder);
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

    JdbcSql.Dialect dialect(Connection c) throws SQLException {
        JdbcSql.Dialect d = dialect;
        if (d == null) {
            d = JdbcSql.Dialect.of(c.getMetaData().getDatabaseProductName());
            dialect = d;
        }
        return d;
    }

    /** Commits only a connection that is ours to commit: no auto-commit, and no container transaction around it. */
    void commitIfOwned(Connection c) throws SQLException {
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

    /**
     * What {@link io.github.payop4j.ipn.IpnJournal#prepare()} does: the first use's work now, and a
     * read of every table, so that a DataSource that cannot be reached, or tables that are missing
     * where the shop creates them itself, show when the application starts.
     */
    void prepare() {
        ensureSchema();
        try {
            readTables();
        } catch (SQLException e) {
            throw new JournalException("The IPN journal cannot read its tables " + options.tablePrefix() + "* ("
                    + reason(e) + ")" + (options.createSchema() ? ""
                    : "; creating them is switched off (JdbcOptions.withoutSchemaCreation()), so the shop's"
                    + " migrations must create them"), e);
        }
    }

    /** Once, on first use: whether the database can keep a journal, and its tables. */
    private void ensureSchema() {
        if (schemaReady) {
            return;
        }
        synchronized (schemaLock) {
            if (schemaReady) {
                return;
            }
            checkDurabilityOnce();
            if (!options.createSchema()) {
                // Nothing to create; looked at again while the database cannot be reached.
                schemaReady = durabilityChecked;
                return;
            }
            SQLException last = null;
            for (int attempt = 0; attempt < SCHEMA_ATTEMPTS && !schemaReady; attempt++) {
                if (attempt > 0 && !pauseBeforeRetry(attempt)) {
                    break;
                }
                try (Connection c = dataSource.getConnection()) {
                    try (var s = c.createStatement()) {
                        for (String statement : ddl) {
                            s.execute(statement);
                        }
                        commitIfOwned(c);
                        schemaReady = true;
                    } catch (SQLException e) {
                        rollbackIfOwned(c);
                        throw e;
                    }
                } catch (SQLException e) {
                    // Another node creating the same tables right now makes PostgreSQL report a
                    // unique violation on its catalog, and H2 "object already exists", even with
                    // IF NOT EXISTS: pause, and look again.
                    last = e;
                    schemaReady = attempt == SCHEMA_ATTEMPTS - 1 && tablesExist();
                }
            }
            if (!schemaReady) {
                throw new JournalException("The IPN journal could not create its tables " + options.tablePrefix()
                        + "* (" + (last == null ? "interrupted" : reason(last)) + ")", last);
            }
            checkDurabilityOnce(); // the database may have come up between the first look and the tables
        }
    }

    /** The SQLState and the driver's message, which names the host, the table or the permission at fault. */
    private static String reason(SQLException e) {
        return "SQLState " + e.getSQLState() + ": " + e.getMessage();
    }

    /**
     * A journal that forgets on restart answers Payop's repeats after a restart as new deliveries,
     * and two servers' defaults are such databases: say so once, with the fix. Done once the
     * database was reached; a database that cannot be reached now is looked at again next time.
     */
    private void checkDurabilityOnce() {
        if (durabilityChecked) {
            return;
        }
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException | RuntimeException e) {
            return; // the work that follows reports a database that cannot be reached
        }
        durabilityChecked = true;
        String url;
        try (c) {
            url = c.getMetaData().getURL();
        } catch (SQLException | RuntimeException e) {
            return; // reached, but it does not say where it keeps its data: nothing to warn about
        }
        String problem = Durability.problem(url, System.getProperty("java.io.tmpdir"));
        if (problem != null) {
            LOG.log(System.Logger.Level.WARNING, "PAYOP-IPN-014 The IPN journal's database does not outlive a"
                    + " restart: " + problem + ". After one, an IPN that Payop repeats or retries (it does for 24"
                    + " hours) is applied a second time, and the records of paid orders and invoices are lost. Point"
                    + " the journal at a database that lasts: payop.ipn.datasource (or IpnJournal.jdbc(..)) naming"
                    + " PostgreSQL, or H2 with a jdbc:h2:file: URL outside the temporary directory.");
        }
    }

    /**
     * Nodes that start together race on the same DDL (H2 and PostgreSQL can both report an object
     * created by a concurrent IF NOT EXISTS as a failure): a short, growing, random pause lets the
     * other node finish instead of colliding with it again. False if interrupted.
     */
    private static boolean pauseBeforeRetry(int attempt) {
        long millis = (10L << attempt) + ThreadLocalRandom.current().nextLong(10L << attempt);
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean tablesExist() {
        try {
            readTables();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** One read of each table, no rows; what the database says if one is missing or cannot be read. */
    private void readTables() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (var s = c.createStatement()) {
                for (String probe : probes) {
                    s.executeQuery(probe).close();
                }
                commitIfOwned(c);
            } catch (SQLException e) {
                rollbackIfOwned(c); // a failed read must not go back to the pool inside an aborted transaction
                throw e;
            }
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
}
