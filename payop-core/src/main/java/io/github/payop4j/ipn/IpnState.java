package io.github.payop4j.ipn;

import io.github.payop4j.refund.RefundStatus;
import io.github.payop4j.transaction.TransactionState;
import io.github.payop4j.withdrawal.WithdrawalStatus;
import java.util.Locale;

/**
 * The state an IPN reports, mapped from Payop's numeric code per kind. The raw code travels
 * next to it everywhere ({@link IpnFacts#stateCode()}), so a code this library does not know
 * yet ({@link #UNKNOWN}) is never lost.
 *
 * <p>Checkout state 5 is split by its error message as Payop documents: {@code "timeout"} is
 * {@link #TIMEOUT}, {@value #REJECTED_MESSAGE} is {@link #REJECTED}, anything else {@link #FAILED}.
 */
public enum IpnState {
    NEW, PENDING, PRE_APPROVED, ACCEPTED, FAILED, TIMEOUT, REJECTED, UNKNOWN;

    /** The error message that makes checkout state 5 a timeout. */
    public static final String TIMEOUT_MESSAGE = "timeout";
    /** The error message that makes checkout state 5 a rejection. */
    public static final String REJECTED_MESSAGE = "We are unable to process your payment due to security reasons.";

    /**
     * Maps a code as Payop documents it for each kind: checkout 1 new, 2 accepted, 3 failed,
     * 4 pending, 5 failed/timeout/rejected (by message), 9 pre-approved, 15 timeout; refund 1 new,
     * 2 accepted, 3 and 4 rejected; withdrawal 1 and 4 pending, 2 accepted, 3 rejected.
     */
    public static IpnState of(IpnKind kind, Integer code, String errorMessage) {
        if (code == null) {
            return UNKNOWN;
        }
        // The code tables live once, in the API's own state types; only the split of checkout
        // state 5 by its message is particular to IPNs.
        switch (kind) {
            case CHECKOUT:
                if (code == 5) {
                    return failure(errorMessage);
                }
                switch (TransactionState.of(code)) {
                    case NEW: return NEW;
                    case ACCEPTED: return ACCEPTED;
                    case FAILED: return FAILED;
                    case PENDING: return PENDING;
                    case PRE_APPROVED: return PRE_APPROVED;
                    case TIMEOUT: return TIMEOUT;
                    default: return UNKNOWN;
                }
            case REFUND:
                switch (RefundStatus.of(code)) {
                    case NEW: return NEW;
                    case ACCEPTED: return ACCEPTED;
                    case REJECTED: return REJECTED;
                    default: return UNKNOWN;
                }
            case WITHDRAWAL:
                switch (WithdrawalStatus.of(code)) {
                    case PENDING: return PENDING;
                    case ACCEPTED: return ACCEPTED;
                    case REJECTED: return REJECTED;
                    default: return UNKNOWN;
                }
            default:
                return UNKNOWN;
        }
    }

    private static IpnState failure(String message) {
        String m = message == null ? "" : message.trim();
        if (m.equalsIgnoreCase(TIMEOUT_MESSAGE)) {
            return TIMEOUT;
        }
        if (m.toLowerCase(Locale.ROOT).equals(REJECTED_MESSAGE.toLowerCase(Locale.ROOT))) {
            return REJECTED;
        }
        return FAILED;
    }

    /** Accepted, failed, timed out or rejected: Payop will not move the object on by itself. */
    public boolean isFinal() {
        return this == ACCEPTED || isFailure();
    }

    /** Failed, timed out or rejected. */
    public boolean isFailure() {
        return this == FAILED || this == TIMEOUT || this == REJECTED;
    }
}
