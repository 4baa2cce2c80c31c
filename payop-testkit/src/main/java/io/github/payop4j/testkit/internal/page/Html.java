package io.github.payop4j.testkit.internal.page;

/** HTML escaping and the page frame. Everything that came from a request is escaped. */
final class Html {

    private static final String STYLE = "body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;"
            + "background:#f2f4f8;color:#1d2433;margin:0}"
            + "header{background:#1f3c88;color:#fff;padding:14px 24px;font-weight:600;letter-spacing:.3px}"
            + "header small{font-weight:400;opacity:.8;margin-left:8px}"
            + "main{max-width:560px;margin:28px auto;background:#fff;border-radius:10px;"
            + "box-shadow:0 2px 12px rgba(0,0,0,.08);padding:24px 28px}"
            + "h1{font-size:20px;margin:0 0 4px}h2{font-size:15px;margin:22px 0 8px;color:#4a5670}"
            + ".amount{font-size:28px;font-weight:700;margin:8px 0 16px}"
            + "table{width:100%;border-collapse:collapse;font-size:14px}td{padding:6px 0;border-bottom:1px solid #eef}"
            + "td.price{text-align:right}label{display:block;font-size:13px;margin:10px 0 4px;color:#4a5670}"
            + "input[type=text],input[type=email]{width:100%;box-sizing:border-box;padding:9px 10px;"
            + "border:1px solid #c9d1e0;border-radius:6px;font-size:15px}"
            + ".methods a{display:block;padding:12px;border:1px solid #c9d1e0;border-radius:8px;margin:8px 0;"
            + "text-decoration:none;color:#1f3c88;font-weight:600}"
            + ".buttons{margin-top:20px;display:flex;flex-wrap:wrap;gap:8px}"
            + "button{padding:10px 16px;border-radius:6px;border:0;font-size:14px;cursor:pointer}"
            + "button.pay{background:#1f8a4c;color:#fff}button.challenge{background:#1f3c88;color:#fff}"
            + "button.fail{background:#c0392b;color:#fff}button.abandon{background:#e4e8f0;color:#1d2433}"
            + ".error{color:#c0392b;font-size:13px}.note{font-size:12px;color:#6b7690;margin-top:18px}"
            + ".badge{display:inline-block;background:#fff3cd;color:#7a5a00;border-radius:4px;padding:2px 6px;"
            + "font-size:12px}";

    private Html() {
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<title>" + esc(title) + "</title><style>" + STYLE + "</style></head><body>"
                + "<header>Payop <small>emulator &middot; payop-testkit &middot; no real money moves</small></header>"
                + "<main>" + body + "</main></body></html>";
    }

    static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + esc(name) + "\" value=\"" + esc(value) + "\">";
    }

    static String field(String name, String label, String value, String error) {
        String type = "email".equals(name) ? "email" : "text";
        return "<label for=\"" + esc(name) + "\">" + esc(label) + "</label>"
                + "<input type=\"" + type + "\" id=\"" + esc(name) + "\" name=\"" + esc(name) + "\" value=\""
                + esc(value) + "\">" + (error == null ? "" : "<div class=\"error\">" + esc(error) + "</div>");
    }

    static String button(String action, String cssClass, String text) {
        return "<button type=\"submit\" name=\"action\" value=\"" + esc(action) + "\" class=\"" + esc(cssClass)
                + "\" id=\"" + esc(action) + "\">" + esc(text) + "</button>";
    }
}
