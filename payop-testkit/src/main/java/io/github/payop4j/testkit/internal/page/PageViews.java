package io.github.payop4j.testkit.internal.page;

import static io.github.payop4j.testkit.internal.page.Html.esc;

import io.github.payop4j.testkit.EmulatedPaymentMethod;
import io.github.payop4j.testkit.TestCards;
import io.github.payop4j.testkit.internal.api.Links;
import io.github.payop4j.testkit.internal.http.Json;
import io.github.payop4j.testkit.internal.state.InvoiceState;
import io.github.payop4j.testkit.internal.state.Payment;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;

/** The server-rendered pages: the hosted checkout, the issuer's 3-D Secure page, the bank page. */
final class PageViews {

    private PageViews() {
    }

    private static String invoiceSummary(InvoiceState invoice) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>Order ").append(esc(invoice.orderId)).append("</h1>");
        if (invoice.description != null) {
            b.append("<div>").append(esc(invoice.description)).append("</div>");
        }
        b.append("<div class=\"amount\" id=\"amount\">").append(esc(invoice.amount)).append(' ')
                .append(esc(invoice.currency)).append("</div>");
        if (!invoice.items.isEmpty()) {
            b.append("<table id=\"items\">");
            for (JsonValue item : invoice.items) {
                JsonObject o = item instanceof JsonObject x ? x : JsonValue.EMPTY_JSON_OBJECT;
                b.append("<tr><td>").append(esc(Json.text(o, "name"))).append("</td><td class=\"price\">")
                        .append(esc(Json.text(o, "price"))).append("</td></tr>");
            }
            b.append("</table>");
        }
        return b.toString();
    }

    /** Step one without a preselected method: the methods that take the invoice's currency. */
    static String chooseMethod(InvoiceState invoice, List<EmulatedPaymentMethod> methods, String pageUrl) {
        StringBuilder b = new StringBuilder(invoiceSummary(invoice));
        b.append("<h2>Choose how to pay</h2><div class=\"methods\">");
        for (EmulatedPaymentMethod m : methods) {
            b.append("<a id=\"method-").append(m.identifier()).append("\" href=\"").append(esc(pageUrl))
                    .append("?method=").append(m.identifier()).append("\">").append(esc(m.title())).append("</a>");
        }
        if (methods.isEmpty()) {
            b.append("<div class=\"error\">No payment method of this project accepts ")
                    .append(esc(invoice.currency)).append(".</div>");
        }
        b.append("</div>");
        return Html.page("Pay order " + invoice.orderId, b.toString());
    }

    /** Step two: the payer fields the method needs, card fields for card methods, and the outcomes. */
    static String payForm(InvoiceState invoice, EmulatedPaymentMethod method, Map<String, String> values,
            Map<String, String> errors, String pageUrl) {
        StringBuilder b = new StringBuilder(invoiceSummary(invoice));
        b.append("<h2>").append(esc(method.title())).append("</h2>");
        b.append("<form method=\"post\" action=\"").append(esc(pageUrl)).append("\" id=\"payment-form\">");
        b.append(Html.hidden("method", Integer.toString(method.identifier())));
        for (String field : method.requiredFields()) {
            b.append(Html.field(field, label(field), values.get(field), errors.get(field)));
        }
        if (method.isCard()) {
            b.append("<h2>Card</h2>");
            b.append(Html.field("pan", "Card number", values.getOrDefault("pan", TestCards.SUCCESS), errors.get("pan")));
            b.append(Html.field("expirationDate", "Expiry (MM/YY)",
                    values.getOrDefault("expirationDate", TestCards.card(TestCards.SUCCESS).expirationDate()),
                    errors.get("expirationDate")));
            b.append(Html.field("cvv", "CVV", values.getOrDefault("cvv", "123"), errors.get("cvv")));
            b.append(Html.field("holderName", "Card holder", values.getOrDefault("holderName", "TEST PAYER"),
                    errors.get("holderName")));
        }
        b.append("<div class=\"buttons\">")
                .append(Html.button("pay", "pay", "Pay " + invoice.amount + " " + invoice.currency))
                .append(Html.button("challenge", "challenge", method.isCard() ? "Pay with 3-D Secure challenge"
                        : "Continue to the bank"))
                .append(Html.button("fail", "fail", "Decline the payment"))
                .append(Html.button("abandon", "abandon", "Abandon and return to the shop"))
                .append("</div></form>");
        b.append("<div class=\"note\">Test cards: ").append(TestCards.SUCCESS).append(" pays, ")
                .append(TestCards.THREE_D_SECURE).append(" asks for 3-D Secure, ").append(TestCards.DECLINED)
                .append(" is declined, ").append(TestCards.INSUFFICIENT_FUNDS).append(" has insufficient funds, ")
                .append(TestCards.PAID_IPN_LOST).append(" pays but its IPN never arrives.</div>");
        return Html.page("Pay order " + invoice.orderId, b.toString());
    }

    private static String label(String field) {
        return switch (field) {
            case "email" -> "Email";
            case "name" -> "Full name";
            case "phone" -> "Phone";
            case "date_of_birth" -> "Date of birth (DD.MM.YYYY)";
            case "nationalid" -> "National id";
            default -> field;
        };
    }

    /** The browser posts the 3-D Secure form to the issuer, as after Payop's check-invoice-status. */
    static String redirectToAcs(Payment p, Links links) {
        String body = "<h1>Redirecting to your bank&hellip;</h1>"
                + "<form id=\"acs-form\" method=\"post\" action=\"" + esc(links.acs()) + "\">"
                + Html.hidden("PaReq", "emulated-pareq-" + p.id) + Html.hidden("MD", p.id)
                + Html.hidden("TermUrl", links.threeDsResult())
                + "<div class=\"buttons\"><button type=\"submit\" class=\"challenge\" id=\"continue\">Continue</button>"
                + "</div></form><script>document.getElementById('acs-form').submit();</script>";
        return Html.page("3-D Secure", body);
    }

    /** The issuer's challenge page: pass or fail, back to Payop's TermUrl. */
    static String acs(Payment p, String termUrl) {
        String body = "<span class=\"badge\">Issuer 3-D Secure (emulated)</span>"
                + "<h1>Confirm the payment</h1><div class=\"amount\">" + esc(p.invoice.amount) + " "
                + esc(p.invoice.currency) + "</div>"
                + (p.card == null ? "" : "<div>Card ending " + esc(p.card.lastDigits()) + "</div>")
                + "<form method=\"post\" action=\"" + esc(termUrl) + "\" id=\"challenge-form\">"
                + Html.hidden("MD", p.id) + "<div class=\"buttons\">"
                + Html.button("pass", "pay", "Pass the challenge") + Html.button("fail", "fail", "Fail the challenge")
                + "</div></form>";
        return Html.page("3-D Secure", body);
    }

    /** The bank's page of a bank-transfer method: confirm or decline. */
    static String bank(Payment p, String actionUrl) {
        String body = "<span class=\"badge\">" + esc(p.method.title()) + " (emulated bank)</span>"
                + "<h1>Confirm the transfer</h1><div class=\"amount\">" + esc(p.invoice.amount) + " "
                + esc(p.invoice.currency) + "</div>"
                + "<form method=\"post\" action=\"" + esc(actionUrl) + "\" id=\"bank-form\"><div class=\"buttons\">"
                + Html.button("pay", "pay", "Confirm the transfer") + Html.button("fail", "fail", "Decline")
                + "</div></form>";
        return Html.page("Bank confirmation", body);
    }

    static String result(boolean success, String invoiceId) {
        String body = "<h1 id=\"result\">" + (success ? "Payment successful" : "Payment failed") + "</h1>"
                + "<div>Invoice " + esc(invoiceId) + "</div>";
        return Html.page(success ? "Payment successful" : "Payment failed", body);
    }

    static String notFound(String what) {
        return Html.page("Not found", "<h1>Not found</h1><div>" + esc(what) + "</div>");
    }
}
