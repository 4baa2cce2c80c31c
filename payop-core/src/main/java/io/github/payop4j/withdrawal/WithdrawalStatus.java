package io.github.payop4j.withdrawal;

/** A withdrawal's status; undocumented codes map to {@link #UNKNOWN}. */
public enum WithdrawalStatus {
    PENDING, ACCEPTED, REJECTED, UNKNOWN;

    public static WithdrawalStatus of(Integer code) {
        if (code == null) {
            return UNKNOWN;
        }
        switch (code) {
            case 1:
            case 4: return PENDING;
            case 2: return ACCEPTED;
            case 3: return REJECTED;
            default: return UNKNOWN;
        }
    }
}
