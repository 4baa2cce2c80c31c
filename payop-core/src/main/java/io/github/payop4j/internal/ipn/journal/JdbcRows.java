package io.github.payop4j.internal.ipn.journal;

import io.github.payop4j.ipn.IpnJournal.Claim;
import io.github.payop4j.ipn.IpnJournal.ClaimStatus;
import io.github.payop4j.ipn.IpnJournal.Entry;
import io.github.payop4j.ipn.IpnJournal.Key;
import io.github.payop4j.ipn.IpnKind;
import io.github.payop4j.ipn.IpnOutcome;
import io.github.payop4j.ipn.IpnState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The journal's statements with their parameters bound and their rows read; no transaction logic. */
final class JdbcRows {

    private final JdbcSql sql;

    JdbcRows(JdbcSql sql) {
        this.sql = sql;
    }

    JdbcSql sql() {
        return sql;
    }

    void insertEntry(Connection c, Entry e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.insertEntry)) {
            bindEntry(ps, 0, e);
            ps.executeUpdate();
        }
    }

    /** The 13 parameters of {@link JdbcSql#insertEntry}, after {@code offset} others. */
    void bindEntry(PreparedStatement ps, int offset, Entry e) throws SQLException {
        ps.setLong(offset + 1, e.id());
        ps.setObject(offset + 2, time(e.receivedAt()));
        ps.setString(offset + 3, e.sourceAddress());
        ps.setString(offset + 4, e.kind().name());
        ps.setString(offset + 5, e.objectId());
        ps.setString(offset + 6, e.invoiceId());
        ps.setString(offset + 7, cut(e.orderId(), 255));
        ps.setString(offset + 8, e.state().name());
        setInteger(ps, offset + 9, e.stateCode());
        ps.setString(offset + 10, e.body());
        ps.setString(offset + 11, e.outcome() == null ? null : e.outcome().name());
        ps.setString(offset + 12, cut(e.detail(), 300));
        ps.setObject(offset + 13, time(Instant.now()));
    }

    /** The parameters of {@link JdbcSql#insertClaim}: a new PROCESSING claim. */
    void bindNewClaim(PreparedStatement ps, Key key, long entryId, Instant now) throws SQLException {
        ps.setString(1, key.kind().name());
        ps.setString(2, key.objectId());
        ps.setString(3, key.stateKey());
        ps.setLong(4, entryId);
        ps.setObject(5, time(now));
        ps.setObject(6, time(now));
    }

    int reclaim(Connection c, Key key, long entryId, Instant now, int seenAttempts) throws SQLException {
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

    int mark(Connection c, Key key, long entryId, Instant now, ClaimStatus status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.mark)) {
            bindMark(ps, 0, key, entryId, now, status);
            return ps.executeUpdate();
        }
    }

    /** The 6 parameters of {@link JdbcSql#mark}, after {@code offset} others. */
    void bindMark(PreparedStatement ps, int offset, Key key, long entryId, Instant now, ClaimStatus status)
            throws SQLException {
        ps.setString(offset + 1, status.name());
        ps.setObject(offset + 2, time(now));
        ps.setString(offset + 3, key.kind().name());
        ps.setString(offset + 4, key.objectId());
        ps.setString(offset + 5, key.stateKey());
        ps.setLong(offset + 6, entryId);
    }

    Claim selectClaim(Connection c, Key key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.selectClaim)) {
            ps.setString(1, key.kind().name());
            ps.setString(2, key.objectId());
            ps.setString(3, key.stateKey());
            List<Claim> found = readClaims(ps);
            return found.isEmpty() ? null : found.get(0);
        }
    }

    List<Claim> claimsOf(Connection c, IpnKind kind, String objectId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.selectClaimsOfObject)) {
            ps.setString(1, kind.name());
            ps.setString(2, objectId);
            return readClaims(ps);
        }
    }

    List<Entry> entriesOf(Connection c, IpnKind kind, String objectId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.selectEntriesOfObject)) {
            ps.setString(1, kind.name());
            ps.setString(2, objectId);
            return readEntries(ps);
        }
    }

    List<Entry> entry(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.selectEntryById)) {
            ps.setLong(1, id);
            return readEntries(ps);
        }
    }

    List<Entry> entriesWith(Connection c, IpnOutcome outcome, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(String.format(sql.selectEntriesByOutcome, limit))) {
            ps.setString(1, outcome.name());
            return readEntries(ps);
        }
    }

    List<Key> processing(Connection c, Instant claimedBefore, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(String.format(sql.selectProcessingClaims, limit))) {
            ps.setObject(1, time(claimedBefore));
            List<Key> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Key(IpnKind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        }
    }

    int reopen(Connection c, Key key, long entryId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.reopen)) {
            ps.setObject(1, time(now));
            ps.setString(2, key.kind().name());
            ps.setString(3, key.objectId());
            ps.setString(4, key.stateKey());
            ps.setLong(5, entryId);
            return ps.executeUpdate();
        }
    }

    int purgeEntries(Connection c, Instant before) throws SQLException {
        return deleteBefore(c, sql.purgeEntries, before);
    }

    int purgeClaims(Connection c, Instant before) throws SQLException {
        return deleteBefore(c, sql.purgeClaims, before);
    }

    static int deleteBefore(Connection c, String statement, Instant before) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(statement)) {
            ps.setObject(1, time(before));
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

    /** Microseconds, as databases keep them: a stored time then compares equal to the instant it came from. */
    static OffsetDateTime time(Instant i) {
        return OffsetDateTime.ofInstant(i.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
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
}
