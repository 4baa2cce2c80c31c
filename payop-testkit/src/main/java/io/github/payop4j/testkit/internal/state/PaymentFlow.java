package io.github.payop4j.testkit.internal.state;

import io.github.payop4j.testkit.EmulatedPaymentMethod;
import io.github.payop4j.testkit.TestCards;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The life of a checkout transaction: created pending, then accepted or failed, through a
 * 3-D Secure challenge, a bank page or a form completion on the way. Every final state moves the
 * invoice, the wallet and sends an IPN; nothing here knows about HTTP.
 */
public final class PaymentFlow {

    /** The IPN and API error text of a payment the payer or the bank declined (not a card). */
    public static final String DECLINED_BY_BANK = "Payment declined by the bank";
    /** The error text after a void. */
    public static final String VOIDED = "Transaction voided by merchant";

    private final Store store;

    public PaymentFlow(Store store) {
        this.store = store;
    }

    /**
     * Creates the invoice's transaction. A card payment is decided at once by the test card (3-D
     * Secure cards wait for the challenge); other methods wait for the payer on the bank page, or on
     * the hosted form when required payer fields are missing.
     */
    public Payment start(InvoiceState invoice, EmulatedPaymentMethod method, JsonObject customer, CardOnFile card,
            String payCurrency) {
        synchronized (store) {
            String iban = "bank_transfer".equals(method.type()) ? syntheticIban(invoice.id) : null;
            Payment p = new Payment(Store.newId(), invoice, method, Store.now(), customer, payCurrency, card, iban);
            store.payments.put(p.id, p);
            invoice.payment = p;
            move(p, Payment.PENDING);
            invoice.status = InvoiceState.PENDING;
            if (card != null) {
                switch (card.outcome()) {
                    case SUCCESS, SUCCESS_IPN_LOST -> accept(p);
                    case DECLINED -> fail(p, TestCards.DECLINED_MESSAGE);
                    case INSUFFICIENT_FUNDS -> fail(p, TestCards.INSUFFICIENT_FUNDS_MESSAGE);
                    case THREE_D_SECURE -> p.step = Payment.Step.THREE_D_SECURE;
                }
            } else {
                p.step = missingFields(method, customer).isEmpty() ? Payment.Step.BANK : Payment.Step.COMPLETE_FORM;
            }
            return p;
        }
    }

    /** Required fields of {@code method} that {@code payer} (a payer or customer object) lacks. */
    public static List<String> missingFields(EmulatedPaymentMethod method, JsonObject payer) {
        List<String> missing = new ArrayList<>();
        JsonValue extra = payer == null ? null : payer.get("extraFields");
        for (String field : method.requiredFields()) {
            String value = text(payer, field);
            if (value == null && extra instanceof JsonObject x) {
                value = text(x, field);
            }
            if (value == null || value.isBlank()) {
                missing.add(field);
            }
        }
        return missing;
    }

    private static String text(JsonObject o, String name) {
        return o != null && o.get(name) instanceof JsonString s ? s.getString() : null;
    }

    /** The payer completed the step (3-D Secure passed, bank confirmed): the payment is accepted. */
    public void accept(Payment p) {
        synchronized (store) {
            if (p.state == Payment.ACCEPTED) {
                return;
            }
            if (p.state == Payment.FAILED) {
                throw new IllegalStateException("Transaction " + p.id + " has failed; use acceptLate to turn a failed"
                        + " payment into an accepted one");
            }
            if (store.settings.lateAcceptance() != null) {
                // Payop's documented late change: the shop first hears "failed", then "accepted".
                decide(p, Payment.FAILED, DECLINED_BY_BANK,
                        () -> store.notifier.later(store.settings.lateAcceptance().toMillis(), () -> acceptLate(p)));
                return;
            }
            decide(p, Payment.ACCEPTED, "", null);
        }
    }

    public void fail(Payment p, String error) {
        synchronized (store) {
            if (p.isFinal()) {
                throw new IllegalStateException("Transaction " + p.id + " is already final (state " + p.state + ")");
            }
            decide(p, Payment.FAILED, error, null);
        }
    }

    /** A failed payment is accepted after all (Payop: "from failed to accepted, must be handled"). */
    public void acceptLate(Payment p) {
        synchronized (store) {
            if (p.state != Payment.FAILED) {
                throw new IllegalStateException("Transaction " + p.id + " is not failed (state " + p.state
                        + "); only a failed payment can be accepted late");
            }
            decide(p, Payment.ACCEPTED, "", null);
        }
    }

    /** Cancels a pending transaction (POST /v1/checkout/void). */
    public void voidPending(Payment p) {
        synchronized (store) {
            decide(p, Payment.FAILED, VOIDED, null);
        }
    }

    private void decide(Payment p, int state, String error, Runnable afterAcknowledged) {
        move(p, state);
        p.error = error;
        p.step = Payment.Step.NONE;
        InvoiceState invoice = p.invoice;
        if (state == Payment.ACCEPTED) {
            invoice.status = InvoiceState.PAID;
            store.wallet.credit(invoice.currency, new BigDecimal(invoice.amount));
        } else {
            invoice.status = InvoiceState.FAILED;
        }
        if (!p.ipnsLost()) {
            store.notifier.paymentChanged(p, afterAcknowledged);
        } else if (afterAcknowledged != null) {
            afterAcknowledged.run(); // the state changes on as if the shop had heard of it
        }
    }

    private static void move(Payment p, int state) {
        long now = Store.now();
        if (p.state != state) {
            p.schedules.add(new long[] {p.state, state, now});
        }
        p.state = state;
        p.updatedAt = now;
    }

    /** A stable, obviously fake IBAN per invoice, for the IBAN endpoint and the filter's attributes. */
    private static String syntheticIban(String seed) {
        long n = Math.abs((long) seed.hashCode()) % 1_000_000_000_000L;
        return String.format("GB00PAYO%014d", n);
    }
}
