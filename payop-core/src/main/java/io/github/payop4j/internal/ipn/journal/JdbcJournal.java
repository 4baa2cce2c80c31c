package io.github.payop4j.internal.ipn.journal;

import io.github.payop4j.ipn.IpnJournal;
import io.github.payop4j.ipn.IpnKind;
import io.github.payop4j.ipn.IpnOutcome;
import io.github.payop4j.ipn.IpnState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link IpnJournal} on a {@link DataSource}, plain JDBC.
 *
 * <p>Every call takes a fresh connection from the DataSource and closes it: inside a container
 * with a JTA transaction active that connection is enlisted in the transaction, so the claim
 * commits or rolls back with the shop's own writes. Exactly-once rests on the claim table's
 * primary key (kind, object id, state key): of two nodes inserting the same claim, the
 * database lets one win (SQLState class 23 for the other).
 */
public final class JdbcJournal implements IpnJournal {

    private static final System.Logger LOG = System.getLogger("io.github.payop4j.ipn");

    private final DataSource dataSource;
    private final JdbcOptions options;
    private final JdbcSql sql;
    private final Object schemaLock = new Object();
    private volatile boolean schemaReady;

    public JdbcJournal(DataSource dataSource, JdbcOptions options) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.options = Objects.requireNonNull(options, "options");
        this.sql = new JdbcSql(options.tablePrefix());
    }

    @Override
    public long record(Entry e) {
        return run("record a delivery", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.insertEntry, new String[] {"id"})) {
                ps.setObject(1, time(e.receivedAt()));
                ps.setString(2, e.sourceAddress());
                ps.setString(3, e.kind().name());
                ps.setString(4, e.objectId());
                ps.setString(5, e.invoiceId());
                ps.setString(6, cut(e.orderId(), 255));
                ps.setString(7, e.state().name());
                setInteger(ps, 8, e.stateCode());
                ps.setString(9, e.body());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    if (keys.next()) {
                        return keys.getLong(1);
                    }
                }
                throw new SQLException("The database returned no id for the new delivery row");
            }
        });
    }

    @Override
    public void finish(long entryId, IpnOutcome outcome, String detail, Instant at) {
        run("record an outcome", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.finishEntry)) {
                ps.setString(1, outcome.name());
                ps.setString(2, cut(detail, 300));
                ps.setObject(3, time(at));
                ps.setLong(4, entryId);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public ClaimAttempt claim(Key key, long entryId, Instant now, Duration lease) {
        return run("claim " + key, c -> {
            Claim row = selectClaim(c, key);
            if (row == null) {
                try {
                    insertClaim(c, key, entryId, now);
                    return attempt(c, ClaimAttempt.Result.CLAIMED, key);
                } catch (SQLException e) {
                    if (!isUniqueViolation(e)) {
                        throw e;
                    }
                    if (options.joinTransactions()) {
                        // PostgreSQL has aborted the surrounding transaction; the caller answers "retry later".
                        return new ClaimAttempt(ClaimAttempt.Result.BUSY, List.of());
                    }
                    if (!c.getAutoCommit()) {
                        c.rollback();
                    }
                    row = selectClaim(c, key);
                    if (row == null) {
                        throw e;
                    }
                }
            }
            for (int round = 0; round < 3 && row != null; round++) {
                if (row.status() == ClaimStatus.APPLIED) {
                    return attempt(c, ClaimAttempt.Result.ALREADY_APPLIED, key);
                }
                if (row.status() == ClaimStatus.PROCESSING && row.claimedAt().isAfter(now.minus(lease))) {
                    return attempt(c, ClaimAttempt.Result.BUSY, key);
                }
                if (reclaim(c, key, entryId, now, row.attempts()) == 1) {
                    return attempt(c, ClaimAttempt.Result.CLAIMED, key);
                }
                row = selectClaim(c, key);
            }
            return attempt(c, ClaimAttempt.Result.BUSY, key);
        });
    }

    @Override
    public void markApplied(Key key, long entryId, Instant now) {
        int updated = mark(key, entryId, now, ClaimStatus.APPLIED);
        if (updated == 0) {
            LOG.log(System.Logger.Level.WARNING, () -> "PAYOP-IPN-011 Claim " + key + " was no longer held by entry "
                    + entryId + " when it was applied: the handler outlived the lease and may have run twice."
                    + " Make handlers faster than the lease or raise the lease.");
        }
    }

    @Override
    public void markFailed(Key key, long entryId, Instant now) {
        mark(key, entryId, now, ClaimStatus.FAILED);
    }

    private int mark(Key key, long entryId, Instant now, ClaimStatus status) {
        return run("mark " + key + " " + status, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.mark)) {
                ps.setString(1, status.name());
                ps.setObject(2, time(now));
                ps.setString(3, key.kind().name());
                ps.setString(4, key.objectId());
                ps.setString(5, key.stateKey());
                ps.setLong(6, entryId);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<Claim> claims(IpnKind kind, String objectId) {
        return run("read claims", c -> claimsOf(c, kind, objectId));
    }

    @Override
    public List<Entry> entries(IpnKind kind, String objectId) {
        return run("read deliveries", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.selectEntriesOfObject)) {
                ps.setString(1, kind.name());
                ps.setString(2, objectId);
                return readEntries(ps);
            }
        });
    }

    @Override
    public Optional<Entry> entry(long entryId) {
        return run("read a delivery", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.selectEntryById)) {
                ps.setLong(1, entryId);
                return readEntries(ps).stream().findFirst();
            }
        });
    }

    private ClaimAttempt attempt(Connection c, ClaimAttempt.Result result, Key key) throws SQLException {
        // Our own write must be visible before we look at the other states of the object (see Pipeline).
        commitIfOwned(c);
        return new ClaimAttempt(result, claimsOf(c, key.kind(), key.objectId()));
    }

    private Claim selectClaim(Connection c, Key key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.selectClaim)) {
            ps.setString(1, key.kind().name());
            ps.setString(2, key.objectId());
            ps.setString(3, key.stateKey());
            List<Claim> found = readClaims(ps);
            return found.isEmpty() ? null : found.get(0);
        }
    }

    private List<Claim> claimsOf(Connection c, IpnKind kind, String objectId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.selectClaimsOfObject)) {
            ps.setString(1, kind.name());
            ps.setString(2, objectId);
            return readClaims(ps);
        }
    }

    private void insertClaim(Connection c, Key key, long entryId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.insertClaim)) {
            ps.setString(1, key.kind().name());
            ps.setString(2, key.objectId());
            ps.setString(3, key.stateKey());
            ps.setLong(4, entryId);
            ps.setObject(5, time(now));
            ps.setObject(6, time(now));
            ps.executeUpdate();
        }
    }

    private int reclaim(Connection c, Key key, long entryId, Instant now, int seenAttempts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.reclaim)) {
            ps.setLong(1, entryId);
            ps.setObject(2, time(now));
            ps.setObject(3, time(now));
            ps.setString(4, key.kind().name());
            ps.setString(5, key.objectId());
            ps.setString(6, key.stateKey());
            ps.setInt(7, seenAttempts);
            return ps.executeUpdate();
        }
    }

    private static List<Claim> readClaims(PreparedStatement ps) throws SQLException {
        List<Claim> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Claim(rs.getString(1), ClaimStatus.valueOf(rs.getString(2)), rs.getLong(3),
                        instant(rs, 4), rs.getInt(5)));
            }
        }
        return out;
    }

    private static List<Entry> readEntries(PreparedStatement ps) throws SQLException {
        List<Entry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int code = rs.getInt(9);
                Integer stateCode = rs.wasNull() ? null : code;
                String outcome = rs.getString(11);
                out.add(new Entry(rs.getLong(1), instant(rs, 2), rs.getString(3), IpnKind.valueOf(rs.getString(4)),
                        rs.getString(5), rs.getString(6), rs.getString(7), IpnState.valueOf(rs.getString(8)),
                        stateCode, rs.getString(10), outcome == null ? null : IpnOutcome.valueOf(outcome),
                        rs.getString(12)));
            }
        }
        return out;
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

    private static OffsetDateTime time(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    @Override
    public String toString() {
        return "IpnJournal.jdbc(" + options + ")";
    }
}
