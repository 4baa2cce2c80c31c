package io.github.payop4j;

import io.github.payop4j.internal.http.Sleeper;
import io.github.payop4j.withdrawal.WithdrawalCertificate;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Configures a {@link PayopClient}. Which settings are needed depends on what the shop does:
 * invoices need the public and secret key; payment methods, transactions, refunds, withdrawals
 * and balances need the JWT token (and payment methods the project id). An operation whose
 * setting is missing fails with a message naming it.
 */
public final class PayopClientBuilder {

    private final PayopClient.Settings s = new PayopClient.Settings();
    private Duration connectTimeout;
    private Duration readTimeout;
    private Client client;
    private Sleeper sleeper = Sleeper.REAL;

    PayopClientBuilder() {
    }

    /** The project's public key ("application-..."), sent with invoices. */
    public PayopClientBuilder publicKey(String value) {
        s.publicKey = nonBlank(value, "publicKey");
        return this;
    }

    /** The project's secret key; it only signs invoices and is never sent, logged or printed. */
    public PayopClientBuilder secretKey(String value) {
        s.secretKey = nonBlank(value, "secretKey");
        return this;
    }

    /** The JWT token for authenticated endpoints (with or without a leading "Bearer "). */
    public PayopClientBuilder jwtToken(String value) {
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
    public PayopClientBuilder projectId(String value) {
        s.projectId = nonBlank(value, "projectId");
        return this;
    }

    /** The API base URL; default {@code https://api.payop.com}. Plain http only for loopback stubs. */
    public PayopClientBuilder apiUrl(URI value) {
        s.apiUrl = checkBaseUrl(value, "apiUrl");
        return this;
    }

    public PayopClientBuilder apiUrl(String value) {
        return apiUrl(URI.create(nonBlank(value, "apiUrl")));
    }

    /** The hosted checkout base URL; default {@code https://checkout.payop.com}. */
    public PayopClientBuilder checkoutUrl(URI value) {
        s.checkoutUrl = checkBaseUrl(value, "checkoutUrl");
        return this;
    }

    public PayopClientBuilder checkoutUrl(String value) {
        return checkoutUrl(URI.create(nonBlank(value, "checkoutUrl")));
    }

    /** How long to wait for a connection; default 10 s. */
    public PayopClientBuilder connectTimeout(Duration value) {
        connectTimeout = positive(value, "connectTimeout");
        return this;
    }

    /** How long to wait for an answer; default 30 s. */
    public PayopClientBuilder readTimeout(Duration value) {
        readTimeout = positive(value, "readTimeout");
        return this;
    }

    /** When to retry; default {@link RetryPolicy#DEFAULT}. */
    public PayopClientBuilder retryPolicy(RetryPolicy value) {
        s.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
        return this;
    }

    /**
     * A Jakarta REST client to use instead of creating one (for example the server's, with its
     * proxy and TLS settings). Its own timeouts apply; it is not closed by {@link PayopClient#close()}.
     */
    public PayopClientBuilder client(Client value) {
        this.client = Objects.requireNonNull(value, "client");
        return this;
    }

    /** Appended to the User-Agent, for example "my-shop/2.3". */
    public PayopClientBuilder appInfo(String value) {
        if (value != null && !value.matches("[\\x20-\\x7e]{1,100}")) {
            throw new IllegalArgumentException("appInfo must be 1 to 100 printable ASCII characters");
        }
        s.appInfo = value;
        return this;
    }

    /** The X25519 certificate that withdrawal payloads are sealed to. */
    public PayopClientBuilder withdrawalCertificate(WithdrawalCertificate value) {
        s.certificate = value;
        return this;
    }

    /** Tests observe retry delays instead of waiting. */
    PayopClientBuilder sleeper(Sleeper value) {
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
            return PayopClient.create(snapshot(), client, false, sleeper);
        }
        Duration connect = connectTimeout == null ? PayopClient.DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        Duration read = readTimeout == null ? PayopClient.DEFAULT_READ_TIMEOUT : readTimeout;
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
        return PayopClient.create(snapshot(), created, true, sleeper);
    }

    private PayopClient.Settings snapshot() {
        PayopClient.Settings copy = new PayopClient.Settings();
        copy.publicKey = s.publicKey;
        copy.secretKey = s.secretKey;
        copy.jwtToken = s.jwtToken;
        copy.projectId = s.projectId;
        copy.apiUrl = s.apiUrl;
        copy.checkoutUrl = s.checkoutUrl;
        copy.retryPolicy = s.retryPolicy;
        copy.appInfo = s.appInfo;
        copy.certificate = s.certificate;
        return copy;
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

    /** https anywhere; http only to this machine, so secrets never cross a network in clear text. */
    private static URI checkBaseUrl(URI value, String name) {
        Objects.requireNonNull(value, name);
        String scheme = value.getScheme() == null ? "" : value.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!value.isAbsolute() || value.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException(name + " \"" + value + "\" must be an absolute https URL");
        }
        if (value.getRawQuery() != null || value.getRawFragment() != null || value.getRawUserInfo() != null) {
            throw new IllegalArgumentException(name + " \"" + value + "\" must not have a query, fragment or user info");
        }
        if (scheme.equals("http") && !isLoopback(value.getHost())) {
            throw new IllegalArgumentException(name + " \"" + value + "\" uses plain http: keys and tokens would"
                    + " cross the network unencrypted. Use https (plain http is allowed only for localhost stubs).");
        }
        return value;
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
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
