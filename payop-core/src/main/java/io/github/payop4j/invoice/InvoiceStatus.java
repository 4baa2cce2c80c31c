package io.github.payop4j.invoice;

/** An invoice's lifecycle status. Codes Payop has not documented map to {@link #UNKNOWN}. */
public enum InvoiceStatus {
    NEW, PAID, OVERDUE, PENDING, FAILED, UNKNOWN;

    /** The status for Payop's numeric code. */
    public static InvoiceStatus of(Integer code) {
        if (code == null) {
            return UNKNOWN;
        }
        switch (code) {
            case 0: return NEW;
            case 1: return PAID;
            case 2: return OVERDUE;
            case 4: return PENDING;
            case 5: return FAILED;
            default: return UNKNOWN;
        }
    }
}
