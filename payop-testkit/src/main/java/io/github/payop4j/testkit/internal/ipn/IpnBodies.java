package io.github.payop4j.testkit.internal.ipn;

import io.github.payop4j.testkit.internal.http.Json;
import io.github.payop4j.testkit.internal.state.Payment;
import io.github.payop4j.testkit.internal.state.RefundState;
import io.github.payop4j.testkit.internal.state.WithdrawalState;
import jakarta.json.JsonObject;

/** The three IPN bodies exactly as ../shared/payop-api/5.IPN documents them. */
final class IpnBodies {

    private IpnBodies() {
    }

    static JsonObject checkout(Payment p) {
        JsonObject invoice = Json.object()
                .add("id", p.invoice.id)
                .add("status", p.invoice.status)
                .add("txid", p.id)
                .add("metadata", Json.objectOrPhpEmpty(p.invoice.metadata))
                .build();
        JsonObject transaction = Json.object()
                .add("id", p.id)
                .add("state", p.state)
                .add("order", Json.object().add("id", p.invoice.orderId))
                .add("error", error(p.error))
                .build();
        return Json.object().add("invoice", invoice).add("transaction", transaction).build();
    }

    static JsonObject refund(RefundState r) {
        JsonObject transaction = Json.object()
                .add("refundId", r.id)
                .add("state", r.status)
                .add("amount", Json.number(r.amount))
                .add("currency", r.source.invoice.currency)
                .add("metadata", Json.objectOrPhpEmpty(r.metadata))
                .add("error", error(r.status == RefundState.REJECTED ? "Refund rejected" : ""))
                .build();
        return Json.object().add("transaction", transaction)
                .add("sourceTransaction", Json.object().add("id", r.source.id).add("state", r.source.state))
                .build();
    }

    static JsonObject withdrawal(WithdrawalState w) {
        JsonObject transaction = Json.object()
                .add("withdrawalId", w.id)
                .add("state", w.status)
                .add("amount", Json.number(w.amount))
                .add("currency", w.currency)
                .add("comment", w.comment)
                .add("metadata", Json.objectOrPhpEmpty(w.metadata))
                .add("error", error(w.error))
                .build();
        return Json.object().add("transaction", transaction).build();
    }

    /** Payop's error object; {@code code} is "always an empty string". */
    private static JsonObject error(String message) {
        return Json.object().add("message", message == null ? "" : message).add("code", "").build();
    }
}
