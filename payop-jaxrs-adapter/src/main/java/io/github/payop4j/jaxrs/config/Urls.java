package io.github.payop4j.jaxrs.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/** URL rules shared by the API, checkout and redirect properties: https, or http to this machine only. */
final class Urls {

    private Urls() {
    }

    /** A base URL (API or checkout): no query, fragment or user info. */
    static URI base(PayopConfig.Reading r, String name, String raw) {
        URI uri = parse(r, name, raw, raw);
        if (uri == null) {
            return null;
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            r.problem(name, r.shown(raw) + " must not have a query or fragment; use the base URL only, such as "
                    + (name.equals(PayopConfig.API_URL) ? "https://api.payop.com." : "https://checkout.payop.com."));
            return null;
        }
        return uri;
    }

    /** A browser redirect target; {@code {{invoiceId}}} and {@code {{txid}}} are allowed anywhere. */
    static String redirect(PayopConfig.Reading r, String name, String raw) {
        String probe = raw.replace("{{invoiceId}}", "x").replace("{{txid}}", "x");
        if (probe.contains("{{") || probe.contains("}}")) {
            r.problem(name, r.shown(raw) + " contains a template other than {{invoiceId}} and {{txid}},"
                    + " the only ones Payop fills in.");
            return null;
        }
        return parse(r, name, raw, probe) == null ? null : raw;
    }

    private static URI parse(PayopConfig.Reading r, String name, String raw, String probe) {
        URI uri;
        try {
            uri = new URI(probe);
        } catch (java.net.URISyntaxException e) {
            r.problem(name, r.shown(raw) + " is not a valid URL (" + e.getReason() + ").");
            return null;
        }
        if (uri.getRawUserInfo() != null) {
            // The user info may be a password: say so without repeating it.
            r.problem(name, "contains user info (user:password@); remove it. Payop URLs take no credentials.");
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            r.problem(name, r.shown(raw) + " is not an absolute https URL such as https://shop.example/paid.");
            return null;
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            r.problem(name, r.shown(raw) + " uses plain http to another machine; use https (plain http is only"
                    + " accepted for localhost, 127.0.0.1 and ::1, for local stubs and development).");
            return null;
        }
        return uri;
    }

    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // never resolve a name here
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
