package io.github.payop4j.demo.shop.web;

import static io.github.payop4j.demo.shop.web.Html.esc;
import static io.github.payop4j.demo.shop.web.Html.money;

import io.github.payop4j.demo.shop.Catalogue;
import io.github.payop4j.demo.shop.Catalogue.Product;
import io.github.payop4j.demo.shop.Customer;
import io.github.payop4j.demo.shop.Order;
import io.github.payop4j.demo.shop.OrderLine;
import io.github.payop4j.demo.shop.Orders;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The storefront: catalogue, cart, checkout and the customer's orders. */
@RequestScoped
@Path("")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class StorePages {

    @Inject
    Catalogue catalogue;

    @Inject
    Customer customer;

    @Inject
    Orders orders;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @GET
    public String catalogue() {
        StringBuilder b = new StringBuilder("<section class=\"hero\"><h1>Fresh coffee, roasted on 127.0.0.1</h1>"
                + "<p>Small batches, shipped the day they are roasted. Pay with Payop: card, bank or local methods.</p>"
                + "</section><section class=\"products\">");
        for (Product p : catalogue.products()) {
            b.append("<article class=\"product\" id=\"product-").append(esc(p.sku())).append("\">")
                    .append("<div class=\"art hue-").append(p.hue()).append("\"><span>")
                    .append(esc(p.name().substring(0, 1))).append("</span></div>")
                    .append("<h2>").append(esc(p.name())).append("</h2><p>").append(esc(p.description()))
                    .append("</p><div class=\"buy\"><span class=\"price\">").append(money(p.price(), Catalogue.CURRENCY))
                    .append("</span><form method=\"post\" action=\"").append(esc(base())).append("/cart/add\">")
                    .append(Html.token(customer)).append("<input type=\"hidden\" name=\"sku\" value=\"")
                    .append(esc(p.sku())).append("\"><button class=\"primary\" id=\"add-").append(esc(p.sku()))
                    .append("\">Add to cart</button></form></div></article>");
        }
        b.append("</section>");
        return Html.page(base(), "Coffee", "shop", customer, b.toString());
    }

    @POST
    @Path("cart/add")
    public Response add(@FormParam("token") String token, @FormParam("sku") String sku) {
        checkToken(token);
        Product p = catalogue.find(sku).orElse(null);
        if (p != null) {
            customer.add(p.sku(), 1);
            customer.notice(p.name() + " is in your cart.");
        }
        return seeOther("");
    }

    @POST
    @Path("cart/update")
    public Response update(@FormParam("token") String token, @FormParam("sku") String sku,
            @FormParam("quantity") String quantity) {
        checkToken(token);
        if (catalogue.find(sku).isPresent()) {
            customer.set(sku, quantity == null || !quantity.matches("\\d{1,2}") ? 0 : Integer.parseInt(quantity));
        }
        return seeOther("cart");
    }

    @GET
    @Path("cart")
    public String cart() {
        List<OrderLine> lines = lines();
        if (lines.isEmpty()) {
            return Html.page(base(), "Cart", "cart", customer, "<h1>Your cart</h1><p class=\"empty\">Your cart is"
                    + " empty. <a href=\"" + esc(base()) + "/\">Find a coffee</a>.</p>");
        }
        StringBuilder b = new StringBuilder("<h1>Your cart</h1><div class=\"columns\"><section class=\"panel\">"
                + "<table class=\"lines\"><thead><tr><th>Item</th><th>Qty</th><th class=\"num\">Price</th></tr>"
                + "</thead><tbody>");
        for (OrderLine l : lines) {
            b.append("<tr><td>").append(esc(l.name())).append("<div class=\"muted\">").append(money(l.unitPrice(),
                    Catalogue.CURRENCY)).append(" each</div></td><td><form method=\"post\" class=\"qty\" action=\"")
                    .append(esc(base())).append("/cart/update\">").append(Html.token(customer))
                    .append("<input type=\"hidden\" name=\"sku\" value=\"").append(esc(l.sku())).append("\">")
                    .append("<input type=\"number\" name=\"quantity\" min=\"0\" max=\"99\" value=\"")
                    .append(l.quantity()).append("\" aria-label=\"Quantity\"><button>Update</button></form></td>")
                    .append("<td class=\"num\">").append(money(l.lineTotal(), Catalogue.CURRENCY)).append("</td></tr>");
        }
        b.append("</tbody><tfoot><tr><th colspan=\"2\">Total</th><th class=\"num\" id=\"cart-total\">")
                .append(money(total(lines), Catalogue.CURRENCY)).append("</th></tr></tfoot></table></section>")
                .append("<section class=\"panel\"><h2>Your details</h2><form method=\"post\" action=\"")
                .append(esc(base())).append("/checkout\" class=\"stack\">").append(Html.token(customer))
                .append("<label>Email<input type=\"email\" name=\"email\" id=\"email\" required maxlength=\"200\" value=\"")
                .append(esc(customer.email())).append("\"></label>")
                .append("<label>Full name<input name=\"name\" id=\"name\" required maxlength=\"200\" value=\"")
                .append(esc(customer.name())).append("\"></label>")
                .append("<button class=\"primary\" id=\"place-order\">Place order</button></form></section></div>");
        return Html.page(base(), "Cart", "cart", customer, b.toString());
    }

    @POST
    @Path("checkout")
    public Response checkout(@FormParam("token") String token, @FormParam("email") String email,
            @FormParam("name") String name) {
        checkToken(token);
        List<OrderLine> lines = lines();
        String mail = email == null ? "" : email.trim();
        String who = name == null ? "" : name.trim();
        if (lines.isEmpty()) {
            return seeOther("cart");
        }
        if (!mail.matches("[^@\\s]{1,100}@[^@\\s]{1,99}") || who.isEmpty() || who.length() > 200) {
            customer.notice("Please give a valid email address and your name.");
            return seeOther("cart");
        }
        Order order = orders.place(mail, who, lines);
        customer.placed(order.id(), mail, who);
        return seeOther("orders/" + order.id());
    }

    @GET
    @Path("orders")
    public String myOrders() {
        StringBuilder b = new StringBuilder("<h1>My orders</h1>");
        List<String> ids = customer.orders();
        if (ids.isEmpty()) {
            b.append("<p class=\"empty\">No orders yet.</p>");
        } else {
            b.append("<section class=\"panel\"><table class=\"list\"><thead><tr><th>Order</th><th>Placed</th>"
                    + "<th>Status</th><th class=\"num\">Total</th></tr></thead><tbody>");
            for (String id : ids) {
                orders.find(id).ifPresent(o -> b.append("<tr><td><a href=\"").append(esc(base())).append("/orders/")
                        .append(esc(o.id())).append("\">").append(esc(o.id())).append("</a></td><td>")
                        .append(Html.time(o.createdAt())).append("</td><td><span class=\"badge ")
                        .append(esc(o.labelClass())).append("\">").append(esc(o.label())).append("</span></td>")
                        .append("<td class=\"num\">").append(money(o.total(), o.currency())).append("</td></tr>"));
            }
            b.append("</tbody></table></section>");
        }
        return Html.page(base(), "My orders", "orders", customer, b.toString());
    }

    private List<OrderLine> lines() {
        List<OrderLine> lines = new ArrayList<>();
        for (Map.Entry<String, Integer> e : customer.cart().entrySet()) {
            catalogue.find(e.getKey()).ifPresent(p -> lines.add(new OrderLine(p.sku(), p.name(), e.getValue(),
                    p.price(), p.times(e.getValue()))));
        }
        return lines;
    }

    private static String total(List<OrderLine> lines) {
        return lines.stream().map(l -> new BigDecimal(l.lineTotal())).reduce(BigDecimal.ZERO, BigDecimal::add)
                .toPlainString();
    }

    private String base() {
        return request.getContextPath();
    }

    private void checkToken(String token) {
        Forms.check(customer, token);
    }

    /**
     * A 303 to a page of the shop ({@code path} relative to its root), as an absolute URI: RESTEasy
     * would resolve "/shop/..." against the application's base URI into "/shop/shop/...".
     */
    private Response seeOther(String path) {
        return Response.seeOther(uri.getBaseUri().resolve(path)).build();
    }
}
