package io.github.payop4j.testkit.internal.state;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

/** An invoice as the emulator keeps it; mutated only under the {@link Store} lock. */
public final class InvoiceState {

    /** Payop's invoice status codes. */
    public static final int NEW = 0;
    public static final int PAID = 1;
    public static final int OVERDUE = 2;
    public static final int PENDING = 4;
    public static final int FAILED = 5;

    public final String id;
    public final String orderId;
    /** The amount exactly as the shop sent (and signed) it. */
    public final String amount;
    public final String currency;
    public final String description;
    public final JsonArray items;
    public final JsonObject payer;
    public final Integer paymentMethod;
    public final String language;
    public final String resultUrl;
    public final String failPath;
    public final JsonObject metadata;
    public final long createdAt;
    public int status = NEW;
    public Payment payment;

    public InvoiceState(String id, String orderId, String amount, String currency, String description, JsonArray items,
            JsonObject payer, Integer paymentMethod, String language, String resultUrl, String failPath,
            JsonObject metadata, long createdAt) {
        this.id = id;
        this.orderId = orderId;
        this.amount = amount;
        this.currency = currency;
        this.description = description;
        this.items = items;
        this.payer = payer;
        this.paymentMethod = paymentMethod;
        this.language = language;
        this.resultUrl = resultUrl;
        this.failPath = failPath;
        this.metadata = metadata;
        this.createdAt = createdAt;
    }

    /** resultUrl or failPath with Payop's template expressions filled in. */
    public static String fill(String template, String invoiceId, String txid) {
        if (template == null) {
            return null;
        }
        return template.replace("{{invoiceId}}", invoiceId).replace("{{txid}}", txid == null ? "" : txid);
    }
}
