package io.github.payop4j.internal.ipn;

import io.github.payop4j.PayopClient;
import io.github.payop4j.error.PayopApiException;
import io.github.payop4j.error.PayopAuthenticationException;
import io.github.payop4j.error.PayopException;
import io.github.payop4j.error.PayopNotFoundException;
import io.github.payop4j.error.PayopPermissionException;
import io.github.payop4j.internal.ipn.Confirmation.Status;
import io.github.payop4j.ipn.IpnKind;
import io.github.payop4j.ipn.IpnState;
import io.github.payop4j.refund.Refund;
import io.github.payop4j.transaction.Transaction;
import io.github.payop4j.withdrawal.Withdrawal;
import java.util.Optional;

/**
 * Asks the Payop API about the object an IPN names and compares. Payop does not sign IPNs, so
 * the API is the only proof; its state, order id, amount and currency are the truth.
 *
 * <p>Only a 404 (or an empty lookup) proves a forgery. Every other failure is answered "retry
 * later": Payop keeps retrying for 24 hours, and a genuine IPN must not be lost to an outage
 * or to an expired token the shop can still replace.
 */
public final class Confirmer {

    private static final System.Logger LOG = System.getLogger("io.github.payop4j.ipn");

    private final PayopClient client;

    public Confirmer(PayopClient client) {
        this.client = client;
    }

    public Confirmation confirm(Notification n) {
        try {
            switch (n.kind()) {
                case CHECKOUT: return checkout(n);
                case REFUND: return refund(n);
                default: return withdrawal(n);
            }
        } catch (PayopNotFoundException e) {
            return Confirmation.ofClaim(Status.NOT_FOUND, n, "the Payop API does not know this " + noun(n.kind()));
        } catch (PayopAuthenticationException | PayopPermissionException e) {
            LOG.log(System.Logger.Level.ERROR, () -> "PAYOP-IPN-010 The Payop API refused the JWT token (HTTP "
                    + e.httpStatus() + ") while confirming an IPN; IPNs are answered 503 until the token is fixed."
                    + " Create a new token in the Payop dashboard.");
            return Confirmation.ofClaim(Status.UNREACHABLE, n, "the Payop API refused the token (HTTP "
                    + e.httpStatus() + ")");
        } catch (PayopApiException e) {
            return Confirmation.ofClaim(Status.UNREACHABLE, n, "the Payop API answered HTTP " + e.httpStatus());
        } catch (PayopException e) {
            return Confirmation.ofClaim(Status.UNREACHABLE, n, "the Payop API is unreachable ("
                    + e.getClass().getSimpleName() + ")");
        } catch (RuntimeException e) {
            return Confirmation.ofClaim(Status.UNREACHABLE, n, "the Payop API call failed ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private Confirmation checkout(Notification n) {
        Transaction t = client.transactions().get(n.objectId());
        IpnState state = IpnState.of(IpnKind.CHECKOUT, t.stateCode(), t.error());
        Confirmation api = new Confirmation(Status.CONFIRMED, true, state, t.stateCode(),
                t.orderId() != null ? t.orderId() : n.orderId(), t.amount(), t.currency(), null,
                n.errorMessage() != null ? n.errorMessage() : t.error(), "confirmed by the Payop API");
        if (t.id() != null && !t.id().equals(n.objectId())) {
            return api.with(Status.UNCONFIRMED, "the Payop API answered with another transaction");
        }
        if (n.orderId() != null && t.orderId() != null && !n.orderId().equals(t.orderId())) {
            return api.with(Status.UNCONFIRMED, "order id differs: IPN " + n.orderId() + ", API " + t.orderId());
        }
        return compareState(n, api);
    }

    private Confirmation refund(Notification n) {
        Optional<Refund> found = client.refunds().get(n.objectId());
        if (found.isEmpty()) {
            return Confirmation.ofClaim(Status.NOT_FOUND, n, "the Payop API does not know this refund");
        }
        Refund r = found.get();
        Confirmation api = new Confirmation(Status.CONFIRMED, true, IpnState.of(IpnKind.REFUND, r.statusCode(), null),
                r.statusCode(), null, r.amount() != null ? r.amount() : n.amount(),
                r.currency() != null ? r.currency() : n.currency(),
                r.sourceTransactionId() != null ? r.sourceTransactionId() : n.sourceTransactionId(),
                n.errorMessage(), "confirmed by the Payop API");
        if (n.sourceTransactionId() != null && r.sourceTransactionId() != null
                && !n.sourceTransactionId().equals(r.sourceTransactionId())) {
            return api.with(Status.UNCONFIRMED, "refunded transaction differs: IPN " + n.sourceTransactionId()
                    + ", API " + r.sourceTransactionId());
        }
        return compareMoney(n, r.amount(), r.currency(), compareState(n, api));
    }

    private Confirmation withdrawal(Notification n) {
        Optional<Withdrawal> found = client.withdrawals().get(n.objectId());
        if (found.isEmpty()) {
            return Confirmation.ofClaim(Status.NOT_FOUND, n, "the Payop API does not know this withdrawal");
        }
        Withdrawal w = found.get();
        Confirmation api = new Confirmation(Status.CONFIRMED, true,
                IpnState.of(IpnKind.WITHDRAWAL, w.statusCode(), null), w.statusCode(), null,
                w.amount() != null ? w.amount() : n.amount(), w.currency() != null ? w.currency() : n.currency(),
                null, n.errorMessage(), "confirmed by the Payop API");
        return compareMoney(n, w.amount(), w.currency(), compareState(n, api));
    }

    /**
     * Failure reasons are one family: Payop's API words an error differently from the IPN, and
     * only the IPN's message is documented, so the IPN's reason is kept.
     */
    private static Confirmation compareState(Notification n, Confirmation api) {
        IpnState claimed = n.state();
        IpnState actual = api.state();
        if (claimed.isFailure() && actual.isFailure()) {
            return new Confirmation(Status.CONFIRMED, true, claimed, api.stateCode(), api.orderId(), api.amount(),
                    api.currency(), api.sourceTransactionId(), api.errorMessage(), api.detail());
        }
        if (claimed == actual && (claimed != IpnState.UNKNOWN || n.stateCode().equals(api.stateCode()))) {
            return api;
        }
        String detail = "IPN claims " + describe(claimed, n.stateCode()) + ", the Payop API reports "
                + describe(actual, api.stateCode());
        boolean apiNotYetFinal = actual == IpnState.NEW || actual == IpnState.PENDING
                || actual == IpnState.PRE_APPROVED;
        // A final IPN ahead of the API may be replication lag: Payop's retry will find out.
        return api.with(claimed.isFinal() && apiNotYetFinal ? Status.LAGGING : Status.UNCONFIRMED, detail);
    }

    private static Confirmation compareMoney(Notification n, String apiAmount, String apiCurrency, Confirmation c) {
        if (c.status() != Status.CONFIRMED) {
            return c;
        }
        if (n.amount() != null && apiAmount != null && !Decimals.sameAmount(n.amount(), apiAmount)) {
            return c.with(Status.AMOUNT_MISMATCH, "amount differs: IPN " + n.amount() + ", API " + apiAmount);
        }
        if (n.currency() != null && apiCurrency != null && !Decimals.sameCurrency(n.currency(), apiCurrency)) {
            return c.with(Status.CURRENCY_MISMATCH, "currency differs: IPN " + n.currency() + ", API " + apiCurrency);
        }
        return c;
    }

    private static String describe(IpnState state, Integer code) {
        return state + " (" + code + ")";
    }

    private static String noun(IpnKind kind) {
        return kind == IpnKind.CHECKOUT ? "transaction" : kind == IpnKind.REFUND ? "refund" : "withdrawal";
    }
}
