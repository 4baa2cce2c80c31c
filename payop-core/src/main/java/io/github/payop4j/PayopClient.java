package io.github.payop4j;

import io.github.payop4j.balance.Wallet;
import io.github.payop4j.checkout.Checkout;
import io.github.payop4j.internal.api.ApiContext;
import io.github.payop4j.internal.api.CheckoutApi;
import io.github.payop4j.internal.api.InvoicesApi;
import io.github.payop4j.internal.api.PaymentMethodsApi;
import io.github.payop4j.internal.api.RefundsApi;
import io.github.payop4j.internal.api.TransactionsApi;
import io.github.payop4j.internal.api.WalletApi;
import io.github.payop4j.internal.api.WithdrawalsApi;
import io.github.payop4j.internal.config.Urls;
import io.github.payop4j.internal.http.Sleeper;
import io.github.payop4j.internal.http.TokenWatch;
import io.github.payop4j.internal.http.Transport;
import io.github.payop4j.internal.http.UserAgent;
import io.github.payop4j.internal.json.JsonCodec;
import io.github.payop4j.invoice.Invoices;
import io.github.payop4j.method.PaymentMethods;
import io.github.payop4j.refund.Refunds;
import io.github.payop4j.transaction.Transactions;
import io.github.payop4j.withdrawal.WithdrawalCertificate;
import io.github.payop4j.withdrawal.Withdrawals;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Payop API client: one per Payop project, immutable, thread-safe, meant to be shared.
 *
 * <pre>{@code
 * PayopClient payop = PayopClient.builder()
 *         .publicKey("application-...")
 *         .secretKey(System.getenv("PAYOP_SECRET_KEY"))
 *         .build();
 * CreatedInvoice invoice = payop.invoices().create(InvoiceRequest.builder()...build());
 * }</pre>
 *
 * <p>HTTP goes through the Jakarta REST client API and JSON through JSON-P: inside WildFly or
 * Payara the server's implementations are used; on Java SE add Jersey and Yasson. Close the
 * client to release the HTTP client it created (a client you supplied is left open).
 */
public final class PayopClient implements AutoCloseable {

    /** Payop's production API. */
    public static final URI DEFAULT_API_URL = URI.create("https://api.payop.com");
    /** Payop's hosted checkout pages. */
    public static final URI DEFAULT_CHECKOUT_URL = URI.create("https://checkout.payop.com");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    /** How long before the JWT token's expiry the client warns when it is built. */
    public static final Duration DEFAULT_TOKEN_EXPIRY_WARNING = Duration.ofDays(14);
    private static final System.Logger LOG = System.getLogger("io.github.payop4j.config");

    private final ClientSettings settings;
    private final Transport transport;
    private final Invoices invoices;
    private final PaymentMethods paymentMethods;
    private final Checkout checkout;
    private final Transactions transactions;
    private final Refunds refunds;
    private final Withdrawals withdrawals;
    private final Wallet wallet;
    private final TokenWatch token;

    private PayopClient(ClientSettings s, Client client, boolean ownsClient, Sleeper sleeper) {
        this.settings = s;
        List<String> secrets = new ArrayList<>();
        secrets.add(s.secretKey);
        secrets.add(s.jwtToken);
        JsonCodec json = jsonCodec();
        this.token = TokenWatch.of(s.jwtToken, json, Clock.systemUTC());
        this.transport = new Transport(client, ownsClient, s.apiUrl, s.jwtToken, UserAgent.of(s.appInfo),
                s.retryPolicy, json, sleeper, secrets, token);
        ApiContext ctx = new ApiContext(transport, s.publicKey, s.secretKey, s.projectId, s.checkoutUrl, s.certificate);
        this.invoices = new InvoicesApi(ctx);
        this.paymentMethods = new PaymentMethodsApi(ctx);
        this.checkout = new CheckoutApi(ctx);
        this.transactions = new TransactionsApi(ctx);
        this.refunds = new RefundsApi(ctx);
        this.withdrawals = new WithdrawalsApi(ctx);
        this.wallet = new WalletApi(ctx);
    }

    /** An empty builder: set what the operations you use need, then {@link Builder#build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Invoices and the hosted payment page. */
    public Invoices invoices() {
        return invoices;
    }

    /** The project's payment methods and the payer fields they need. */
    public PaymentMethods paymentMethods() {
        return paymentMethods;
    }

    /** Card tokens, checkout transactions, next steps, void. */
    public Checkout checkout() {
        return checkout;
    }

    /** Transaction details. */
    public Transactions transactions() {
        return transactions;
    }

    /** Refunds. */
    public Refunds refunds() {
        return refunds;
    }

    /** Payouts. */
    public Withdrawals withdrawals() {
        return withdrawals;
    }

    /** Wallet balances. */
    public Wallet wallet() {
        return wallet;
    }

    /** The API base URL requests go to. */
    public URI apiUrl() {
        return settings.apiUrl;
    }

    /** Whether a JWT token is configured (needed for transactions, refunds, withdrawals, balances). */
    public boolean hasJwtToken() {
        return settings.jwtToken != null;
    }

    /**
     * When the JWT token expires: its {@code exp} claim, read from the token's payload when the
     * client was built. Empty without a token, or for a token that is not a JWT with {@code exp}.
     */
    public Optional<Instant> tokenExpiresAt() {
        return token.expiresAt();
    }

    /**
     * Why the JWT token cannot be used now: it has expired, or the Payop API answered an
     * authenticated call with 401 (and none succeeded since). Empty while the token is usable or
     * there is none. A readiness check reports this; the fix is a new token from the Payop dashboard.
     */
    public Optional<String> tokenProblem() {
        return token.problem();
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "PayopClient[apiUrl=" + settings.apiUrl + ", checkoutUrl=" + settings.checkoutUrl
                + ", projectId=" + settings.projectId + ", publicKey=" + settings.publicKey
                + ", secretKey=" + (settings.secretKey == null ? "unset" : "***")
                + ", jwtToken=" + (settings.jwtToken == null ? "unset" : "***") + "]";
    }

    private static JsonCodec jsonCodec() {
        try {
            return new JsonCodec();
        } catch (RuntimeException e) {
            throw new IllegalStateException("No Jakarta JSON Processing implementation was found. Inside WildFly or"
                    + " Payara the server provides one; on Java SE add org.eclipse:yasson (which brings"
                    + " org.eclipse.parsson:parsson) to the class path.", e);
        }
    }

    /**
     * Configures a {@link PayopClient}. Which settings are needed depends on what the shop does:
     * invoices need the public and secret key; payment methods, transactions, refunds, withdrawals
     * and balances need the JWT token (and payment methods the project id). An operation whose
     * setting is missing fails with a message naming it.
     */
    public static final class Builder {

        private final ClientSettings s = new ClientSettings();
        private Duration connectTimeout;
        private Duration readTimeout;
        private Client client;
        private Sleeper sleeper = Sleeper.REAL;

        Builder() {
        }

        /** The project's public key ("application-..."), sent with invoices. */
        public Builder publicKey(String value) {
            s.publicKey = nonBlank(value, "publicKey");
            return this;
        }

        /** The project's secret key; it only signs invoices and is never sent, logged or printed. */
        public Builder secretKey(String value) {
            s.secretKey = nonBlank(value, "secretKey");
            return this;
        }

        /** The JWT token for authenticated endpoints (with or without a leading "Bearer "). */
        public Builder jwtToken(String value) {
            String token = nonBlank(value, "jwtToken");
            if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
                token = token.substring(7).trim();
            }
            if (!token.matches("[\\x21-\\x7e]+")) {
                throw new IllegalArgumentException("jwtToken contains spaces or control characters; paste the token"
                        + " exactly as the Payop dashboard shows it");
            }
            s.jwtToken = token;
            return this;
        }

        /** The project (application) id, for listing payment methods. */
        public Builder projectId(String value) {
            s.projectId = nonBlank(value, "projectId");
            return this;
        }

        /** The API base URL; default {@code https://api.payop.com}. Plain http only for loopback stubs. */
        public Builder apiUrl(URI value) {
            s.apiUrl = checkBaseUrl(value, "apiUrl");
            return this;
        }

        public Builder apiUrl(String value) {
            return apiUrl(URI.create(nonBlank(value, "apiUrl")));
        }

        /** The hosted checkout base URL; default {@code https://checkout.payop.com}. */
        public Builder checkoutUrl(URI value) {
            s.checkoutUrl = checkBaseUrl(value, "checkoutUrl");
            return this;
        }

        public Builder checkoutUrl(String value) {
            return checkoutUrl(URI.create(nonBlank(value, "checkoutUrl")));
        }

        /** How long to wait for a connection; default 10 s. */
        public Builder connectTimeout(Duration value) {
            connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        /** How long to wait for an answer; default 30 s. */
        public Builder readTimeout(Duration value) {
            readTimeout = positive(value, "readTimeout");
            return this;
        }

        /** When to retry; default {@link RetryPolicy#DEFAULT}. */
        public Builder retryPolicy(RetryPolicy value) {
            s.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
            return this;
        }

        /**
         * A Jakarta REST client to use instead of creating one (for example the server's, with its
         * proxy and TLS settings). Its own timeouts apply; it is not closed by {@link PayopClient#close()}.
         */
        public Builder client(Client value) {
            this.client = Objects.requireNonNull(value, "client");
            return this;
        }

        /** Appended to the User-Agent, for example "my-shop/2.3". */
        public Builder appInfo(String value) {
            if (value != null && !value.matches("[\\x20-\\x7e]{1,100}")) {
                throw new IllegalArgumentException("appInfo must be 1 to 100 printable ASCII characters");
            }
            s.appInfo = value;
            return this;
        }

        /** The X25519 certificate that withdrawal payloads are sealed to. */
        public Builder withdrawalCertificate(WithdrawalCertificate value) {
            s.certificate = value;
            return this;
        }

        /**
         * How long before the JWT token expires {@link #build()} logs a warning
         * ({@code PAYOP-CONFIG-004}); default 14 days. An expired token is logged as an error
         * ({@code PAYOP-CONFIG-005}). The token itself is never logged.
         */
        public Builder tokenExpiryWarning(Duration value) {
            s.tokenExpiryWarning = positive(value, "tokenExpiryWarning");
            return this;
        }

        /** Tests observe retry delays instead of waiting. */
        Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /**
         * Creates the client.
         *
         * @throws IllegalStateException if timeouts are set together with a supplied client, or no
         *     Jakarta REST client implementation is available
         */
        public PayopClient build() {
            if (client != null) {
                if (connectTimeout != null || readTimeout != null) {
                    throw new IllegalStateException("Timeouts cannot be applied to a Jakarta REST client you supply:"
                            + " configure them on that client, or let PayopClient create its own.");
                }
                return announce(new PayopClient(snapshot(), client, false, sleeper));
            }
            Duration connect = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
            Duration read = readTimeout == null ? DEFAULT_READ_TIMEOUT : readTimeout;
            Client created;
            try {
                created = ClientBuilder.newBuilder()
                        .connectTimeout(connect.toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout(read.toMillis(), TimeUnit.MILLISECONDS)
                        .build();
            } catch (RuntimeException | LinkageError e) {
                throw new IllegalStateException("No Jakarta REST client implementation was found. Inside WildFly or"
                        + " Payara the server provides one; on Java SE add org.glassfish.jersey.core:jersey-client"
                        + " and org.eclipse:yasson to the class path.", e);
            }
            return announce(new PayopClient(snapshot(), created, true, sleeper));
        }

        /** Start-up is when a shop still has time to replace an expiring token: say so then. */
        private PayopClient announce(PayopClient built) {
            built.tokenExpiresAt().ifPresent(expiry -> {
                Duration left = Duration.between(Instant.now(), expiry);
                if (left.isNegative() || left.isZero()) {
                    LOG.log(System.Logger.Level.ERROR, "PAYOP-CONFIG-005 The JWT token (payop.jwt-token) expired at "
                            + expiry + ": IPN confirmation, transactions, refunds and payouts fail. Create a new token"
                            + " in the Payop dashboard and set it.");
                } else if (left.compareTo(built.settings.tokenExpiryWarning) <= 0) {
                    LOG.log(System.Logger.Level.WARNING, "PAYOP-CONFIG-004 The JWT token (payop.jwt-token) expires at "
                            + expiry + ", in " + left.toDays() + " days " + left.toHoursPart() + " hours: create a new"
                            + " token in the Payop dashboard and set it before then.");
                }
            });
            return built;
        }

        private ClientSettings snapshot() {
            return s.copy();
        }

        private static String nonBlank(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value.trim();
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration");
            }
            return value;
        }

        /** https anywhere, http only to this machine: the rule of the settings too ({@link Urls}). */
        private static URI checkBaseUrl(URI value, String name) {
            Objects.requireNonNull(value, name);
            try {
                return Urls.base(value.toString(), name + " \"" + value + "\"",
                        (name.equals("apiUrl") ? DEFAULT_API_URL : DEFAULT_CHECKOUT_URL).toString());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().startsWith(name) ? e.getMessage()
                        : name + " " + e.getMessage(), e);
            }
        }
    }
}
