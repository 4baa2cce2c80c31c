package io.github.payop4j.testkit.internal.state;

import jakarta.json.JsonObject;

/** One payout of a mass withdrawal; mutated only under the {@link Store} lock. */
public final class WithdrawalState {

    public static final int PENDING = 1;
    public static final int ACCEPTED = 2;
    public static final int REJECTED = 3;

    public final String id;
    public final int method;
    public final int commissionType;
    public final String amount;
    public final String currency;
    public final JsonObject additionalData;
    public final JsonObject metadata;
    public final long createdAt;
    public int status = PENDING;
    public String comment = "";
    public String error = "";

    public WithdrawalState(String id, int method, int commissionType, String amount, String currency,
            JsonObject additionalData, JsonObject metadata, long createdAt) {
        this.id = id;
        this.method = method;
        this.commissionType = commissionType;
        this.amount = amount;
        this.currency = currency;
        this.additionalData = additionalData;
        this.metadata = metadata;
        this.createdAt = createdAt;
    }
}
