package io.github.payop4j.refund;

/** A refund's status; undocumented codes map to {@link #UNKNOWN}. */
public enum RefundStatus {
    NEW, ACCEPTED, REJECTED, UNKNOWN;

    public static RefundStatus of(Integer code) {
        if (code == null) {
            return UNKNOWN;
        }
        switch (code) {
            case 1: return NEW;
            case 2: return ACCEPTED;
            case 3:
            case 4: return REJECTED;
            default: return UNKNOWN;
        }
    }
}
