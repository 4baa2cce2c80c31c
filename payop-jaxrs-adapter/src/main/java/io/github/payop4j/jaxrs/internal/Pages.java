package io.github.payop4j.jaxrs.internal;

import java.net.URI;
import java.util.Map;

/**
 * The few HTML pages the browser endpoint answers with, in the built-in look or the shop's
 * template and stylesheet. Every value from Payop is escaped; the only script is the form's
 * auto-submit, allowed by a per-response nonce; the Content-Security-Policy is written here and
 * nothing the shop configures can loosen it beyond its own stylesheet's origin.
 */
final class Pages {

    /** The built-in look, in the head of every page: the shop's stylesheet comes after it and wins. */
    static final String STYLE = "<style>"
            + ".payop-body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;"
            + "background:#f4f5f7;color:#1f2933;font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif}"
            + ".payop-page{box-sizing:border-box;max-width:26rem;margin:1.5rem auto;padding:2rem 2.25rem;"
            + "background:#fff;border-radius:12px;box-shadow:0 2px 12px rgba(15,23,42,.08);text-align:center}"
            + ".payop-page h1{font-size:1.25rem;margin:0 0 .5rem}"
            + ".payop-page p{margin:.5rem 0;color:#52606d}"
            + ".payop-spinner{width:2.5rem;height:2.5rem;margin:0 auto 1.25rem;border:3px solid #d9e2ec;"
            + "border-top-color:#2563eb;border-radius:50%;animation:payop-spin 1s linear infinite}"
            + "@keyframes payop-spin{to{transform:rotate(360deg)}}"
            + "@media (prefers-reduced-motion:reduce){.payop-spinner{animation:none}}"
            + ".payop-page button,.payop-page a.payop-button{display:inline-block;margin-top:1rem;padding:.6rem 1.4rem;"
            + "border:0;border-radius:8px;background:#2563eb;color:#fff;font:inherit;text-decoration:none;cursor:pointer}"
            + ".payop-page .payop-ok{color:#15803d}.payop-page .payop-failed{color:#b91c1c}"
            + "</style>\n";

    private final PageTemplate template;
    private final String stylesheet;
    private final String stylesheetOrigin;

    /**
     * @param stylesheet {@code payop.pages.stylesheet} (already validated: a path or an https
     *     URL of safe characters), or {@code null}
     */
    Pages(PageTemplate template, String stylesheet) {
        this.template = template;
        this.stylesheet = stylesheet;
        this.stylesheetOrigin = stylesheet == null || stylesheet.startsWith("/") ? null : origin(stylesheet);
    }

    /** The 3-D Secure hand-off: the browser POSTs Payop's fields to the bank's page at once. */
    String submitForm(String url, Map<String, String> fields, String nonce) {
        StringBuilder inputs = new StringBuilder();
        fields.forEach((k, v) -> inputs.append("<input type=\"hidden\" name=\"").append(escape(k))
                .append("\" value=\"").append(escape(v)).append("\">\n"));
        return page("Redirecting to your bank", ""
                + "<form id=\"payop-continue\" method=\"post\" action=\"" + escape(url)
                + "\" enctype=\"application/x-www-form-urlencoded\">\n" + inputs
                + "<div class=\"payop-spinner\" aria-hidden=\"true\"></div>\n"
                + "<h1>Taking you to your bank</h1>\n"
                + "<p>Your bank asks you to confirm the payment&hellip;</p>\n"
                + "<noscript><button type=\"submit\">Continue to your bank</button></noscript>\n"
                + "</form>\n"
                + "<script nonce=\"" + escape(nonce) + "\">document.getElementById('payop-continue').submit();</script>",
                "");
    }

    /** Nothing to do yet: the page reloads itself after {@code seconds}. */
    String processing(int seconds) {
        return page("Processing your payment",
                "<div class=\"payop-spinner\" aria-hidden=\"true\"></div>\n"
                        + "<h1>Processing your payment</h1>\n"
                        + "<p>This page refreshes itself in " + seconds + " seconds.</p>\n"
                        + "<p><a class=\"payop-button\" href=\"\">Refresh now</a></p>",
                "<meta http-equiv=\"refresh\" content=\"" + seconds + "\">\n");
    }

    /** A final state without a page to go to. */
    String finished(boolean succeeded) {
        return succeeded
                ? page("Payment received", "<h1 class=\"payop-ok\">Payment received</h1>\n"
                        + "<p>Thank you: your payment has been received. You can close this page.</p>", "")
                : page("Payment failed", "<h1 class=\"payop-failed\">Payment failed</h1>\n"
                        + "<p>The payment did not go through. Please return to the shop and try again.</p>", "");
    }

    /**
     * The policy of every page: nothing loads but the page's own styles (and the shop's
     * stylesheet, its fonts and images from the shop's origin); a script only with this
     * response's nonce; no base URL.
     */
    String contentSecurityPolicy(String nonce) {
        String extra = stylesheetOrigin == null ? "" : " " + stylesheetOrigin;
        return "default-src 'none'; style-src 'self' 'unsafe-inline'" + extra + "; font-src 'self'" + extra
                + "; img-src 'self' data:; base-uri 'none'"
                + (nonce == null ? "" : "; script-src 'nonce-" + nonce + "'");
    }

    private String page(String title, String body, String head) {
        String links = stylesheet == null ? "" : "<link rel=\"stylesheet\" href=\"" + escape(stylesheet) + "\">\n";
        return template.render(escape(title), STYLE + links + head,
                "<main class=\"payop-page\">\n" + body + "\n</main>");
    }

    private static String origin(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
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
