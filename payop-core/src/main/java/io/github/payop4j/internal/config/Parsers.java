package io.github.payop4j.internal.config;

import io.github.payop4j.invoice.CheckoutLanguage;
import io.github.payop4j.ipn.IpnJournal;
import io.github.payop4j.ipn.IpnSourcePolicy;
import io.github.payop4j.withdrawal.WithdrawalCertificate;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The value types of the {@code payop.*} settings; each parser's messages say what to write. */
public final class Parsers {

    /** The value of {@code payop.ipn.datasource} that selects the in-memory journal. */
    public static final String NO_DATASOURCE = "none";
    /** The value of {@code payop.ipn.allowed-ips} that accepts every sender. */
    public static final String ANY_SOURCE = "any";

    private Parsers() {
    }

    /** A key, token or id as the Payop dashboard shows it: printable ASCII, no spaces. */
    public static Parser<String> token(String what) {
        return (raw, shown) -> {
            if (!raw.matches("[\\x21-\\x7e]+")) {
                // Never quote it: it may be a secret with a typo.
                throw new IllegalArgumentException("contains spaces or characters that are not printable ASCII;"
                        + " paste the " + what + " exactly as the Payop dashboard shows it.");
            }
            return raw;
        };
    }

    /** The JWT token; a pasted {@code Bearer } prefix is dropped. */
    public static Parser<String> jwt() {
        Parser<String> token = token("token");
        return (raw, shown) -> token.parse(raw.regionMatches(true, 0, "Bearer ", 0, 7) ? raw.substring(7).trim() : raw,
                shown);
    }

    public static Parser<URI> baseUrl(String example) {
        return (raw, shown) -> Urls.base(raw, shown.apply(raw), example);
    }

    public static Parser<String> redirectUrl() {
        return (raw, shown) -> Urls.redirect(raw, shown.apply(raw));
    }

    public static Parser<Duration> duration(Duration min, Duration max) {
        return (raw, shown) -> {
            try {
                return Durations.parse(raw, min, max);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(shown.apply(raw) + " " + e.getMessage());
            }
        };
    }

    /** A whole number from {@code min} to {@code max}; {@code what} says what it counts. */
    public static Parser<Integer> integer(int min, int max, String what) {
        return (raw, shown) -> {
            if (raw.matches("[0-9]{1,10}")) {
                long n = Long.parseLong(raw);
                if (n >= min && n <= max) {
                    return (int) n;
                }
            }
            throw new IllegalArgumentException(shown.apply(raw) + " is not valid; set " + what + ", a whole number"
                    + (max == Integer.MAX_VALUE ? " of at least " + min : " from " + min + " to " + max) + ".");
        };
    }

    public static Parser<Boolean> bool() {
        return (raw, shown) -> {
            String v = raw.toLowerCase(Locale.ROOT);
            if (v.equals("true") || v.equals("false")) {
                return v.equals("true");
            }
            throw new IllegalArgumentException(shown.apply(raw) + " is not a boolean; use true or false.");
        };
    }

    public static Parser<CheckoutLanguage> language() {
        return (raw, shown) -> CheckoutLanguage.fromCode(raw).orElseThrow(() -> new IllegalArgumentException(
                shown.apply(raw) + " is not a language Payop's hosted page supports; use one of"
                        + " en, ru, es, it, pt, de, fr, sv, fi, tr, pl, nl."));
    }

    public static Parser<WithdrawalCertificate> certificate() {
        return (raw, shown) -> {
            try {
                return WithdrawalCertificate.fromBase64(raw);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("is not the Base64 of a 32-byte X25519 public key. Download"
                        + " x25519.pub from the Payop dashboard (Settings > Certificates) and set this to the output"
                        + " of: base64 -w0 x25519.pub");
            }
        };
    }

    /** An exact servlet path such as {@code /payop/ipn}. */
    public static Parser<String> servletPath() {
        return (raw, shown) -> {
            if (!raw.matches("(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+") || raw.length() > 200) {
                throw new IllegalArgumentException(shown.apply(raw) + " is not a servlet path; use \"/\" followed by"
                        + " segments of letters, digits, '.', '_', '~' or '-' (no wildcard, query, \"..\" or trailing"
                        + " \"/\"), such as /payop/ipn.");
            }
            return raw;
        };
    }

    /** Where IPNs may come from: addresses and CIDR blocks, comma- or space-separated, or {@code any}. */
    public static Parser<List<String>> allowedSources() {
        return addresses(" Default: Payop's documented addresses; \"any\" accepts every sender.", true);
    }

    /** The shop's own reverse proxies; never every address. */
    public static Parser<List<String>> trustedProxies() {
        return addresses("", false);
    }

    private static Parser<List<String>> addresses(String hint, boolean anyAllowed) {
        return (raw, shown) -> {
            List<String> items = List.of(raw.split("[,\\s]+")).stream().filter(s -> !s.isEmpty()).toList();
            if (anyAllowed && items.size() == 1 && items.get(0).equalsIgnoreCase(ANY_SOURCE)) {
                return List.of("0.0.0.0/0", "::/0");
            }
            List<String> bad = new ArrayList<>();
            for (String item : items) {
                try {
                    IpnSourcePolicy.builder().allow(item).build();
                } catch (IllegalArgumentException e) {
                    bad.add(shown.apply(item));
                }
            }
            if (!bad.isEmpty()) {
                throw new IllegalArgumentException(String.join(", ", bad) + (bad.size() == 1 ? " is not" : " are not")
                        + " an IP address or CIDR block; use a comma-separated list such as"
                        + " 18.199.249.46, 10.0.0.0/8, 2001:db8::/32 (host names are not accepted)." + hint);
            }
            if (!anyAllowed && items.stream().anyMatch(p -> p.endsWith("/0"))) {
                throw new IllegalArgumentException("must not contain 0.0.0.0/0 or ::/0: trusting every address lets"
                        + " anyone forge X-Forwarded-For. List only your own reverse proxies.");
            }
            return items;
        };
    }

    /** A class path resource such as {@code payop/page.html}: relative, no {@code ..}, no scheme. */
    public static Parser<String> classPathResource(String example) {
        return (raw, shown) -> {
            String r = raw.startsWith("/") ? raw.substring(1) : raw;
            if (!r.matches("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*") || r.matches("(.*/)?\\.\\.?(/.*)?")
                    || r.length() > 200) {
                throw new IllegalArgumentException(shown.apply(raw) + " is not a class path resource; use a relative"
                        + " path of letters, digits, '.', '_' and '-' segments such as " + example
                        + " (in a WAR, the file WEB-INF/classes/" + example + ").");
            }
            return r;
        };
    }

    /**
     * A stylesheet the shop's pages may link: a path on the shop's own server ({@code /css/x.css})
     * or an https URL. Only characters that can end neither an HTML attribute nor a
     * Content-Security-Policy source: the URL's origin goes into that header.
     */
    public static Parser<String> stylesheetUrl() {
        return (raw, shown) -> {
            String path = "(/[A-Za-z0-9._~%-]+)+/?(\\?[A-Za-z0-9._~%=&-]*)?";
            boolean local = raw.matches(path);
            boolean remote = raw.matches("https://[A-Za-z0-9.-]+(:[0-9]{1,5})?" + path);
            if (!local && !remote) {
                throw new IllegalArgumentException(shown.apply(raw) + " is not a stylesheet URL; use a path on your"
                        + " server such as /shop/css/payop.css, or an https URL such as"
                        + " https://cdn.shop.example/payop.css (no quotes, spaces, ';' or ',').");
            }
            return raw;
        };
    }

    /** A JNDI name, or {@code none}. */
    public static Parser<String> dataSource() {
        return (raw, shown) -> {
            if (raw.equalsIgnoreCase(NO_DATASOURCE)) {
                return NO_DATASOURCE;
            }
            if (!raw.matches("[\\x21-\\x7e]{1,255}")) {
                throw new IllegalArgumentException(shown.apply(raw) + " is not a JNDI name; use one such as"
                        + " java:jboss/datasources/ShopDS or jdbc/shop, or \"none\" for an in-memory journal.");
            }
            return raw;
        };
    }

    public static Parser<String> tablePrefix() {
        return (raw, shown) -> {
            try {
                return IpnJournal.JdbcOptions.DEFAULTS.withTablePrefix(raw).tablePrefix();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(shown.apply(raw) + " is not a table prefix; use 1 to 30 lower-case"
                        + " letters, digits or underscores, starting with a letter, such as payop_ipn_.");
            }
        };
    }
}
