package io.github.payop4j.internal.ipn.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Parses IP address literals without ever asking DNS: an attacker-supplied
 * {@code X-Forwarded-For: evil.example} must not trigger a lookup, and must not match anything.
 */
public final class IpLiteral {

    private static final Pattern IPV4 = Pattern.compile("([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private IpLiteral() {
    }

    /** An IPv4 or IPv6 literal (IPv6 optionally in brackets, zone id ignored); {@code null} if it is not one. */
    public static InetAddress parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone > 0) {
            s = s.substring(0, zone);
        }
        var v4 = IPV4.matcher(s);
        if (v4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(v4.group(i + 1));
                if (octet > 255) {
                    return null;
                }
                bytes[i] = (byte) octet;
            }
            return byAddress(bytes);
        }
        if (s.indexOf(':') >= 0 && IPV6.matcher(s).matches()) {
            try {
                // A string of hex digits, colons and dots is parsed as a literal; no lookup happens.
                return InetAddress.getByName(s);
            } catch (UnknownHostException | SecurityException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * A forwarded node, possibly with a port: {@code 192.0.2.1}, {@code 192.0.2.1:4711},
     * {@code [2001:db8::1]:4711}, {@code 2001:db8::1}. {@code null} for anything else
     * (including RFC 7239's {@code unknown} and obfuscated {@code _identifiers}).
     */
    public static InetAddress parseNode(String node) {
        if (node == null) {
            return null;
        }
        String s = node.trim();
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                return null;
            }
            String rest = s.substring(close + 1);
            if (!rest.isEmpty() && !rest.matches(":[0-9]{1,5}")) {
                return null;
            }
            return parse(s.substring(0, close + 1));
        }
        int colon = s.indexOf(':');
        if (colon > 0 && colon == s.lastIndexOf(':')) {
            if (!s.substring(colon + 1).matches("[0-9]{1,5}")) {
                return null;
            }
            s = s.substring(0, colon); // IPv4 with a port
        }
        return parse(s);
    }

    private static InetAddress byAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
