package io.github.payop4j.transaction;

/**
 * A checkout transaction's state. Undocumented codes map to {@link #UNKNOWN}; the raw code is
 * kept next to it wherever a state is reported.
 */
public enum TransactionState {
    NEW, ACCEPTED, FAILED, PENDING, PRE_APPROVED, TIMEOUT, UNKNOWN;

    /** The state for Payop's numeric code (3 and 5 are both "failed"). */
    public static TransactionState of(Integer code) {
        if (code == null) {
            return UNKNOWN;
        }
        switch (code) {
            case 1: return NEW;
            case 2: return ACCEPTED;
            case 3:
            case 5: return FAILED;
            case 4: return PENDING;
            case 9: return PRE_APPROVED;
            case 15: return TIMEOUT;
            default: return UNKNOWN;
        }
    }

    /**
     * Whether the state can still change. Pre-approved is not final: Payop says it may turn into
     * accepted or failed, and only accepted guarantees the money.
     */
    public boolean isFinal() {
        return this == ACCEPTED || this == FAILED || this == TIMEOUT;
    }
}
