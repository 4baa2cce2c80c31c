package io.github.payop4j.demo.shop.web;

import static io.github.payop4j.demo.shop.web.Html.esc;
import static io.github.payop4j.demo.shop.web.Html.money;

import io.github.payop4j.demo.shop.Customer;
import io.github.payop4j.demo.shop.IpnLog;
import io.github.payop4j.demo.shop.Order;
import io.github.payop4j.demo.shop.OrderLine;
import io.github.payop4j.demo.shop.Orders;
import io.github.payop4j.demo.shop.Refund;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * An order's page, its JSON (polled by the page, so the state follows Payop's IPNs without a
 * reload), and where Payop sends the payer back. The payment buttons are payop-jaxrs-adapter's
 * endpoints under {@code /payop-checkout}; this class only renders them.
 */
@RequestScoped
@Path("")
public class OrderPages {

    @Inject
    Customer customer;

    @Inject
    Orders orders;

    @Inject
    IpnLog ipnLog;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @GET
    @Path("orders/{id}")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public String order(@PathParam("id") String id) {
        Order o = own(id);
        customer.viewing(o.id());
        String base = request.getContextPath();
        // payop-jaxrs-adapter's endpoints (README: the endpoint table).
        String checkout = base + "/payop-checkout/payop/orders/" + o.id();
        StringBuilder b = new StringBuilder("<div id=\"order\" data-api=\"").append(esc(base)).append("/api/orders/")
                .append(esc(o.id())).append("\" data-methods=\"").append(esc(checkout)).append("/payment-methods\"")
                .append(" data-direct=\"").append(esc(checkout)).append("/direct\" data-card=\"").append(esc(checkout))
                .append("/card\"><div class=\"order-head\"><h1>Order ").append(esc(o.id())).append("</h1>")
                .append("<span id=\"status\" class=\"badge ").append(esc(o.labelClass())).append("\">")
                .append(esc(o.label())).append("</span></div><p id=\"status-note\" class=\"note\">")
                .append(esc(note(o))).append("</p><div class=\"columns\"><section class=\"panel\"><h2>Items</h2>")
                .append("<table class=\"lines\"><tbody>");
        for (OrderLine l : o.lines()) {
            b.append("<tr><td>").append(l.quantity()).append(" &times; ").append(esc(l.name())).append("</td>")
                    .append("<td class=\"num\">").append(money(l.lineTotal(), o.currency())).append("</td></tr>");
        }
        b.append("</tbody><tfoot><tr><th>Total</th><th class=\"num\" id=\"total\">")
                .append(money(o.total(), o.currency())).append("</th></tr></tfoot></table>")
                .append("<p class=\"muted\">").append(esc(o.customerName())).append(" &lt;")
                .append(esc(o.customerEmail())).append("&gt;</p></section>");
        b.append(PayPanel.render(o, checkout));
        b.append("<section class=\"panel\" id=\"paid\"").append(o.payable() ? " hidden" : "")
                .append("><h2>Payment</h2><p>Confirmed by Payop: transaction <span class=\"mono\" id=\"paid-by\">")
                .append(esc(o.paidBy())).append("</span></p><ul id=\"refunds\" class=\"refunds\">");
        for (Refund r : o.refunds()) {
            b.append("<li>").append(esc(refundText(r, o.currency()))).append("</li>");
        }
        b.append("</ul></section>");
        b.append("</div><section class=\"panel\"><h2>What Payop told the shop</h2><ol id=\"history\" class=\"timeline\">");
        for (IpnLog.Entry e : ipnLog.forOrder(o)) {
            b.append("<li>").append(esc(Html.time(e.receivedAt()) + "  " + historyText(e))).append("</li>");
        }
        b.append("</ol></section></div>");
        return Html.page(base, "Order " + o.id(), "orders", customer, b.toString());
    }

    /** The order's state as JSON, for the page's script. */
    @GET
    @Path("api/orders/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response json(@PathParam("id") String id) {
        Order o = own(id);
        JsonArrayBuilder refunds = Json.createArrayBuilder();
        o.refunds().forEach(r -> refunds.add(refundText(r, o.currency())));
        JsonArrayBuilder history = Json.createArrayBuilder();
        ipnLog.forOrder(o).forEach(e -> history.add(Html.time(e.receivedAt()) + "  " + historyText(e)));
        String body = Json.createObjectBuilder().add("id", o.id()).add("status", o.status().name())
                .add("label", o.label()).add("labelClass", o.labelClass()).add("note", note(o))
                .add("payable", o.payable()).add("paidBy", o.paidBy() == null ? "" : o.paidBy())
                .add("total", o.total()).add("refunded", o.refunded())
                .add("currency", o.currency()).add("refunds", refunds).add("history", history).build().toString();
        return Response.ok(body).header("Cache-Control", "no-store").build();
    }

    /**
     * Payop's result and fail URL ({@code payop.result-url}, {@code payop.fail-url}): back to the
     * order the customer was paying. Only the IPN says whether it is paid; the page waits for it.
     */
    @GET
    @Path("return")
    public Response back(@QueryParam("result") String result) {
        String current = customer.currentOrder();
        if ("failed".equals(result)) {
            customer.notice("The payment was not completed. You can try again, with another method if you like.");
        }
        return Response.seeOther(uri.getBaseUri().resolve(current == null ? "orders" : "orders/" + current)).build();
    }

    private Order own(String id) {
        if (!customer.owns(id)) {
            throw new NotFoundException();
        }
        return orders.find(id).orElseThrow(NotFoundException::new);
    }

    private static String note(Order o) {
        return switch (o.status()) {
            case NEW -> "Choose how to pay. This page updates itself when Payop confirms the payment.";
            case PENDING -> "Payop is processing the payment. This page updates itself.";
            case FAILED -> "The last attempt failed (" + o.failure() + "). You can try again.";
            case PAID -> o.refunded().equals("0.00") ? "Thank you! Payop confirmed the payment; your coffee is being"
                    + " roasted." : o.refunded() + " " + o.currency() + " refunded to you.";
        };
    }

    static String refundText(Refund r, String currency) {
        String state = switch (r.status()) {
            case "ACCEPTED" -> "refunded";
            case "REJECTED" -> "refund rejected";
            default -> "refund requested";
        };
        return r.amount() + " " + currency + " " + state;
    }

    static String historyText(IpnLog.Entry e) {
        if (e.anomaly()) {
            return "Anomaly reported for review: " + e.outcome().substring("ANOMALY ".length());
        }
        return switch (e.event()) {
            case "PaymentAccepted" -> "Payment accepted (transaction " + e.objectId() + ")";
            case "PaymentFailed" -> "Payment failed: " + e.detail();
            case "PaymentPending" -> "Payment pending";
            case "RefundUpdated" -> "Refund " + e.state().toLowerCase(java.util.Locale.ROOT)
                    + (e.detail() == null ? "" : ": " + e.detail());
            default -> e.event() + " " + e.state();
        };
    }
}
