package io.github.payop4j.internal.ipn.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the client behind trusted proxies.
 *
 * <p>Forwarding headers are only believed when the socket peer is a trusted proxy, and then
 * only up to the first hop that is not one: each proxy appends the address it saw, so
 * everything to the left of an untrusted hop was written by that hop and may be invented.
 * When both {@code X-Forwarded-For} and {@code Forwarded} are present they must agree: a
 * proxy that maintains only one of them passes the other through from the client untouched.
 */
public final class ClientAddress {

    /** More hops than this is not a real proxy chain. */
    private static final int MAX_HOPS = 32;

    private final List<Cidr> trustedProxies;

    public ClientAddress(List<Cidr> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /** The client's address, or {@code null} when it cannot be determined safely. */
    public InetAddress resolve(String peer, List<String> xForwardedFor, List<String> forwarded) {
        InetAddress direct = IpLiteral.parse(peer);
        if (direct == null || !isTrusted(direct)) {
            return direct;
        }
        List<String> xff = xffChain(xForwardedFor);
        List<String> fwd = forwardedChain(forwarded);
        if (xff.isEmpty() && fwd.isEmpty()) {
            return direct; // the proxy itself sent it
        }
        InetAddress fromXff = xff.isEmpty() ? null : walk(xff);
        InetAddress fromFwd = fwd.isEmpty() ? null : walk(fwd);
        if (xff.isEmpty()) {
            return fromFwd;
        }
        if (fwd.isEmpty()) {
            return fromXff;
        }
        return fromXff != null && fromXff.equals(fromFwd) ? fromXff : null;
    }

    public boolean isTrusted(InetAddress address) {
        for (Cidr c : trustedProxies) {
            if (c.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** From the right: skip trusted proxies, take the first other hop; an unreadable hop ends the walk. */
    private InetAddress walk(List<String> chain) {
        if (chain.size() > MAX_HOPS) {
            return null;
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            InetAddress hop = IpLiteral.parseNode(chain.get(i));
            if (hop == null) {
                return null;
            }
            if (!isTrusted(hop) || i == 0) {
                return hop;
            }
        }
        return null;
    }

    static List<String> xffChain(List<String> headers) {
        List<String> out = new ArrayList<>();
        for (String header : headers) {
            if (header == null) {
                continue;
            }
            for (String part : header.split(",", -1)) {
                if (out.size() > MAX_HOPS) {
                    return out;
                }
                out.add(part.trim());
            }
        }
        if (out.size() == 1 && out.get(0).isEmpty()) {
            return List.of();
        }
        return out;
    }

    /** The {@code for=} value of each element of RFC 7239 {@code Forwarded} headers. */
    static List<String> forwardedChain(List<String> headers) {
        List<String> out = new ArrayList<>();
        for (String header : headers) {
            if (header == null || header.isBlank()) {
                continue;
            }
            for (String element : splitOutsideQuotes(header, ',')) {
                if (out.size() > MAX_HOPS) {
                    return out;
                }
                String node = null;
                for (String pair : splitOutsideQuotes(element, ';')) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && pair.substring(0, eq).trim().equalsIgnoreCase("for")) {
                        node = unquote(pair.substring(eq + 1).trim());
                    }
                }
                // An element without for= is a hop we cannot place: keep a placeholder that stops the walk.
                out.add(node == null ? "" : node);
            }
        }
        return out;
    }

    private static List<String> splitOutsideQuotes(String s, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1).replace("\\\"", "\"");
        }
        return v;
    }
}
