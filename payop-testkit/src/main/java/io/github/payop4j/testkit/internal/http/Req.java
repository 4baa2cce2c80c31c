package io.github.payop4j.testkit.internal.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One request as the emulator sees it, independent of WireMock's types so the endpoint code can
 * be read (and tested) without them. Query and form parameters are decoded once, PHP-style
 * {@code query[identifiers]=a,b} included.
 */
public record Req(String method, String path, Map<String, String> query, Map<String, String> headers, String body,
        String clientAddress) {

    public Req {
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        headers = Collections.unmodifiableMap(lower);
        body = body == null ? "" : body;
    }

    public static Req of(String method, String url, Map<String, String> headers, String body, String clientAddress) {
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        Map<String, String> query = q < 0 ? Map.of() : parseForm(url.substring(q + 1));
        return new Req(method.toUpperCase(Locale.ROOT), path, query, headers, body, clientAddress);
    }

    /** {@code a=1&b=2} decoded; the last of repeated names wins (Payop's PHP does the same). */
    public static Map<String, String> parseForm(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            out.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Form fields of a browser POST. */
    public Map<String, String> form() {
        return parseForm(body);
    }
}
