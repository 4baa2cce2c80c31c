package io.github.payop4j.demo.shop.web;

import io.github.payop4j.demo.shop.Catalogue;
import io.github.payop4j.demo.shop.Customer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The pages' frame and the one escaping rule: every value that reaches a page goes through
 * {@link #esc}, in text and in attributes alike.
 */
final class Html {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());


    private Html() {
    }

    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    /** The time of day, the full date and time on hover. */
    static String clock(Instant at) {
        return at == null ? "" : "<span title=\"" + esc(time(at)) + "\">" + esc(time(at).substring(11)) + "</span>";
    }

    /** A long id (a UUID) shortened for a table, whole on hover. */
    static String shortId(String id) {
        if (id == null) {
            return "";
        }
        String shown = id.length() > 13 ? id.substring(0, 8) + "\u2026" : id;
        return "<span class=\"mono nowrap\" title=\"" + esc(id) + "\">" + esc(shown) + "</span>";
    }

    static String money(String amount, String currency) {
        return esc(amount) + "&nbsp;" + esc(currency);
    }

    /** The hidden field every form of the shop carries (checked on POST). */
    static String token(Customer customer) {
        return "<input type=\"hidden\" name=\"token\" value=\"" + esc(customer.formToken()) + "\">";
    }

    /**
     * A whole page.
     *
     * @param base the context path ("/shop")
     * @param section which navigation entry is current: shop, cart, orders or admin
     */
    static String page(String base, String title, String section, Customer customer, String body) {
        String notice = customer.takeNotice();
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + " - " + esc(Catalogue.SHOP_NAME) + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + esc(base) + "/assets/shop.css\">"
                + "<script defer src=\"" + esc(base) + "/assets/shop.js\"></script></head>"
                + "<body class=\"" + esc(section) + "\"><header class=\"top\"><div class=\"wrap\">"
                + "<a class=\"brand\" href=\"" + esc(base) + "/\"><span class=\"logo\">127</span>"
                + esc(Catalogue.SHOP_NAME) + "</a><nav>"
                + nav(base + "/", "Coffee", section.equals("shop"), "nav-shop")
                + nav(base + "/cart", "Cart" + (customer.itemCount() == 0 ? "" : " (" + customer.itemCount() + ")"),
                        section.equals("cart"), "nav-cart")
                + nav(base + "/orders", "My orders", section.equals("orders"), "nav-orders")
                + nav(base + "/admin", "Back office", section.equals("admin"), "nav-admin")
                + "</nav></div></header><main class=\"wrap\">"
                + (notice == null ? "" : "<div class=\"notice\" id=\"notice\">" + esc(notice) + "</div>")
                + body + "</main><footer class=\"wrap\">" + esc(footer()) + "</footer></body></html>";
    }

    /** What the footer says about payments; the launcher says when Payop is its emulator. */
    private static String footer() {
        return ConfigProvider.getConfig().getOptionalValue("shop.footer", String.class)
                .orElse("A payop4j demo shop. Payments by Payop.");
    }

    private static String nav(String href, String label, boolean current, String id) {
        return "<a id=\"" + id + "\" href=\"" + esc(href) + "\"" + (current ? " class=\"current\"" : "") + ">"
                + esc(label) + "</a>";
    }
}
