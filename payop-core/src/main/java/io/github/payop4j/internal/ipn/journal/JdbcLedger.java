package io.github.payop4j.internal.ipn.journal;

import static io.github.payop4j.internal.ipn.journal.JdbcRows.instant;
import static io.github.payop4j.internal.ipn.journal.JdbcRows.time;

import io.github.payop4j.ipn.IpnJournal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link Ledger} in the journal's database. Uniqueness rests on primary keys, as the journal's
 * claims do: one lock row per order being checked out, one payment row per order, one refund row
 * per double payment; a second inserter finds the first one's row (on PostgreSQL after waiting
 * for its transaction) and never breaks its own transaction.
 */
final class JdbcLedger implements Ledger {

    private final JdbcStore store;
    private final JdbcLedgerSql sql;
    private final JdbcRows rows;
    /** PostgreSQL: the mark and the delivery row in one statement; the same with the invoice update first. */
    private final String appliedInOneStatement;
    private final String appliedWithInvoiceInOneStatement;

    JdbcLedger(JdbcStore store, JdbcLedgerSql sql, JdbcRows rows) {
        this.store = store;
        this.sql = sql;
        this.rows = rows;
        String markAndRecord = "m AS (" + rows.sql().mark + " RETURNING 1), d AS (" + rows.sql().insertEntry + ")"
                + " SELECT COUNT(*) FROM m";
        this.appliedInOneStatement = "WITH " + markAndRecord;
        this.appliedWithInvoiceInOneStatement = "WITH i AS (" + sql.updateInvoice + "), " + markAndRecord;
    }

    @Override
    public void markApplied(IpnJournal.Key key, IpnJournal.Entry delivery, InvoiceUpdate invoice, Instant now) {
        int marked = store.run(() -> "mark " + key + " applied and record the delivery", c -> {
            if (store.dialect(c) == JdbcSql.Dialect.POSTGRESQL) {
                // One round trip instead of three; the writes commit together (they did with a
                // container transaction around them already).
                try (PreparedStatement ps = c.prepareStatement(invoice == null ? appliedInOneStatement
                        : appliedWithInvoiceInOneStatement)) {
                    int offset = 0;
                    if (invoice != null) {
                        bindInvoiceUpdate(ps, invoice, now);
                        offset = 5;
                    }
                    rows.bindMark(ps, offset, key, delivery.id(), now, IpnJournal.ClaimStatus.APPLIED);
                    rows.bindEntry(ps, offset + 6, delivery);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getInt(1);
                    }
                }
            }
            if (invoice != null) {
                store.update(c, sql.updateInvoice, ps -> bindInvoiceUpdate(ps, invoice, now));
            }
            int n = rows.mark(c, key, delivery.id(), now, IpnJournal.ClaimStatus.APPLIED);
            rows.insertEntry(c, delivery);
            return n;
        });
        JdbcJournal.warnIfLost(key, delivery.id(), marked);
    }

    @Override
    public void recordInvoice(InvoiceRecord r) {
        store.run(() -> "record invoice " + r.invoiceId(), c -> store.update(c, sql.insertInvoice, ps -> {
            ps.setString(1, r.invoiceId());
            ps.setString(2, r.orderId());
            ps.setString(3, r.amount());
            ps.setString(4, r.currency());
            ps.setObject(5, time(r.createdAt()));
            ps.setString(6, r.state().name());
            ps.setString(7, r.transactionId());
            ps.setInt(8, r.checks());
            if (r.checkedAt() == null) {
                ps.setNull(9, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                ps.setObject(9, time(r.checkedAt()));
            }
            ps.setObject(10, time(r.createdAt()));
            ps.setString(11, cut(r.note()));
        }));
    }

    @Override
    public Optional<InvoiceRecord> invoice(String invoiceId) {
        return store.run(() -> "read invoice " + invoiceId, c -> invoices(c, sql.selectInvoice, invoiceId).stream()
                .findFirst());
    }

    @Override
    public Optional<InvoiceRecord> latestInvoice(String orderId) {
        return store.run(() -> "read the invoices of an order", c -> invoices(c, sql.selectLatestInvoice, orderId)
                .stream().findFirst());
    }

    @Override
    public void updateInvoice(String invoiceId, InvoiceRecord.State state, String transactionId, String note,
            Instant now) {
        InvoiceUpdate update = new InvoiceUpdate(invoiceId, state, transactionId, note);
        store.run(() -> "update invoice " + invoiceId, c -> store.update(c, sql.updateInvoice,
                ps -> bindInvoiceUpdate(ps, update, now)));
    }

    /** The 5 parameters of {@link JdbcLedgerSql#updateInvoice}, first in the statement. */
    private static void bindInvoiceUpdate(PreparedStatement ps, InvoiceUpdate u, Instant now) throws SQLException {
        ps.setString(1, u.state().name());
        ps.setString(2, u.transactionId());
        ps.setString(3, cut(u.note()));
        ps.setObject(4, time(now));
        ps.setString(5, u.invoiceId());
    }

    @Override
    public List<InvoiceRecord> unsettled(Instant createdBefore, Instant checkedBefore, int limit) {
        String statement = String.format(sql.selectUnsettled, Limits.check(limit));
        return store.run(() -> "list unsettled invoices", c -> {
            try (PreparedStatement ps = c.prepareStatement(statement)) {
                ps.setObject(1, time(createdBefore));
                ps.setObject(2, time(checkedBefore));
                return read(ps);
            }
        });
    }

    @Override
    public boolean takeCheck(String invoiceId, int seenChecks, Instant now) {
        return store.run(() -> "take the check of invoice " + invoiceId, c -> store.update(c, sql.takeCheck, ps -> {
            ps.setObject(1, time(now));
            ps.setString(2, invoiceId);
            ps.setInt(3, seenChecks);
        })) == 1;
    }

    @Override
    public boolean lockOrder(String orderId, long holder, Instant now, Duration staleAfter) {
        return store.run(() -> "lock the checkout of order " + orderId, c -> {
            Boolean inserted = store.insertIfAbsent(c, sql.insertLock, sql.insertLockIfAbsent, ps -> {
                ps.setString(1, orderId);
                ps.setLong(2, holder);
                ps.setObject(3, time(now));
            });
            if (inserted == null || inserted) {
                return inserted != null;
            }
            try (PreparedStatement ps = c.prepareStatement(sql.selectLock)) {
                ps.setString(1, orderId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false; // released just now: the caller looks again
                    }
                    long seen = rs.getLong(1);
                    Instant lockedAt = instant(rs, 2);
                    if (lockedAt.isAfter(now.minus(staleAfter))) {
                        return false;
                    }
                    // Its holder died: take it over, compare-and-set on the holder.
                    return store.update(c, sql.stealLock, u -> {
                        u.setLong(1, holder);
                        u.setObject(2, time(now));
                        u.setString(3, orderId);
                        u.setLong(4, seen);
                    }) == 1;
                }
            }
        });
    }

    @Override
    public void unlockOrder(String orderId, long holder) {
        store.run(() -> "unlock the checkout of order " + orderId, c -> store.update(c, sql.deleteLock, ps -> {
            ps.setString(1, orderId);
            ps.setLong(2, holder);
        }));
    }

    @Override
    public String recordPayment(String orderId, String transactionId, String invoiceId, Instant now) {
        return store.run(() -> "record the payment of order " + orderId, c -> {
            Boolean inserted = store.insertIfAbsent(c, sql.insertPayment, sql.insertPaymentIfAbsent, ps -> {
                ps.setString(1, orderId);
                ps.setString(2, transactionId);
                ps.setString(3, invoiceId);
                ps.setObject(4, time(now));
            });
            if (inserted == null) {
                throw new SQLException("a concurrent payment of order " + orderId + " aborted the transaction",
                        "40001");
            }
            if (inserted) {
                return transactionId;
            }
            try (PreparedStatement ps = c.prepareStatement(sql.selectPayment)) {
                ps.setString(1, orderId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("the payment of order " + orderId + " vanished", "40001");
                    }
                    return rs.getString(1);
                }
            }
        });
    }


    @Override
    public Optional<String> paidBy(String orderId) {
        return store.run(() -> "read the payment of order " + orderId, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.selectPayment)) {
                ps.setString(1, orderId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public boolean claimRefund(String transactionId, String orderId, String paidBy, Instant now) {
        return store.run(() -> "claim the refund of " + transactionId, c -> Boolean.TRUE.equals(store.insertIfAbsent(c,
                sql.insertRefund, sql.insertRefundIfAbsent, ps -> {
                    ps.setString(1, transactionId);
                    ps.setString(2, orderId);
                    ps.setString(3, paidBy);
                    ps.setObject(4, time(now));
                })));
    }

    @Override
    public void refundOutcome(String transactionId, String state, String refundId, String detail, Instant now) {
        store.run(() -> "record the refund of " + transactionId, c -> store.update(c, sql.updateRefund, ps -> {
            ps.setString(1, state);
            ps.setString(2, refundId);
            ps.setString(3, cut(detail));
            ps.setObject(4, time(now));
            ps.setString(5, transactionId);
        }));
    }

    @Override
    public int purge(Instant before) {
        return store.run(() -> "purge old records", c -> {
            int n = 0;
            for (String statement : sql.purge) {
                n += JdbcRows.deleteBefore(c, statement, before);
            }
            return n;
        });
    }

    private static List<InvoiceRecord> invoices(Connection c, String statement, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(statement)) {
            ps.setString(1, key);
            return read(ps);
        }
    }

    private static List<InvoiceRecord> read(PreparedStatement ps) throws SQLException {
        List<InvoiceRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new InvoiceRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs, 5), state(rs.getString(6)), rs.getString(7), rs.getInt(8), instant(rs, 9),
                        rs.getString(10)));
            }
        }
        return out;
    }

    private static InvoiceRecord.State state(String name) {
        try {
            return InvoiceRecord.State.valueOf(name);
        } catch (IllegalArgumentException e) {
            return InvoiceRecord.State.UNKNOWN; // a newer version's state: ask Payop again
        }
    }

    private static String cut(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300);
    }
}
