package io.github.payop4j.it.support;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTML page as a browser without JavaScript reads it: its forms (action and fields) and its
 * links, resolved against the page's own URL. Enough for the server-rendered pages of the
 * adapter and the Payop emulator; the emulator's own tests drive its page in a real browser.
 */
public final class HtmlPage {

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINK = Pattern.compile("<a\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:][-a-zA-Z0-9_:.]*)\\s*=\\s*\"([^\"]*)\"");

    private final URI uri;
    private final String html;

    private HtmlPage(URI uri, String html) {
        this.uri = uri;
        this.html = html;
    }

    /** The page a 200 answer carries; anything else fails with the status and body. */
    public static HtmlPage of(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("expected a page, got HTTP " + response.statusCode() + " from " + response.uri()
                    + ": " + response.body());
        }
        return new HtmlPage(response.uri(), response.body());
    }

    public String html() {
        return html;
    }

    /** The form with this id, its fields as the page fills them in (buttons are not fields). */
    public Form form(String id) {
        Matcher m = FORM.matcher(html);
        while (m.find()) {
            Map<String, String> attributes = attributes(m.group(1));
            if (id.equals(attributes.get("id"))) {
                Map<String, String> fields = new LinkedHashMap<>();
                Matcher input = INPUT.matcher(m.group(2));
                while (input.find()) {
                    Map<String, String> a = attributes(input.group(1));
                    if (a.containsKey("name")) {
                        fields.put(a.get("name"), a.getOrDefault("value", ""));
                    }
                }
                return new Form(uri.resolve(attributes.getOrDefault("action", "")), fields);
            }
        }
        throw new AssertionError("no form " + id + " on " + uri + ": " + html);
    }

    /** Where the link with this id leads. */
    public URI link(String id) {
        Matcher m = LINK.matcher(html);
        while (m.find()) {
            Map<String, String> a = attributes(m.group(1));
            if (id.equals(a.get("id"))) {
                return uri.resolve(a.get("href"));
            }
        }
        throw new AssertionError("no link " + id + " on " + uri + ": " + html);
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(tag);
        while (m.find()) {
            out.put(m.group(1).toLowerCase(java.util.Locale.ROOT), unescape(m.group(2)));
        }
        return out;
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&#96;", "`").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }

    /** A form to submit: POSTed url-encoded to its action, as the page's buttons would. */
    public record Form(URI action, Map<String, String> fields) {

        public Form {
            fields = Map.copyOf(fields);
        }

        /** The same form with one field set (typed in, or the name and value of the button pressed). */
        public Form with(String name, String value) {
            Map<String, String> copy = new LinkedHashMap<>(fields);
            copy.put(name, value);
            return new Form(action, copy);
        }

        public HttpResponse<String> submit(Http http) {
            return http.postForm(action, fields);
        }
    }
}
