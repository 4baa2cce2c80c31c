package io.github.payop4j.internal.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The URL rules of the client and of the settings: https anywhere, plain http only to this
 * machine (so keys and tokens never cross a network in clear text), no user info, and for base
 * URLs no query or fragment. Messages complete "VALUE ..." or stand alone when the value must
 * not be repeated (user info may hold a password).
 */
public final class Urls {

    private Urls() {
    }

    /** A base URL (API or checkout). */
    public static URI base(String raw, String shown, String example) {
        URI uri = absolute(raw, raw, shown);
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(shown + " must not have a query or fragment; use the base URL only,"
                    + " such as " + example + ".");
        }
        return uri;
    }

    /** A browser redirect target; {@code {{invoiceId}}} and {@code {{txid}}} are allowed anywhere. */
    public static String redirect(String raw, String shown) {
        String probe = raw.replace("{{invoiceId}}", "x").replace("{{txid}}", "x");
        if (probe.contains("{{") || probe.contains("}}")) {
            throw new IllegalArgumentException(shown + " contains a template other than {{invoiceId}} and {{txid}},"
                    + " the only ones Payop fills in.");
        }
        absolute(raw, probe, shown);
        return raw;
    }

    private static URI absolute(String raw, String probe, String shown) {
        URI uri;
        try {
            uri = new URI(probe);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(shown + " is not a valid URL (" + e.getReason() + ").");
        }
        if (uri.getRawUserInfo() != null) {
            // The user info may be a password: say so without repeating it.
            throw new IllegalArgumentException("contains user info (user:password@); remove it. Payop URLs take no"
                    + " credentials.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException(shown + " is not an absolute https URL such as https://shop.example/paid.");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException(shown + " uses plain http to another machine: keys and tokens would"
                    + " cross the network unencrypted. Use https (plain http is only accepted for localhost,"
                    + " 127.0.0.1 and ::1, for local stubs and development).");
        }
        return uri;
    }

    /** localhost or a loopback literal; a host name is never resolved here. */
    public static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
