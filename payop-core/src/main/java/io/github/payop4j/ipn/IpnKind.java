package io.github.payop4j.ipn;

/** What an IPN is about; Payop sends each kind to its own IPN URL, but the bodies tell them apart. */
public enum IpnKind {
    /** A checkout transaction: {@code invoice} and {@code transaction} with {@code transaction.id}. */
    CHECKOUT,
    /** A refund: {@code transaction.refundId} and {@code sourceTransaction}. */
    REFUND,
    /** A withdrawal (payout): {@code transaction.withdrawalId}. */
    WITHDRAWAL
}
