package io.github.payop4j.testkit.internal.state;

import io.github.payop4j.testkit.EmulatedPaymentMethod;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A checkout transaction; mutated only under the {@link Store} lock. */
public final class Payment {

    /** Payop's transaction states. */
    public static final int NEW = 1;
    public static final int ACCEPTED = 2;
    public static final int PENDING = 4;
    public static final int FAILED = 5;

    /** What the payer must do next while the transaction is pending. */
    public enum Step {
        /** Nothing: waiting for the acquirer. */
        NONE,
        /** Pass the 3-D Secure challenge on the (emulated) issuer's ACS page: a POST form. */
        THREE_D_SECURE,
        /** Confirm on the (emulated) bank's page: a GET redirect. */
        BANK,
        /** Complete missing payer fields on the hosted page: a GET redirect. */
        COMPLETE_FORM
    }

    public final String id;
    public final InvoiceState invoice;
    public final EmulatedPaymentMethod method;
    public final long createdAt;
    public final JsonObject customer;
    public final String payCurrency;
    /** The card behind the token, for card methods; null otherwise. */
    public final CardOnFile card;
    public final String iban;
    public int state = NEW;
    public String error = "";
    public Step step = Step.NONE;
    public Long updatedAt;
    public BigDecimal refunded = BigDecimal.ZERO;
    /** State changes: {from, to, epoch seconds}, Payop's "schedules". */
    public final List<long[]> schedules = new ArrayList<>();

    public Payment(String id, InvoiceState invoice, EmulatedPaymentMethod method, long createdAt, JsonObject customer,
            String payCurrency, CardOnFile card, String iban) {
        this.id = id;
        this.invoice = invoice;
        this.method = method;
        this.createdAt = createdAt;
        this.customer = customer;
        this.payCurrency = payCurrency;
        this.card = card;
        this.iban = iban;
    }

    /** Paid with {@code TestCards.PAID_IPN_LOST}: no IPN is ever sent for this transaction. */
    public boolean ipnsLost() {
        return card != null && card.outcome() == CardOnFile.Outcome.SUCCESS_IPN_LOST;
    }

    public boolean isFinal() {
        return state == ACCEPTED || state == FAILED;
    }
}
