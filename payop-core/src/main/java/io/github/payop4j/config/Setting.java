package io.github.payop4j.config;

import io.github.payop4j.PayopClient;
import io.github.payop4j.RetryPolicy;
import io.github.payop4j.internal.config.Alias;
import io.github.payop4j.internal.config.Durations;
import io.github.payop4j.internal.config.KeyNames;
import io.github.payop4j.internal.config.Parser;
import io.github.payop4j.internal.config.Parsers;
import io.github.payop4j.invoice.CheckoutLanguage;
import io.github.payop4j.ipn.IpnJournal;
import io.github.payop4j.ipn.IpnProcessor;
import io.github.payop4j.ipn.IpnSourcePolicy;
import io.github.payop4j.withdrawal.WithdrawalCertificate;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code payop.*} setting: its key, type, default, description, whether it is a secret and
 * its old names. This class is the one list of them: the README's configuration table is
 * checked against {@link #all()}. Adding a setting means adding a constant here (and listing it
 * in {@link #all()}) and an accessor in {@link PayopSettings}.
 *
 * @param <T> the type of the value once read
 */
public final class Setting<T> {

    private static final Set<Role> CHECKOUT = Collections.unmodifiableSet(EnumSet.of(Role.CHECKOUT));
    private static final Set<Role> IPN = Collections.unmodifiableSet(EnumSet.of(Role.IPN));
    private static final Set<Role> BOTH = Collections.unmodifiableSet(EnumSet.allOf(Role.class));
    private static final Duration TIMEOUT_MAX = Duration.ofMinutes(10);

    public static final Setting<String> PUBLIC_KEY = new Setting<>("payop.public-key", "text", null, CHECKOUT,
            "Project public key (`application-...`), from the Payop dashboard: Projects > Projects List > Details."
            + " Required for checkout.", Parsers.token("key"));
    public static final Setting<String> SECRET_KEY = secret("payop.secret-key", CHECKOUT,
            "Project secret key: signs invoices; never sent, logged or shown. Required for checkout.",
            Parsers.token("key"));
    public static final Setting<String> JWT_TOKEN = secret("payop.jwt-token", BOTH,
            "JWT token (a pasted `Bearer` prefix is dropped): payment methods, direct and card flows, transactions,"
            + " refunds, withdrawals, balances, IPN confirmation. Required unless `payop.ipn.verify-with-api=false`.",
            Parsers.jwt());
    public static final Setting<Duration> JWT_EXPIRY_WARNING = new Setting<>("payop.jwt-expiry-warning", "duration",
            Durations.format(PayopClient.DEFAULT_TOKEN_EXPIRY_WARNING), BOTH,
            "Start-up logs `PAYOP-CONFIG-004` when the JWT token expires within this (read from its `exp`; the token"
            + " is never logged); an expired or refused token is `PAYOP-CONFIG-005` / `PAYOP-HTTP-002` and turns the"
            + " adapter's readiness check down.", Parsers.duration(Duration.ofHours(1), Duration.ofDays(365)));
    public static final Setting<String> PROJECT_ID = new Setting<>("payop.project-id", "text", null, CHECKOUT,
            "Project id: with the JWT token, lists payment methods.", Parsers.token("id"));
    public static final Setting<URI> API_URL = new Setting<>("payop.api-url", "URL",
            PayopClient.DEFAULT_API_URL.toString(), BOTH,
            "Payop API base URL: https; plain http only to localhost stubs.",
            Parsers.baseUrl(PayopClient.DEFAULT_API_URL.toString()));
    public static final Setting<URI> CHECKOUT_URL = new Setting<>("payop.checkout-url", "URL",
            PayopClient.DEFAULT_CHECKOUT_URL.toString(), CHECKOUT, "Hosted payment page base URL; same rule.",
            Parsers.baseUrl(PayopClient.DEFAULT_CHECKOUT_URL.toString()));
    public static final Setting<Duration> HTTP_CONNECT_TIMEOUT = new Setting<>("payop.http.connect-timeout",
            "duration", Durations.format(PayopClient.DEFAULT_CONNECT_TIMEOUT), BOTH,
            "How long to wait for a connection to Payop.", Parsers.duration(Duration.ofMillis(1), TIMEOUT_MAX),
            Alias.seconds("payop.ipn.api-timeout-seconds"));
    public static final Setting<Duration> HTTP_READ_TIMEOUT = new Setting<>("payop.http.read-timeout", "duration",
            Durations.format(PayopClient.DEFAULT_READ_TIMEOUT), BOTH, "How long to wait for Payop's answer.",
            Parsers.duration(Duration.ofMillis(1), TIMEOUT_MAX), Alias.seconds("payop.ipn.api-timeout-seconds"));
    public static final Setting<Integer> HTTP_MAX_ATTEMPTS = new Setting<>("payop.http.max-attempts", "number",
            String.valueOf(RetryPolicy.DEFAULT.maxAttempts()), BOTH,
            "Attempts, 1 to 10, for requests that are safe to repeat (GETs, mass withdrawals); never other POSTs.",
            Parsers.integer(1, 10, "the total number of attempts for requests that are safe to repeat"));
    public static final Setting<CheckoutLanguage> LANGUAGE = new Setting<>("payop.language", "language",
            CheckoutLanguage.EN.code(), CHECKOUT,
            "Hosted page language: en, ru, es, it, pt, de, fr, sv, fi, tr, pl or nl.", Parsers.language());
    public static final Setting<String> RESULT_URL = new Setting<>("payop.result-url", "URL", null, CHECKOUT,
            "Where Payop sends the payer after paying; may contain `{{invoiceId}}` and `{{txid}}`.",
            Parsers.redirectUrl());
    public static final Setting<String> FAIL_URL = new Setting<>("payop.fail-url", "URL", null, CHECKOUT,
            "Where Payop sends the payer after a failure; same templates.", Parsers.redirectUrl());
    public static final Setting<Integer> CARD_METHOD = new Setting<>("payop.card-method", "number", "381", CHECKOUT,
            "Card payment method when a card request names none.",
            Parsers.integer(1, Integer.MAX_VALUE, "a Payop payment method id such as 381, 480 or 481"));
    public static final Setting<Duration> PAYMENT_METHODS_CACHE = new Setting<>("payop.payment-methods.cache",
            "duration", Durations.format(Duration.ofMinutes(5)), CHECKOUT,
            "How long the checkout endpoints keep Payop's list of payment methods before asking again; `0s` asks"
            + " on every request. A method switched off in the dashboard is offered until then (Payop refuses its"
            + " payments); restarting the application refreshes the list at once.",
            Parsers.duration(Duration.ZERO, Duration.ofHours(24)));
    public static final Setting<String> PAGES_TEMPLATE = new Setting<>("payop.pages.template", "resource", null,
            CHECKOUT, "Your HTML template for the payer pages of the checkout endpoints (3-D Secure hand-off, waiting"
            + " page): a class path resource such as `payop/page.html` (in a WAR `WEB-INF/classes/payop/page.html`)"
            + " with `{{title}}`, `{{head}}` and `{{content}}` once each and no script; checked at start-up.",
            Parsers.classPathResource("payop/page.html"));
    public static final Setting<String> PAGES_STYLESHEET = new Setting<>("payop.pages.stylesheet", "URL", null,
            CHECKOUT, "A stylesheet the payer pages link after their own styles: a path on your server"
            + " (`/shop/css/payop.css`) or an https URL; allowed by the pages' Content-Security-Policy.",
            Parsers.stylesheetUrl());
    public static final Setting<WithdrawalCertificate> WITHDRAWAL_CERTIFICATE = new Setting<>(
            "payop.withdrawal-certificate", "Base64", null, CHECKOUT,
            "Base64 of the dashboard's `x25519.pub` (`base64 -w0 x25519.pub`), for `withdrawals().createMass`.",
            Parsers.certificate());
    public static final Setting<Boolean> IPN_ENABLED = new Setting<>("payop.ipn.enabled", "true/false", "true", IPN,
            "Register the IPN endpoint.", Parsers.bool());
    public static final Setting<String> IPN_PATH = new Setting<>("payop.ipn.path", "path", "/payop/ipn", IPN,
            "Exact path of the IPN endpoint inside the web application.", Parsers.servletPath());
    public static final Setting<List<String>> IPN_ALLOWED_IPS = new Setting<>("payop.ipn.allowed-ips", "addresses",
            String.join(", ", IpnSourcePolicy.PAYOP_ADDRESSES), IPN,
            "Allowed IPN senders: addresses or CIDR blocks (IPv4, IPv6), or `any`.", Parsers.allowedSources());
    public static final Setting<List<String>> IPN_TRUSTED_PROXIES = new Setting<>("payop.ipn.trusted-proxies",
            "addresses", null, IPN,
            "Your reverse proxies; only from them are `X-Forwarded-For` / `Forwarded` believed.",
            Parsers.trustedProxies());
    public static final Setting<Boolean> IPN_VERIFY_WITH_API = new Setting<>("payop.ipn.verify-with-api",
            "true/false", "true", IPN,
            "Confirm every IPN with Payop's API. `false` (only where no token can be had) accepts a forged IPN"
            + " from an allowed address.", Parsers.bool());
    public static final Setting<String> IPN_DATASOURCE = new Setting<>("payop.ipn.datasource", "JNDI name",
            "java:comp/DefaultDataSource", IPN,
            "DataSource of the IPN journal, or `none` for memory (lost on restart, one node only). WildFly's"
            + " default (ExampleDS, in memory) and Payara Micro's without `--rootdir` (in a temporary directory)"
            + " are lost on restart too (`PAYOP-IPN-014`): name a lasting database in production.",
            Parsers.dataSource(), new Alias("payop.ipn.journal",
                    v -> v.equalsIgnoreCase("memory") ? Parsers.NO_DATASOURCE : v));
    public static final Setting<String> IPN_TABLE_PREFIX = new Setting<>("payop.ipn.table-prefix", "text",
            IpnJournal.JdbcOptions.DEFAULTS.tablePrefix(), IPN,
            "Journal tables `<prefix>delivery` and `<prefix>claim`, created if missing.", Parsers.tablePrefix(),
            Alias.renamed("payop.ipn.journal.table-prefix"));
    public static final Setting<Integer> IPN_MAX_BODY_BYTES = new Setting<>("payop.ipn.max-body-bytes", "number",
            String.valueOf(IpnProcessor.DEFAULT_MAX_BODY_BYTES), IPN, "Larger IPN bodies are answered 413.",
            Parsers.integer(256, 16 * 1024 * 1024, "the largest IPN body in bytes"));
    public static final Setting<Duration> IPN_LEASE = new Setting<>("payop.ipn.lease", "duration",
            Durations.format(IpnProcessor.DEFAULT_LEASE), IPN,
            "After this, a delivery stuck in processing (a crashed node) may be taken over.",
            Parsers.duration(Duration.ofSeconds(1), Duration.ofHours(1)), Alias.seconds("payop.ipn.lease-seconds"));
    public static final Setting<Duration> IPN_DUPLICATE_WAIT = new Setting<>("payop.ipn.duplicate-wait", "duration",
            Durations.format(IpnProcessor.DEFAULT_DUPLICATE_WAIT), IPN,
            "How long a repeat of an IPN that is being applied waits for that outcome (then `duplicate`), and any"
            + " IPN for its turn (`payop.ipn.max-applying`), before answering 503; `0s` answers 503 at once.",
            Parsers.duration(Duration.ZERO, Duration.ofMinutes(1)));
    public static final Setting<Integer> IPN_MAX_APPLYING = new Setting<>("payop.ipn.max-applying", "number",
            String.valueOf(IpnProcessor.DEFAULT_MAX_APPLYING), IPN,
            "How many IPNs one node applies at once (journal, order check, handlers); the others wait their turn"
            + " in arrival order, for at most `payop.ipn.duplicate-wait`, then answer 503 and Payop retries.",
            Parsers.integer(1, 1_000, "how many IPNs one node applies at once"));
    public static final Setting<Duration> IPN_RETENTION = new Setting<>("payop.ipn.retention", "duration",
            Durations.format(IpnProcessor.DEFAULT_RETENTION), IPN,
            "Journaled deliveries older than this are purged (the adapter purges hourly; Java SE:"
            + " `IpnProcessor.purge()`); claims and invoice records are kept at least 48h, so Payop's repeats stay"
            + " `duplicate`.", Parsers.duration(Duration.ofHours(1), Duration.ofDays(3650)));
    public static final Setting<Boolean> IPN_REFUND_DOUBLE_PAYMENTS = new Setting<>(
            "payop.ipn.refund-double-payments", "true/false", "false", IPN,
            "Refund a second payment of an already paid order in full, automatically and once (recorded; never"
            + " retried). Either way it is an `ALREADY_PAID` anomaly naming both transactions.", Parsers.bool());
    public static final Setting<Boolean> RECONCILE_ENABLED = new Setting<>("payop.reconcile.enabled", "true/false",
            "true", IPN, "Run the reconciliation sweep (the adapter, on the server's"
            + " `ManagedScheduledExecutorService`); needs the JWT token.", Parsers.bool());
    public static final Setting<Duration> RECONCILE_DELAY = new Setting<>("payop.reconcile.delay", "duration",
            Durations.format(IpnProcessor.DEFAULT_RECONCILE_AFTER), IPN,
            "An invoice without a final state this long after its creation is asked about (invoice, then"
            + " transaction); a final state is applied through the IPN's own claim.",
            Parsers.duration(Duration.ofSeconds(1), Duration.ofHours(24)));
    public static final Setting<Duration> RECONCILE_INTERVAL = new Setting<>("payop.reconcile.interval", "duration",
            Durations.format(IpnProcessor.DEFAULT_RECONCILE_EVERY), IPN,
            "How often the sweep runs, and how soon it asks about one invoice again.",
            Parsers.duration(Duration.ofSeconds(1), Duration.ofHours(24)));

    private static final List<Setting<?>> ALL = List.of(PUBLIC_KEY, SECRET_KEY, JWT_TOKEN, JWT_EXPIRY_WARNING,
            PROJECT_ID, API_URL, CHECKOUT_URL, HTTP_CONNECT_TIMEOUT, HTTP_READ_TIMEOUT, HTTP_MAX_ATTEMPTS, LANGUAGE,
            RESULT_URL, FAIL_URL, CARD_METHOD, PAYMENT_METHODS_CACHE, PAGES_TEMPLATE, PAGES_STYLESHEET,
            WITHDRAWAL_CERTIFICATE, IPN_ENABLED, IPN_PATH, IPN_ALLOWED_IPS, IPN_TRUSTED_PROXIES, IPN_VERIFY_WITH_API,
            IPN_DATASOURCE, IPN_TABLE_PREFIX, IPN_MAX_BODY_BYTES, IPN_LEASE, IPN_DUPLICATE_WAIT, IPN_MAX_APPLYING,
            IPN_RETENTION, IPN_REFUND_DOUBLE_PAYMENTS, RECONCILE_ENABLED, RECONCILE_DELAY, RECONCILE_INTERVAL);

    private final String key;
    private final String type;
    private final String defaultValue;
    private final Set<Role> roles;
    private final String description;
    private final boolean secret;
    private final Parser<T> parser;
    private final List<Alias> aliases;

    private Setting(String key, String type, String defaultValue, Set<Role> roles, String description,
            Parser<T> parser, Alias... aliases) {
        this(key, type, defaultValue, roles, description, parser, List.of(aliases), false);
    }

    private Setting(String key, String type, String defaultValue, Set<Role> roles, String description,
            Parser<T> parser, List<Alias> aliases, boolean secret) {
        this.key = key;
        this.type = type;
        this.defaultValue = defaultValue;
        this.roles = roles;
        this.description = description;
        this.parser = parser;
        this.aliases = aliases;
        this.secret = secret;
    }

    private static Setting<String> secret(String key, Set<Role> roles, String description, Parser<String> parser) {
        return new Setting<>(key, "secret", null, roles, description + " Keep it in the environment variable `"
                + KeyNames.environmentForm(key) + "`.", parser, List.of(), true);
    }

    /** Every setting, in the order of the README's table and of the problems a reading reports. */
    public static List<Setting<?>> all() {
        return ALL;
    }

    /** The key, for example {@code payop.http.read-timeout}. */
    public String key() {
        return key;
    }

    /** The same key as an environment variable: {@code PAYOP_HTTP_READ_TIMEOUT}. */
    public String environmentVariable() {
        return KeyNames.environmentForm(key);
    }

    /** What kind of value it takes: {@code duration}, {@code URL}, {@code true/false}, ... */
    public String type() {
        return type;
    }

    /** The value used when it is not set, as one would write it; empty when there is none. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** The roles that read it. */
    public Set<Role> roles() {
        return roles;
    }

    /** One line saying what it does. */
    public String description() {
        return description;
    }

    /** Whether its value is a secret: never logged, shown or put into a message. */
    public boolean isSecret() {
        return secret;
    }

    /** Its old names, read (with a warning) when the key itself is not set. */
    public List<String> oldKeys() {
        return aliases.stream().map(Alias::oldKey).toList();
    }

    Parser<T> parser() {
        return parser;
    }

    List<Alias> aliases() {
        return aliases;
    }

    @Override
    public String toString() {
        return key;
    }
}
