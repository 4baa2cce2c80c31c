package io.github.payop4j.testkit.internal.state;

import jakarta.json.JsonObject;

/** A refund; mutated only under the {@link Store} lock. */
public final class RefundState {

    public static final int NEW = 1;
    public static final int ACCEPTED = 2;
    public static final int REJECTED = 3;

    public final String id;
    public final Payment source;
    public final String amount;
    public final JsonObject metadata;
    public final long createdAt;
    public int status = NEW;

    public RefundState(String id, Payment source, String amount, JsonObject metadata, long createdAt) {
        this.id = id;
        this.source = source;
        this.amount = amount;
        this.metadata = metadata;
        this.createdAt = createdAt;
    }
}
