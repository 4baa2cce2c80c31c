package io.github.payop4j.config;

import io.github.payop4j.PayopClient;
import io.github.payop4j.internal.config.Parsers;
import io.github.payop4j.invoice.CheckoutLanguage;
import io.github.payop4j.ipn.IpnJournal;
import io.github.payop4j.ipn.IpnProcessor;
import io.github.payop4j.ipn.IpnSourcePolicy;
import io.github.payop4j.withdrawal.WithdrawalCertificate;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The validated {@code payop.*} settings of one deployment (every key is a {@link Setting}),
 * and the one place that turns them into a {@link PayopClient} and an {@link IpnProcessor}.
 * Immutable; {@link #toString()} hides secrets. The CDI adapter reads them from MicroProfile
 * Config, payop-ipn-servlet from context parameters, MicroProfile Config, system properties and
 * environment variables; both through {@link #read}.
 *
 * <pre>{@code
 * PayopSettings settings = PayopSettings.read(SettingsSource.environmentVariables(), Role.CHECKOUT);
 * try (PayopClient payop = settings.clientBuilder().appInfo("my-shop/2.3").build()) { ... }
 * }</pre>
 */
public final class PayopSettings {

    private final Map<Setting<?>, Object> values;

    PayopSettings(Map<Setting<?>, Object> values) {
        this.values = new LinkedHashMap<>(values);
    }

    /**
     * Reads every setting from {@code source} and validates them together.
     *
     * @param roles what the deployment does; decides which settings are required
     * @throws PayopConfigurationException listing every problem, without secret values
     */
    public static PayopSettings read(SettingsSource source, Role... roles) {
        Set<Role> set = EnumSet.noneOf(Role.class);
        set.addAll(Arrays.asList(roles));
        return new SettingsReader(source).read(set);
    }

    /**
     * What a deployment should be told about its configuration, each line with its stable log
     * id: old keys still in use ({@code PAYOP-CONFIG-001}, naming the new key) and names that
     * look like payop4j settings but are none ({@code PAYOP-CONFIG-002}, "did you mean ...").
     * Names are compared in their environment-variable form, so {@code PAYOP_JWT_TOKEN} and
     * {@code payop.jwt.token} are {@code payop.jwt-token}.
     *
     * @param names every name the configuration holds (for example MicroProfile Config's
     *     property names), for the unknown-name check
     */
    public static List<String> warnings(SettingsSource source, Iterable<String> names) {
        return ConfigWarnings.of(source, names);
    }

    /**
     * A client builder with every client setting applied (keys, token, project, URLs, timeouts,
     * attempts, withdrawal certificate); add {@code appInfo} and build it.
     */
    public PayopClient.Builder clientBuilder() {
        return Assembly.clientBuilder(this);
    }

    /**
     * An IPN processor builder with every {@code payop.ipn.*} setting applied: API confirmation,
     * allowed sources and trusted proxies, the journal ({@code payop.ipn.datasource} found through
     * {@code dataSources}, or memory for {@code none}), lease, body cap, retention, reconciliation
     * delay and interval, refunds of double payments. Add the handlers, the
     * order lookup and the transactions of the environment, and build it.
     *
     * @param client the client that confirms IPNs; may be {@code null} only when
     *     {@link #verifyIpnWithApi()} is false
     * @param journalOptions how the JDBC journal meets transactions; its table prefix is
     *     replaced by {@code payop.ipn.table-prefix}
     * @throws PayopConfigurationException when the DataSource is not found
     */
    public IpnProcessor.Builder ipnProcessorBuilder(PayopClient client, DataSourceLookup dataSources,
            IpnJournal.JdbcOptions journalOptions) {
        return Assembly.ipnProcessorBuilder(this, client, dataSources, journalOptions);
    }

    public Optional<String> publicKey() {
        return optional(Setting.PUBLIC_KEY);
    }

    public Optional<String> secretKey() {
        return optional(Setting.SECRET_KEY);
    }

    public Optional<String> jwtToken() {
        return optional(Setting.JWT_TOKEN);
    }

    /**
     * When the JWT token expires: its {@code exp} claim (read from the token's payload, as the
     * client reads it), empty without a token or for one that is not a JWT with {@code exp}. Lets a
     * readiness check report an expired token before any client exists.
     */
    public Optional<java.time.Instant> jwtTokenExpiresAt() {
        return jwtToken().flatMap(t -> io.github.payop4j.internal.http.TokenWatch.expiresAt(t));
    }

    /**
     * Why the JWT token cannot be used now as far as the settings tell: it has expired (the text
     * names the fix), else empty. A built client also knows whether the API refused the token:
     * {@link io.github.payop4j.PayopClient#tokenProblem()}.
     */
    public Optional<String> jwtTokenProblem() {
        return io.github.payop4j.internal.http.TokenWatch.expired(jwtTokenExpiresAt().orElse(null),
                java.time.Instant.now());
    }

    /** {@code payop.jwt-expiry-warning}. */
    public Duration jwtExpiryWarning() {
        return get(Setting.JWT_EXPIRY_WARNING);
    }

    public Optional<String> projectId() {
        return optional(Setting.PROJECT_ID);
    }

    public URI apiUrl() {
        return get(Setting.API_URL);
    }

    public URI checkoutUrl() {
        return get(Setting.CHECKOUT_URL);
    }

    public Duration connectTimeout() {
        return get(Setting.HTTP_CONNECT_TIMEOUT);
    }

    public Duration readTimeout() {
        return get(Setting.HTTP_READ_TIMEOUT);
    }

    public int maxAttempts() {
        return get(Setting.HTTP_MAX_ATTEMPTS);
    }

    public CheckoutLanguage language() {
        return get(Setting.LANGUAGE);
    }

    public Optional<String> resultUrl() {
        return optional(Setting.RESULT_URL);
    }

    public Optional<String> failUrl() {
        return optional(Setting.FAIL_URL);
    }

    public int cardMethod() {
        return get(Setting.CARD_METHOD);
    }

    /** How long the payment-method list may be reused; zero: fetched for every request. */
    public Duration paymentMethodsCache() {
        return get(Setting.PAYMENT_METHODS_CACHE);
    }

    /** The shop's template of the payer pages, a class path resource; empty for the built-in one. */
    public Optional<String> pagesTemplate() {
        return optional(Setting.PAGES_TEMPLATE);
    }

    /** A stylesheet the payer pages link (a path on the shop's server or an https URL). */
    public Optional<String> pagesStylesheet() {
        return optional(Setting.PAGES_STYLESHEET);
    }

    public Optional<WithdrawalCertificate> withdrawalCertificate() {
        return optional(Setting.WITHDRAWAL_CERTIFICATE);
    }

    /** Whether payment methods can be listed: both the JWT token and the project id are set. */
    public boolean canListPaymentMethods() {
        return jwtToken().isPresent() && projectId().isPresent();
    }

    public boolean ipnEnabled() {
        return get(Setting.IPN_ENABLED);
    }

    public String ipnPath() {
        return get(Setting.IPN_PATH);
    }

    /** {@code payop.ipn.allowed-ips} and {@code payop.ipn.trusted-proxies}. */
    public IpnSourcePolicy ipnSources() {
        return IpnSourcePolicy.builder().allow(get(Setting.IPN_ALLOWED_IPS))
                .trustProxies(optional(Setting.IPN_TRUSTED_PROXIES).orElse(List.of())).build();
    }

    public boolean verifyIpnWithApi() {
        return get(Setting.IPN_VERIFY_WITH_API);
    }

    /** The JNDI name of the journal's DataSource; empty for the in-memory journal ({@code none}). */
    public Optional<String> ipnDataSource() {
        String name = get(Setting.IPN_DATASOURCE);
        return name.equals(Parsers.NO_DATASOURCE) ? Optional.empty() : Optional.of(name);
    }

    public String ipnTablePrefix() {
        return get(Setting.IPN_TABLE_PREFIX);
    }

    public int ipnMaxBodyBytes() {
        return get(Setting.IPN_MAX_BODY_BYTES);
    }

    public Duration ipnLease() {
        return get(Setting.IPN_LEASE);
    }

    public Duration ipnDuplicateWait() {
        return get(Setting.IPN_DUPLICATE_WAIT);
    }

    public int ipnMaxApplying() {
        return get(Setting.IPN_MAX_APPLYING);
    }

    /** {@code payop.ipn.retention}: how long journaled deliveries are kept. */
    public Duration ipnRetention() {
        return get(Setting.IPN_RETENTION);
    }

    public boolean refundDoublePayments() {
        return get(Setting.IPN_REFUND_DOUBLE_PAYMENTS);
    }

    /** {@code payop.reconcile.enabled}: whether an integration schedules the reconciliation sweep. */
    public boolean reconcileEnabled() {
        return get(Setting.RECONCILE_ENABLED);
    }

    public Duration reconcileDelay() {
        return get(Setting.RECONCILE_DELAY);
    }

    public Duration reconcileInterval() {
        return get(Setting.RECONCILE_INTERVAL);
    }

    @SuppressWarnings("unchecked")
    private <T> T get(Setting<T> setting) {
        Object v = values.get(setting);
        if (v == null) {
            throw new IllegalStateException(setting.key() + " has no value"); // a setting with a default
        }
        return (T) v;
    }

    @SuppressWarnings("unchecked")
    private <T> Optional<T> optional(Setting<T> setting) {
        return Optional.ofNullable((T) values.get(setting));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PayopSettings other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** Every setting; secrets as {@code ***}. */
    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(", ", "PayopSettings[", "]");
        for (Setting<?> s : Setting.all()) {
            Object v = values.get(s);
            out.add(s.key() + "=" + (v == null ? "unset" : s.isSecret() ? "***"
                    : v instanceof WithdrawalCertificate ? "set" : v));
        }
        return out.toString();
    }
}
