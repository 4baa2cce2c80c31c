package io.github.payop4j.internal.ipn.journal;

import java.util.List;

/**
 * The ledger's SQL: tables {@code <prefix>invoice}, {@code <prefix>order_lock},
 * {@code <prefix>payment} and {@code <prefix>refund}, beside the journal's. The prefix is
 * validated by {@code JdbcOptions}, so concatenating it is safe.
 */
final class JdbcLedgerSql {

    final List<String> ddl;
    /** Fails unless every table of the ledger exists. */
    final String probe;
    final String insertInvoice;
    final String selectInvoice;
    final String selectLatestInvoice;
    final String updateInvoice;
    final String selectUnsettled;
    final String takeCheck;
    final String insertLock;
    final String insertLockIfAbsent;
    final String selectLock;
    final String stealLock;
    final String deleteLock;
    final String insertPayment;
    final String insertPaymentIfAbsent;
    final String selectPayment;
    final String insertRefund;
    final String insertRefundIfAbsent;
    final String updateRefund;
    final List<String> purge;

    JdbcLedgerSql(String p) {
        String invoice = p + "invoice";
        String lock = p + "order_lock";
        String payment = p + "payment";
        String refund = p + "refund";
        probe = "SELECT COUNT(*) FROM " + invoice + " i, " + lock + " l, " + payment + " m, " + refund + " r WHERE 1 = 0";
        ddl = List.of(
                "CREATE TABLE IF NOT EXISTS " + invoice + " ("
                        + "invoice_id VARCHAR(128) PRIMARY KEY, "
                        + "order_id VARCHAR(255) NOT NULL, "
                        + "amount VARCHAR(40) NOT NULL, "
                        + "currency VARCHAR(10) NOT NULL, "
                        + "created_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                        + "state VARCHAR(16) NOT NULL, "
                        + "transaction_id VARCHAR(128), "
                        + "checks INTEGER NOT NULL, "
                        + "checked_at TIMESTAMP WITH TIME ZONE, "
                        + "updated_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                        + "note VARCHAR(300))",
                "CREATE INDEX IF NOT EXISTS " + p + "invoice_order ON " + invoice + " (order_id, created_at)",
                "CREATE INDEX IF NOT EXISTS " + p + "invoice_state ON " + invoice + " (state, created_at)",
                "CREATE TABLE IF NOT EXISTS " + lock + " ("
                        + "order_id VARCHAR(255) PRIMARY KEY, "
                        + "holder BIGINT NOT NULL, "
                        + "locked_at TIMESTAMP WITH TIME ZONE NOT NULL)",
                "CREATE TABLE IF NOT EXISTS " + payment + " ("
                        + "order_id VARCHAR(255) PRIMARY KEY, "
                        + "transaction_id VARCHAR(128) NOT NULL, "
                        + "invoice_id VARCHAR(128), "
                        + "paid_at TIMESTAMP WITH TIME ZONE NOT NULL)",
                // The hourly purge deletes by age: indexed, as the journal's tables are.
                "CREATE INDEX IF NOT EXISTS " + p + "invoice_updated ON " + invoice + " (updated_at)",
                "CREATE INDEX IF NOT EXISTS " + p + "payment_paid ON " + payment + " (paid_at)",
                "CREATE TABLE IF NOT EXISTS " + refund + " ("
                        + "transaction_id VARCHAR(128) PRIMARY KEY, "
                        + "order_id VARCHAR(255), "
                        + "paid_by VARCHAR(128), "
                        + "state VARCHAR(16) NOT NULL, "
                        + "refund_id VARCHAR(128), "
                        + "detail VARCHAR(300), "
                        + "updated_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        String invoiceColumns = "invoice_id, order_id, amount, currency, created_at, state, transaction_id, checks, "
                + "checked_at, note";
        insertInvoice = "INSERT INTO " + invoice + " (invoice_id, order_id, amount, currency, created_at, state, "
                + "transaction_id, checks, checked_at, updated_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        selectInvoice = "SELECT " + invoiceColumns + " FROM " + invoice + " WHERE invoice_id = ?";
        selectLatestInvoice = "SELECT " + invoiceColumns + " FROM " + invoice + " WHERE order_id = ?"
                + " ORDER BY created_at DESC FETCH FIRST 1 ROWS ONLY";
        // A payment is final: a later "failed" or "overdue" never overwrites it.
        updateInvoice = "UPDATE " + invoice + " SET state = ?, transaction_id = COALESCE(?, transaction_id), note = ?,"
                + " updated_at = ? WHERE invoice_id = ? AND state <> 'PAID'";
        selectUnsettled = "SELECT " + invoiceColumns + " FROM " + invoice + " WHERE state IN ('NEW', 'PENDING', 'UNKNOWN')"
                + " AND created_at <= ? AND (checked_at IS NULL OR checked_at <= ?) ORDER BY created_at"
                + " FETCH FIRST %d ROWS ONLY";
        takeCheck = "UPDATE " + invoice + " SET checks = checks + 1, checked_at = ? WHERE invoice_id = ? AND checks = ?";
        insertLock = "INSERT INTO " + lock + " (order_id, holder, locked_at) VALUES (?, ?, ?)";
        insertLockIfAbsent = insertLock + " ON CONFLICT DO NOTHING";
        selectLock = "SELECT holder, locked_at FROM " + lock + " WHERE order_id = ?";
        stealLock = "UPDATE " + lock + " SET holder = ?, locked_at = ? WHERE order_id = ? AND holder = ?";
        deleteLock = "DELETE FROM " + lock + " WHERE order_id = ? AND holder = ?";
        insertPayment = "INSERT INTO " + payment + " (order_id, transaction_id, invoice_id, paid_at) VALUES (?, ?, ?, ?)";
        insertPaymentIfAbsent = insertPayment + " ON CONFLICT DO NOTHING";
        selectPayment = "SELECT transaction_id FROM " + payment + " WHERE order_id = ?";
        insertRefund = "INSERT INTO " + refund + " (transaction_id, order_id, paid_by, state, updated_at)"
                + " VALUES (?, ?, ?, 'CLAIMED', ?)";
        insertRefundIfAbsent = insertRefund + " ON CONFLICT DO NOTHING";
        updateRefund = "UPDATE " + refund + " SET state = ?, refund_id = ?, detail = ?, updated_at = ?"
                + " WHERE transaction_id = ?";
        purge = List.of(
                "DELETE FROM " + invoice + " WHERE updated_at < ?",
                "DELETE FROM " + lock + " WHERE locked_at < ?",
                "DELETE FROM " + payment + " WHERE paid_at < ?",
                "DELETE FROM " + refund + " WHERE updated_at < ?");
    }
}
