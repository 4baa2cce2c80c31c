package io.github.payop4j.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.StringJoiner;

/**
 * Percent-encoding for the ids and query values the client puts into URLs, so an id can
 * never change the path ("../") or smuggle in a query.
 */
public final class Uris {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Uris() {
    }

    /** Encodes everything except RFC 3986 unreserved characters. */
    public static String segment(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("An id is required and must not be blank");
        }
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
            }
        }
        return out.toString();
    }

    /**
     * {@code query[identifiers]=a,b}: PHP's bracket notation (brackets percent-encoded, as
     * RFC 3986 requires in a query) and the comma-separated list Payop documents.
     */
    public static String phpQuery(String name, Collection<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("At least one id is required");
        }
        StringJoiner list = new StringJoiner(",");
        values.forEach(v -> list.add(segment(v)));
        return "query%5B" + segment(name) + "%5D=" + list;
    }
}
