package io.github.payop4j.jaxrs.config;

import io.github.payop4j.PayopClient;
import io.github.payop4j.invoice.CheckoutLanguage;
import java.util.ArrayList;
import io.github.payop4j.ipn.IpnSourcePolicy;
import io.github.payop4j.withdrawal.WithdrawalCertificate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads and validates the {@code payop.*} properties. A pure function from a property lookup to
 * settings or the complete list of problems, so it runs without CDI or MicroProfile Config:
 *
 * <pre>{@code
 * ConfigResult result = PayopConfig.read(name -> config.getOptionalValue(name, String.class));
 * }</pre>
 *
 * <p>A blank value counts as unset, as in MicroProfile Config. Messages never contain the value
 * of the secret key or JWT token, nor any value that contains one of them.
 */
public final class PayopConfig {

    public static final String PUBLIC_KEY = "payop.public-key";
    public static final String SECRET_KEY = "payop.secret-key";
    public static final String JWT_TOKEN = "payop.jwt-token";
    public static final String PROJECT_ID = "payop.project-id";
    public static final String API_URL = "payop.api-url";
    public static final String CHECKOUT_URL = "payop.checkout-url";
    public static final String LANGUAGE = "payop.language";
    public static final String RESULT_URL = "payop.result-url";
    public static final String FAIL_URL = "payop.fail-url";
    public static final String CONNECT_TIMEOUT = "payop.http.connect-timeout";
    public static final String READ_TIMEOUT = "payop.http.read-timeout";
    public static final String MAX_ATTEMPTS = "payop.http.max-attempts";
    public static final String CARD_METHOD = "payop.card-method";
    public static final String WITHDRAWAL_CERTIFICATE = "payop.withdrawal-certificate";
    public static final String IPN_PATH = "payop.ipn.path";
    public static final String IPN_ALLOWED_IPS = "payop.ipn.allowed-ips";
    public static final String IPN_TRUSTED_PROXIES = "payop.ipn.trusted-proxies";
    public static final String IPN_VERIFY_WITH_API = "payop.ipn.verify-with-api";
    public static final String IPN_DATASOURCE = "payop.ipn.datasource";

    /** Every property this module reads, in the order problems are reported. */
    public static final List<String> PROPERTY_NAMES = List.of(PUBLIC_KEY, SECRET_KEY, JWT_TOKEN, PROJECT_ID, API_URL,
            CHECKOUT_URL, LANGUAGE, RESULT_URL, FAIL_URL, CONNECT_TIMEOUT, READ_TIMEOUT, MAX_ATTEMPTS, CARD_METHOD, WITHDRAWAL_CERTIFICATE,
            IPN_PATH, IPN_ALLOWED_IPS, IPN_TRUSTED_PROXIES, IPN_VERIFY_WITH_API, IPN_DATASOURCE);

    /** The first of the card methods Payop documents for server-to-server payments (381, 480, 481). */
    public static final int DEFAULT_CARD_METHOD = 381;
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    private PayopConfig() {
    }

    /** Reads every property through {@code lookup} and validates them together. */
    public static ConfigResult read(Function<String, Optional<String>> lookup) {
        return new Reading(lookup).run();
    }

    /**
     * The {@code payop.*} names among {@code names} that this module does not know, each with a
     * hint ("did you mean payop.language?"), so a typo does not silently fall back to a default.
     */
    public static List<String> unknownProperties(Iterable<String> names) {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            if (name == null || !name.startsWith("payop.") || PROPERTY_NAMES.contains(name)) {
                continue;
            }
            String best = null;
            int bestDistance = 4;
            for (String known : PROPERTY_NAMES) {
                int d = distance(name, known);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = known;
                }
            }
            out.add(name + " is not a payop4j property and is ignored"
                    + (best == null ? "" : " (did you mean " + best + "?)"));
        }
        return out;
    }

    /** Collects values and problems for one {@link #read} call. */
    static final class Reading {
        private final Function<String, Optional<String>> lookup;
        private final List<ConfigProblem> problems = new ArrayList<>();
        private final List<String> secrets = new ArrayList<>();

        Reading(Function<String, Optional<String>> lookup) {
            this.lookup = Objects.requireNonNull(lookup, "lookup");
        }

        ConfigResult run() {
            // Secrets first, so that no later message can show a value that contains one.
            Optional<String> secretKey = value(SECRET_KEY);
            Optional<String> jwtRaw = value(JWT_TOKEN);
            secretKey.ifPresent(secrets::add);
            jwtRaw.ifPresent(secrets::add);

            Optional<String> publicRaw = value(PUBLIC_KEY);
            String publicKey = publicRaw.map(v -> token(PUBLIC_KEY, v, "key")).orElse(null);
            if (publicRaw.isEmpty()) {
                problem(PUBLIC_KEY, "missing. Set it to your project's public key (\"application-...\"), shown in the"
                        + " Payop dashboard under Projects > Projects List > Details.");
            }
            String secret = secretKey.map(v -> token(SECRET_KEY, v, "key")).orElse(null);
            if (secretKey.isEmpty()) {
                problem(SECRET_KEY, "missing. Set it to your project's secret key (Payop dashboard: Projects >"
                        + " Projects List > Details), preferably as the environment variable PAYOP_SECRET_KEY"
                        + " rather than a file inside the WAR.");
            }
            Optional<String> jwt = jwtRaw.map(Reading::stripBearer).map(v -> token(JWT_TOKEN, v, "token"));
            Optional<String> projectId = value(PROJECT_ID).map(v -> token(PROJECT_ID, v, "id"));
            var apiUrl = Urls.base(this, API_URL, value(API_URL).orElse(PayopClient.DEFAULT_API_URL.toString()));
            var checkoutUrl = Urls.base(this, CHECKOUT_URL,
                    value(CHECKOUT_URL).orElse(PayopClient.DEFAULT_CHECKOUT_URL.toString()));
            CheckoutLanguage language = language();
            Optional<String> resultUrl = value(RESULT_URL).map(v -> Urls.redirect(this, RESULT_URL, v));
            Optional<String> failUrl = value(FAIL_URL).map(v -> Urls.redirect(this, FAIL_URL, v));
            var connectTimeout = duration(CONNECT_TIMEOUT, "10s");
            var readTimeout = duration(READ_TIMEOUT, "30s");
            int maxAttempts = integer(MAX_ATTEMPTS, DEFAULT_MAX_ATTEMPTS, 1, 10,
                    "the total number of attempts for requests that are safe to repeat");
            int cardMethod = integer(CARD_METHOD, DEFAULT_CARD_METHOD, 1, Integer.MAX_VALUE,
                    "a Payop payment method id such as 381, 480 or 481");
            Optional<WithdrawalCertificate> certificate = value(WITHDRAWAL_CERTIFICATE).flatMap(this::certificate);
            IpnSettings ipn = Ipn.read(this, jwt.isPresent());

            if (!problems.isEmpty()) {
                return new ConfigResult.Invalid(problems);
            }
            PayopSettings settings = new PayopSettings(publicKey, secret, jwt, projectId, apiUrl, checkoutUrl,
                    language, resultUrl, failUrl, connectTimeout, readTimeout, maxAttempts, cardMethod, certificate, ipn);
            try {
                // The client's own rules are the last word: valid here means the builder accepts it.
                settings.clientBuilder();
            } catch (IllegalArgumentException | IllegalStateException e) {
                problem("payop.*", "rejected by the Payop client: " + e.getMessage());
                return new ConfigResult.Invalid(problems);
            }
            return new ConfigResult.Valid(settings);
        }

        private Optional<WithdrawalCertificate> certificate(String base64) {
            try {
                return Optional.of(WithdrawalCertificate.fromBase64(base64));
            } catch (IllegalArgumentException e) {
                problem(WITHDRAWAL_CERTIFICATE, "is not the Base64 of a 32-byte X25519 public key. Download"
                        + " x25519.pub from the Payop dashboard (Settings > Certificates) and set this to the output"
                        + " of: base64 -w0 x25519.pub");
                return Optional.empty();
            }
        }

        Optional<String> value(String name) {
            Optional<String> v = lookup.apply(name);
            return v == null ? Optional.empty() : v.map(String::trim).filter(s -> !s.isEmpty());
        }

        void problem(String property, String message) {
            problems.add(new ConfigProblem(property, message));
        }

        /** A value fit to quote in a message: short, printable, and never containing a secret. */
        String shown(String value) {
            for (String secret : secrets) {
                if (secret.length() >= 4 && value.contains(secret)) {
                    return "(value not shown: it contains a secret)";
                }
            }
            String printable = value.replaceAll("\\p{Cntrl}", "?");
            return "\"" + (printable.length() <= 60 ? printable : printable.substring(0, 60) + "...") + "\"";
        }

        private String token(String name, String value, String what) {
            if (!value.matches("[\\x21-\\x7e]+")) {
                problem(name, "contains spaces or characters that are not printable ASCII; paste the " + what
                        + " exactly as the Payop dashboard shows it.");
                return null;
            }
            return value;
        }

        private static String stripBearer(String v) {
            return v.regionMatches(true, 0, "Bearer ", 0, 7) ? v.substring(7).trim() : v;
        }

        private CheckoutLanguage language() {
            Optional<String> raw = value(LANGUAGE);
            if (raw.isEmpty()) {
                return CheckoutLanguage.EN;
            }
            Optional<CheckoutLanguage> l = CheckoutLanguage.fromCode(raw.get());
            if (l.isEmpty()) {
                problem(LANGUAGE, shown(raw.get()) + " is not a language Payop's hosted page supports; use one of"
                        + " en, ru, es, it, pt, de, fr, sv, fi, tr, pl, nl.");
                return CheckoutLanguage.EN;
            }
            return l.get();
        }

        private java.time.Duration duration(String name, String fallback) {
            String raw = value(name).orElse(fallback);
            try {
                return Durations.parse(raw);
            } catch (IllegalArgumentException e) {
                problem(name, shown(raw) + " " + e.getMessage());
                return null;
            }
        }

        int integer(String name, int fallback, int min, int max, String what) {
            Optional<String> raw = value(name);
            if (raw.isEmpty()) {
                return fallback;
            }
            String s = raw.get();
            if (s.matches("[0-9]{1,10}")) {
                long n = Long.parseLong(s);
                if (n >= min && n <= max) {
                    return (int) n;
                }
            }
            problem(name, shown(s) + " is not valid; set " + what + ", a whole number"
                    + (max == Integer.MAX_VALUE ? " of at least " + min : " from " + min + " to " + max) + ".");
            return fallback;
        }

        List<String> list(String name) {
            Optional<String> raw = value(name);
            List<String> out = new ArrayList<>();
            if (raw.isPresent()) {
                // MicroProfile Config's list syntax: comma-separated, "\," for a literal comma.
                for (String part : raw.get().split("(?<!\\\\),")) {
                    String p = part.replace("\\,", ",").trim();
                    if (!p.isEmpty()) {
                        out.add(p);
                    }
                }
            }
            return out;
        }

        String lower(String s) {
            return s.toLowerCase(Locale.ROOT);
        }
    }

    /** The {@code payop.ipn.*} part. */
    private static final class Ipn {
        private Ipn() {
        }

        static IpnSettings read(Reading r, boolean hasJwt) {
            String path = r.value(IPN_PATH).orElse(IpnSettings.DEFAULT_PATH);
            if (!path.matches("(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+") || path.length() > 200) {
                r.problem(IPN_PATH, r.shown(path) + " is not a servlet path; use \"/\" followed by segments of"
                        + " letters, digits, '.', '_', '~' or '-' (no wildcard, query, \"..\" or trailing \"/\"),"
                        + " such as " + IpnSettings.DEFAULT_PATH + ".");
                path = IpnSettings.DEFAULT_PATH;
            }

            // Both lists are parsed by payop-core's IpnSourcePolicy, the one that applies them.
            List<String> allowed;
            List<String> allowedRaw = r.list(IPN_ALLOWED_IPS);
            if (allowedRaw.size() == 1 && r.lower(allowedRaw.get(0)).equals("any")) {
                allowed = List.of("0.0.0.0/0", "::/0");
            } else {
                allowed = ranges(r, IPN_ALLOWED_IPS, allowedRaw.isEmpty() ? IpnSettings.PAYOP_IPN_ADDRESSES : allowedRaw,
                        " Default: Payop's documented addresses; \"any\" accepts every sender.");
            }

            List<String> proxies = ranges(r, IPN_TRUSTED_PROXIES, r.list(IPN_TRUSTED_PROXIES), "");
            if (proxies.stream().anyMatch(p -> p.trim().endsWith("/0"))) {
                r.problem(IPN_TRUSTED_PROXIES, "must not contain 0.0.0.0/0 or ::/0: trusting every address lets"
                        + " anyone forge X-Forwarded-For. List only your own reverse proxies.");
            }
            IpnSourcePolicy sources = IpnSourcePolicy.builder()
                    .allow(allowed.isEmpty() ? IpnSettings.PAYOP_IPN_ADDRESSES : allowed)
                    .trustProxies(proxies)
                    .build();

            boolean verify = hasJwt;
            Optional<String> verifyRaw = r.value(IPN_VERIFY_WITH_API);
            if (verifyRaw.isPresent()) {
                String v = r.lower(verifyRaw.get());
                if (v.equals("true") || v.equals("false")) {
                    verify = v.equals("true");
                } else {
                    r.problem(IPN_VERIFY_WITH_API, r.shown(verifyRaw.get()) + " is not a boolean; use true or false.");
                }
            }
            if (verify && !hasJwt) {
                r.problem(IPN_VERIFY_WITH_API, "is true, but confirming an IPN with Payop's API needs a JWT token:"
                        + " set " + JWT_TOKEN + " (a token generated in the Payop dashboard), or set this to false to"
                        + " rely on the source address only.");
            }

            Optional<String> dataSource = Optional.of(IpnSettings.DEFAULT_DATASOURCE);
            Optional<String> dsRaw = r.value(IPN_DATASOURCE);
            if (dsRaw.isPresent()) {
                String ds = dsRaw.get();
                if (r.lower(ds).equals("none")) {
                    dataSource = Optional.empty();
                } else if (!ds.matches("[\\x21-\\x7e]{1,255}")) {
                    r.problem(IPN_DATASOURCE, r.shown(ds) + " is not a JNDI name; use one such as"
                            + " java:jboss/datasources/ShopDS or jdbc/shop, or \"none\" for an in-memory journal.");
                } else {
                    dataSource = Optional.of(ds);
                }
            }
            return new IpnSettings(path, sources, verify, dataSource);
        }

        /** The items that are IP addresses or CIDR blocks; one problem naming all the others. */
        private static List<String> ranges(Reading r, String name, List<String> items, String hint) {
            List<String> out = new ArrayList<>();
            List<String> bad = new ArrayList<>();
            for (String item : items) {
                try {
                    IpnSourcePolicy.builder().allow(item).build();
                    out.add(item.trim());
                } catch (IllegalArgumentException e) {
                    bad.add(r.shown(item));
                }
            }
            if (!bad.isEmpty()) {
                r.problem(name, String.join(", ", bad) + (bad.size() == 1 ? " is not" : " are not")
                        + " an IP address or CIDR block; use a comma-separated list such as"
                        + " 18.199.249.46, 10.0.0.0/8, 2001:db8::/32 (host names are not accepted)." + hint);
            }
            return out;
        }
    }

    /** Levenshtein distance, for "did you mean". */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
