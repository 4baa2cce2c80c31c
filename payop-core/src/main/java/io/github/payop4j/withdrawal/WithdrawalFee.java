package io.github.payop4j.withdrawal;

/** Who bears Payop's payout fee: Payop's commission {@code type}. */
public enum WithdrawalFee {

    /** The fee is deducted from the wallet; the recipient gets the full amount (type 1). */
    FROM_WALLET(1),

    /** The fee is deducted from the withdrawn amount (type 2). */
    FROM_WITHDRAWAL(2);

    private final int commissionType;

    WithdrawalFee(int commissionType) {
        this.commissionType = commissionType;
    }

    /** Payop's commission {@code type}. */
    public int commissionType() {
        return commissionType;
    }
}
