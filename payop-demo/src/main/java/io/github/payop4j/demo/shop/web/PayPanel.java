package io.github.payop4j.demo.shop.web;

import static io.github.payop4j.demo.shop.web.Html.esc;

import io.github.payop4j.demo.shop.Order;

/**
 * The four ways to pay an order, each one of payop-jaxrs-adapter's endpoints: Payop's hosted page
 * (a plain form POST), the hosted page with a method chosen in the shop, a direct method with the
 * payer fields it needs, and a card paid server to server. The last two are posted as JSON by
 * {@code shop.js}, which then sends the browser to the answer's {@code continue} URL.
 */
final class PayPanel {

    private PayPanel() {
    }

    static String render(Order o, String checkout) {
        String amount = o.total() + " " + o.currency();
        return "<section class=\"panel\" id=\"pay\"" + (o.payable() ? "" : " hidden") + "><h2>Pay "
                + esc(amount) + "</h2>"
                + "<div class=\"option\"><h3>Payop checkout</h3><p class=\"muted\">Card, bank transfer or a local"
                + " method, on Payop's secure page.</p><form method=\"post\" action=\"" + esc(checkout)
                + "/hosted-page\"><button class=\"primary wide\" id=\"pay-hosted\">Pay " + esc(amount)
                + " with Payop</button></form></div>"
                + "<details class=\"option\" id=\"option-method\"><summary>Choose the method here, pay on Payop's"
                + " page</summary><form method=\"post\" action=\"" + esc(checkout) + "/hosted-page\" class=\"row\">"
                + "<select name=\"method\" id=\"hosted-method\" aria-label=\"Payment method\" required></select>"
                + "<button id=\"pay-hosted-method\">Continue to Payop</button></form></details>"
                + "<details class=\"option\" id=\"option-direct\"><summary>Bank or local method, details entered"
                + " here</summary><form id=\"direct-form\" class=\"stack\"><select id=\"direct-method\""
                + " aria-label=\"Payment method\" required></select><div id=\"direct-fields\" class=\"stack\"></div>"
                + "<button id=\"pay-direct\">Continue</button><div class=\"error\" id=\"direct-error\" role=\"alert\">"
                + "</div></form></details>"
                + "<details class=\"option\" id=\"option-card\"><summary>Card, entered here</summary>"
                + "<form id=\"card-form\" class=\"stack\" autocomplete=\"off\">"
                + "<label>Card number<input id=\"card-pan\" inputmode=\"numeric\" required"
                + " placeholder=\"4111 1111 1111 1111\"></label><div class=\"row\">"
                + "<label>Expiry<input id=\"card-expiry\" required placeholder=\"MM/YY\" maxlength=\"5\"></label>"
                + "<label>CVV<input id=\"card-cvv\" inputmode=\"numeric\" required maxlength=\"4\"></label></div>"
                + "<label>Name on card<input id=\"card-holder\" required maxlength=\"100\"></label>"
                + "<button id=\"pay-card\">Pay " + esc(amount) + "</button>"
                + "<div class=\"error\" id=\"card-error\" role=\"alert\"></div></form>"
                + "<p class=\"hint\">Test cards: 4111 1111 1111 1111 pays, 4000 0000 0000 3220 asks for 3-D Secure,"
                + " 4000 0000 0000 0002 is declined.</p></details></section>";
    }
}
