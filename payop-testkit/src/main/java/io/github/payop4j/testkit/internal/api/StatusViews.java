package io.github.payop4j.testkit.internal.api;

import io.github.payop4j.testkit.internal.http.Json;
import io.github.payop4j.testkit.internal.state.InvoiceState;
import io.github.payop4j.testkit.internal.state.Payment;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * The "what next" answers of check-invoice-status and the legacy check-transaction-status, in the
 * shapes Payop documents for each step, PHP's {@code []} for an empty form included.
 */
final class StatusViews {

    private StatusViews() {
    }

    /** {@code /v1/checkout/check-invoice-status/{invoiceId}}. */
    static JsonObject invoice(InvoiceState invoice, Links links) {
        Payment p = invoice.payment;
        if (p == null) {
            return repeat().build();
        }
        if (p.state == Payment.ACCEPTED) {
            String url = links.success(invoice);
            // Payop documents the success form both as {"url"} and as a GET form: this is both.
            return Json.object().add("isSuccess", true).add("status", "success").add("message", "")
                    .add("form", Json.object().add("method", "GET").add("url", url)
                            .add("fields", JsonValue.EMPTY_JSON_ARRAY))
                    .add("url", url).build();
        }
        if (p.state == Payment.FAILED) {
            return Json.object().add("isSuccess", true).add("status", "fail").add("message", "")
                    .add("form", Json.PHP_EMPTY).add("url", links.failure(invoice))
                    .add("invoiceIdentifier", Json.object().add("value", invoice.id).add("null", false)).build();
        }
        return pending(p, links).build();
    }

    /**
     * {@code /v1/checkout/check-transaction-status/{txid}}: as above plus {@code txid}, and, as the
     * legacy page documents, a final status with an empty url and the result page in {@code txid}.
     */
    static JsonObject transaction(Payment p, Links links) {
        if (p.state == Payment.ACCEPTED || p.state == Payment.FAILED) {
            String url = p.state == Payment.ACCEPTED ? links.success(p.invoice) : links.failure(p.invoice);
            return Json.object().add("isSuccess", true).add("status", p.state == Payment.ACCEPTED ? "success" : "fail")
                    .add("form", Json.PHP_EMPTY).add("url", "").add("txid", url).build();
        }
        return pending(p, links).add("txid", p.id).build();
    }

    private static JsonObjectBuilder repeat() {
        return Json.object().add("isSuccess", true).add("status", "pending").add("form", Json.PHP_EMPTY).add("url", "");
    }

    private static JsonObjectBuilder pending(Payment p, Links links) {
        switch (p.step) {
            case THREE_D_SECURE: {
                JsonObject fields = Json.object()
                        .add("PaReq", "emulated-pareq-" + p.id)
                        .add("MD", p.id)
                        .add("TermUrl", links.threeDsResult()).build();
                return Json.object().add("isSuccess", true).add("status", "pending")
                        .add("form", Json.object().add("method", "POST").add("url", links.acs()).add("fields", fields))
                        .add("url", links.acs());
            }
            case BANK:
                return redirect(links.bank(p));
            case COMPLETE_FORM:
                return redirect(links.hostedPage(p.invoice));
            default:
                return repeat();
        }
    }

    private static JsonObjectBuilder redirect(String url) {
        return Json.object().add("isSuccess", true).add("status", "pending")
                .add("form", Json.object().add("method", "GET").add("url", url).add("fields", JsonValue.EMPTY_JSON_ARRAY))
                .add("url", url);
    }
}
