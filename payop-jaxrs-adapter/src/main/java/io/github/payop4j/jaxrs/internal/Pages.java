package io.github.payop4j.jaxrs.internal;

import java.util.Map;

/**
 * The few HTML pages the browser endpoint answers with. Every value from Payop is escaped; the
 * only script is the form's auto-submit, allowed by a per-response nonce.
 */
final class Pages {

    private Pages() {
    }

    /** The 3-D Secure hand-off: the browser POSTs Payop's fields to the bank's page at once. */
    static String submitForm(String url, Map<String, String> fields, String nonce) {
        StringBuilder inputs = new StringBuilder();
        fields.forEach((k, v) -> inputs.append("<input type=\"hidden\" name=\"").append(escape(k))
                .append("\" value=\"").append(escape(v)).append("\">\n"));
        return page("Redirecting to your bank", ""
                + "<form id=\"payop-continue\" method=\"post\" action=\"" + escape(url)
                + "\" enctype=\"application/x-www-form-urlencoded\">\n" + inputs
                + "<p>Taking you to your bank to confirm the payment&hellip;</p>\n"
                + "<noscript><button type=\"submit\">Continue to your bank</button></noscript>\n"
                + "</form>\n"
                + "<script nonce=\"" + escape(nonce) + "\">document.getElementById('payop-continue').submit();</script>",
                "");
    }

    /** Nothing to do yet: the page reloads itself after {@code seconds}. */
    static String processing(int seconds) {
        return page("Processing your payment",
                "<p>Your payment is being processed. This page refreshes itself in " + seconds + " seconds.</p>\n"
                        + "<p><a href=\"\">Refresh now</a></p>",
                "<meta http-equiv=\"refresh\" content=\"" + seconds + "\">\n");
    }

    /** A final state without a page to go to. */
    static String finished(boolean succeeded) {
        return succeeded
                ? page("Payment received", "<p>Thank you: your payment has been received. You can close this page.</p>", "")
                : page("Payment failed", "<p>The payment did not go through. Please return to the shop and try again.</p>", "");
    }

    private static String page(String title, String body, String head) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"robots\" content=\"noindex\">\n" + head
                + "<title>" + escape(title) + "</title>\n</head>\n<body>\n" + body + "\n</body>\n</html>\n";
    }

    /** Escapes text for HTML content and double- or single-quoted attribute values. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': b.append("&amp;"); break;
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '"': b.append("&quot;"); break;
                case '\'': b.append("&#39;"); break;
                case '`': b.append("&#96;"); break;
                default:
                    // Control characters have no business in a form; drop them rather than render them.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        b.append(c);
                    }
            }
        }
        return b.toString();
    }
}
