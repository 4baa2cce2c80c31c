package io.github.payop4j.demo.shop.web;

import static io.github.payop4j.demo.shop.web.Html.esc;
import static io.github.payop4j.demo.shop.web.Html.money;

import io.github.payop4j.balance.CurrencyBalance;
import io.github.payop4j.demo.shop.BackOffice;
import io.github.payop4j.demo.shop.Catalogue;
import io.github.payop4j.demo.shop.Customer;
import io.github.payop4j.demo.shop.Order;
import io.github.payop4j.demo.shop.Orders;
import io.github.payop4j.demo.shop.Payouts;
import io.github.payop4j.error.PayopException;
import io.github.payop4j.ipn.IpnJournal;
import io.github.payop4j.ipn.IpnOutcome;
import io.github.payop4j.ipn.IpnProcessor;
import io.github.payop4j.ipn.ReconciliationReport;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The back office: orders with partial refunds, payouts, the wallet, and payop4j's IPN journal
 * with the reconciliation sweep ({@code @Inject IpnProcessor}). A real shop puts
 * this behind its server's login (a security constraint on {@code /admin/*}); the demo listens on
 * 127.0.0.1 only and checks the session's form token on every POST.
 */
@RequestScoped
@Path("admin")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class BackOfficePages {

    @Inject
    BackOffice backOffice;

    @Inject
    Orders orders;

    @Inject
    Payouts payouts;

    @Inject
    IpnProcessor ipn;

    @Inject
    Customer customer;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @GET
    public String dashboard() {
        StringBuilder b = new StringBuilder("<div class=\"order-head\"><h1>Back office</h1><a class=\"button\""
                + " id=\"open-ipn\" href=\"" + esc(base()) + "/admin/ipn\">IPN journal</a></div>");
        b.append("<section class=\"panel\"><h2>Payop wallet</h2><div class=\"balances\" id=\"balances\">");
        try {
            for (CurrencyBalance c : backOffice.balances()) {
                b.append("<div class=\"balance\"><div class=\"muted\">").append(esc(c.currency()))
                        .append(" available</div><div class=\"big\">").append(money(c.available(), c.currency()))
                        .append("</div><div class=\"muted\">pending ").append(money(c.pending(), c.currency()))
                        .append("</div></div>");
            }
        } catch (PayopException e) {
            b.append("<div class=\"error\">").append(esc(e.getMessage())).append("</div>");
        }
        b.append("</div></section><section class=\"panel\"><h2>Orders</h2>");
        List<Order> recent = orders.recent(50);
        if (recent.isEmpty()) {
            b.append("<p class=\"empty\">No orders yet.</p>");
        } else {
            b.append("<table class=\"list\" id=\"orders\"><thead><tr><th>Order</th><th>Customer</th><th>Status</th>"
                    + "<th class=\"num\">Total</th><th class=\"num\">Refunded</th><th>Refund</th></tr></thead><tbody>");
            for (Order o : recent) {
                b.append(orderRow(o));
            }
            b.append("</tbody></table>");
        }
        b.append("</section><section class=\"panel\"><h2>Pay a supplier</h2><form method=\"post\" class=\"row\""
                + " action=\"").append(esc(base())).append("/admin/payouts\">").append(Html.token(customer))
                .append("<input name=\"amount\" id=\"payout-amount\" value=\"25.00\" aria-label=\"Amount\" size=\"8\">")
                .append("<input name=\"currency\" value=\"").append(esc(Catalogue.CURRENCY))
                .append("\" aria-label=\"Currency\" size=\"4\"><input name=\"email\" id=\"payout-email\" type=\"email\"")
                .append(" value=\"green-beans@example.com\" aria-label=\"Supplier's PayDo email\">")
                .append("<button id=\"payout\">Pay out from the wallet</button></form>");
        List<Payouts.Payout> sent = payouts.recent(20);
        if (!sent.isEmpty()) {
            b.append("<table class=\"list\" id=\"payouts\"><thead><tr><th>Payout</th><th>Sent</th><th>To</th>"
                    + "<th class=\"num\">Amount</th><th>Status</th></tr></thead><tbody>");
            for (Payouts.Payout p : sent) {
                b.append("<tr><td>").append(Html.shortId(p.id())).append("</td><td>")
                        .append(Html.time(p.createdAt())).append("</td><td>").append(esc(p.recipient()))
                        .append("</td><td class=\"num\">").append(money(p.amount(), p.currency())).append("</td><td>")
                        .append("<span class=\"badge ").append(esc(p.status().toLowerCase(java.util.Locale.ROOT)))
                        .append("\">").append(esc(p.status())).append("</span></td></tr>");
            }
            b.append("</tbody></table>");
        }
        b.append("</section>");
        return Html.page(base(), "Back office", "admin", customer, b.toString());
    }

    private String orderRow(Order o) {
        StringBuilder b = new StringBuilder("<tr id=\"row-").append(esc(o.id())).append("\"><td class=\"mono\">")
                .append(esc(o.id())).append("<div class=\"muted\">").append(Html.time(o.createdAt()))
                .append("</div></td><td>").append(esc(o.customerName())).append("<div class=\"muted\">")
                .append(esc(o.customerEmail())).append("</div></td><td><span class=\"badge ")
                .append(esc(o.labelClass())).append("\">").append(esc(o.label())).append("</span>");
        if (o.review() != null) {
            b.append("<div class=\"flag\">review: ").append(esc(o.review())).append("</div>");
        }
        b.append("</td><td class=\"num\">").append(money(o.total(), o.currency())).append("</td><td class=\"num\">")
                .append(money(o.refunded(), o.currency())).append("</td><td>");
        if (!o.refundable().equals("0.00")) {
            b.append("<form method=\"post\" class=\"row\" action=\"").append(esc(base())).append("/admin/orders/")
                    .append(esc(o.id())).append("/refund\">").append(Html.token(customer))
                    .append("<input name=\"amount\" size=\"7\" aria-label=\"Amount to refund\" value=\"")
                    .append(esc(o.refundable())).append("\"><button class=\"refund\">Refund</button></form>");
        }
        return b.append("</td></tr>").toString();
    }

    @POST
    @Path("orders/{id}/refund")
    public Response refund(@PathParam("id") String id, @FormParam("token") String token,
            @FormParam("amount") String amount) {
        Forms.check(customer, token);
        return act(() -> "Refund " + backOffice.refund(id, amount) + " of " + amount.trim() + " "
                + Catalogue.CURRENCY + " for order " + id + " sent to Payop; its IPN will settle it.");
    }

    @POST
    @Path("payouts")
    public Response payout(@FormParam("token") String token, @FormParam("amount") String amount,
            @FormParam("currency") String currency, @FormParam("email") String email) {
        Forms.check(customer, token);
        return act(() -> "Payout " + String.join(", ", backOffice.payout(amount, currency, email))
                + " sent to Payop; its IPN will settle it.");
    }

    @GET
    @Path("ipn")
    public String ipnJournal() {
        List<IpnJournal.Entry> entries = journalEntries(200);
        long anomalies = entries.stream().filter(e -> e.outcome() == IpnOutcome.ANOMALY).count();
        long duplicates = ipn.counts().getOrDefault(IpnOutcome.DUPLICATE, 0L);
        StringBuilder b = new StringBuilder("<div class=\"order-head\"><h1>IPN journal</h1><span class=\"badge\">")
                .append(entries.size()).append(entries.size() == 1 ? " delivery, " : " deliveries, ").append(anomalies)
                .append(anomalies == 1 ? " anomaly" : " anomalies").append("</span><form method=\"post\" action=\"")
                .append(esc(base())).append("/admin/reconcile\">").append(Html.token(customer))
                .append("<button id=\"reconcile\">Reconcile now</button></form></div>")
                .append("<p class=\"note\">payop4j's own journal (<code>IpnProcessor.journal()</code>): every IPN"
                        + " delivery, after payop4j checked its source and confirmed it with Payop's API, and every"
                        + " state the reconciliation sweep applied because its IPN never came. Each state reached"
                        + " the shop's observers once; ").append(duplicates)
                .append(duplicates == 1 ? " repeat was" : " repeats were")
                .append(" answered <code>duplicate</code> since the shop started (counted, not journaled).</p>")
                .append("<section class=\"panel\"><table class=\"list\" id=\"ipn\"><thead><tr><th>Received</th>")
                .append("<th>Entry</th><th>From</th><th>Kind</th><th>Object</th><th>Order</th><th>State</th>")
                .append("<th>Outcome</th><th>Detail</th></tr></thead><tbody>");
        for (IpnJournal.Entry e : entries) {
            b.append("<tr").append(e.outcome() == IpnOutcome.ANOMALY ? " class=\"anomaly\"" : "").append("><td>")
                    .append(Html.clock(e.receivedAt())).append("</td><td class=\"mono\">").append(e.id())
                    .append("</td><td class=\"mono\">").append(esc(e.sourceAddress() == null ? "" : e.sourceAddress()))
                    .append("</td><td>").append(esc(e.kind() == null ? "" : e.kind().name())).append("</td><td>")
                    .append(Html.shortId(e.objectId())).append("</td><td class=\"mono nowrap\">")
                    .append(esc(e.orderId() == null ? "" : e.orderId())).append("</td><td>")
                    .append(esc(e.state() == null ? "" : e.state().name())).append("</td><td class=\"outcome\">")
                    .append(esc(e.outcome().name())).append("</td><td>")
                    .append(esc(e.detail() == null ? "" : e.detail())).append("</td></tr>");
        }
        if (entries.isEmpty()) {
            b.append("<tr><td colspan=\"9\" class=\"empty\">No IPN yet: pay an order.</td></tr>");
        }
        b.append("</tbody></table></section>");
        return Html.page(base(), "IPN journal", "admin", customer, b.toString());
    }

    /** The newest journaled deliveries of every outcome, newest first. */
    private List<IpnJournal.Entry> journalEntries(int limit) {
        List<IpnJournal.Entry> all = new ArrayList<>();
        for (IpnOutcome outcome : IpnOutcome.values()) {
            all.addAll(ipn.journal().entries(outcome, limit));
        }
        all.sort(Comparator.comparing(IpnJournal.Entry::receivedAt).thenComparingLong(IpnJournal.Entry::id)
                .reversed());
        return all.size() <= limit ? all : all.subList(0, limit);
    }

    /**
     * The sweep the adapter runs every {@code payop.reconcile.interval}, now: invoices without a
     * final state after {@code payop.reconcile.delay} are asked about, and what Payop says is
     * applied through the IPN's own claim.
     */
    @POST
    @Path("reconcile")
    public Response reconcile(@FormParam("token") String token) {
        Forms.check(customer, token);
        return act("admin/ipn", () -> {
            ReconciliationReport r = ipn.reconcile();
            return "Reconciliation: " + r.checked() + " open invoice(s) checked with Payop, " + r.applied()
                    + " state(s) applied whose IPN never came, " + r.alreadyApplied() + " already applied by their IPN, "
                    + r.open() + " still open, " + r.closed() + " expired unpaid" + (r.failed() == 0 ? "."
                    : ", " + r.failed() + " failed (asked again next round).");
        });
    }

    /** Runs a staff action and reports its result (or Payop's error text, scrubbed by payop4j) on the dashboard. */
    private Response act(Supplier<String> action) {
        return act("admin", action);
    }

    private Response act(String page, Supplier<String> action) {
        try {
            customer.notice(action.get());
        } catch (PayopException | IllegalArgumentException e) {
            customer.notice("Not done: " + e.getMessage());
        }
        return Response.seeOther(uri.getBaseUri().resolve(page)).build();
    }

    private String base() {
        return request.getContextPath();
    }
}
