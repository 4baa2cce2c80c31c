package io.github.payop4j.internal.ipn.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Parses IP address literals without ever asking DNS: an attacker-supplied
 * {@code X-Forwarded-For: evil.example} must not trigger a lookup, and must not match anything.
 */
public final class IpLiteral {

    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

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
        byte[] v4 = ipv4(s);
        if (v4 != null) {
            return byAddress(v4);
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
            if (!rest.isEmpty() && (rest.charAt(0) != ':' || !PORT.matcher(rest).region(1, rest.length()).matches())) {
                return null;
            }
            return parse(s.substring(0, close + 1));
        }
        int colon = s.indexOf(':');
        if (colon > 0 && colon == s.lastIndexOf(':')) {
            if (!PORT.matcher(s).region(colon + 1, s.length()).matches()) {
                return null;
            }
            s = s.substring(0, colon); // IPv4 with a port
        }
        return parse(s);
    }

    /**
     * Four dot-separated decimal octets of one to three ASCII digits, each at most 255, or
     * {@code null}. Scanned by hand: every IPN's peer address passes here (twice), and a regex
     * match cost a matcher and four substrings each time.
     */
    static byte[] ipv4(String s) {
        int n = s.length();
        if (n < 7 || n > 15) {
            return null;
        }
        byte[] bytes = new byte[4];
        int octet = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 3) {
                    return null;
                }
                value = value * 10 + (c - '0');
            } else if (c == '.' && digits > 0 && octet < 3) {
                if (value > 255) {
                    return null;
                }
                bytes[octet++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        if (octet != 3 || digits == 0 || value > 255) {
            return null;
        }
        bytes[3] = (byte) value;
        return bytes;
    }

    private static InetAddress byAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
