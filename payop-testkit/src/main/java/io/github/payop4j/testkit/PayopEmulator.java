package io.github.payop4j.testkit;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.payop4j.PayopClient;
import io.github.payop4j.internal.crypto.SealedBox;
import io.github.payop4j.testkit.internal.Checks;
import io.github.payop4j.testkit.internal.Emulation;
import io.github.payop4j.testkit.internal.Settings;
import io.github.payop4j.withdrawal.WithdrawalCertificate;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A stateful Payop on 127.0.0.1, on WireMock: the API with Payop's documented answers, a hosted
 * checkout page, and IPNs sent to the shop as Payop sends them (retried, repeated, late).
 *
 * <pre>{@code
 * try (PayopEmulator payop = PayopEmulator.builder().ipnUrl("http://127.0.0.1:8080/payop/ipn").start()) {
 *     PayopClient client = payop.client();          // or configure the shop with payop.clientProperties()
 *     String invoiceId = client.invoices().create(request).invoiceId();
 *     payop.pay(invoiceId);                         // as if the payer paid on the hosted page
 *     payop.awaitIpns(1, Duration.ofSeconds(5));    // the shop got the IPN
 * }
 * }</pre>
 *
 * <p>The configuration is fixed by the {@link Builder}; the state (invoices, payments, refunds,
 * payouts, balances, recorded IPNs, injected faults) lives until {@link #reset()} or
 * {@link #close()}. Thread-safe. Requests are also recorded by WireMock: {@link #wireMock()} gives
 * its {@code verify}, fault injection and one-off stubs, which win over the emulator.
 */
public final class PayopEmulator implements AutoCloseable {

    /**
     * Payop retries an unacknowledged IPN for 24 hours; these waits between attempts (about 24 h
     * in all) stand for that. Tests pass a compressed schedule.
     */
    public static final List<Duration> PAYOP_RETRY_SCHEDULE = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
            Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(8).minusMinutes(46));

    private final Emulation emulation;
    private volatile PayopClient client;

    private PayopEmulator(Emulation emulation) {
        this.emulation = emulation;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An emulator with the defaults, started. */
    public static PayopEmulator start() {
        return builder().start();
    }

    /** The API base URL to give the client ({@code payop.api-url}). */
    public URI apiUrl() {
        return URI.create(emulation.baseUrl());
    }

    /** The hosted-page base URL ({@code payop.checkout-url}). */
    public URI checkoutUrl() {
        return URI.create(emulation.checkoutUrl());
    }

    public int port() {
        return emulation.server().port();
    }

    public String publicKey() {
        return emulation.settings().publicKey();
    }

    public String secretKey() {
        return emulation.settings().secretKey();
    }

    public String jwtToken() {
        return emulation.settings().jwtToken();
    }

    public String projectId() {
        return emulation.settings().projectId();
    }

    /** The certificate ({@code x25519.pub}) the shop seals payouts to. */
    public WithdrawalCertificate withdrawalCertificate() {
        return WithdrawalCertificate.fromBytes(emulation.settings().payoutPublicKey());
    }

    /** The private half of the certificate, as Payop holds it: to open payouts in a test. */
    public byte[] withdrawalSecretKey() {
        return emulation.settings().payoutSecretKey().clone();
    }

    /** The address IPNs come from (the shop's allow-list must include it). */
    public String ipnSourceAddress() {
        return emulation.settings().ipnSource();
    }

    /**
     * The {@code payop.*} MicroProfile Config properties that point payop-jaxrs-adapter (and
     * payop-ipn-servlet) at this emulator, credentials and IPN allow-list included.
     */
    public Map<String, String> clientProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("payop.api-url", emulation.baseUrl());
        p.put("payop.checkout-url", emulation.checkoutUrl());
        p.put("payop.public-key", publicKey());
        p.put("payop.secret-key", secretKey());
        p.put("payop.jwt-token", jwtToken());
        p.put("payop.project-id", projectId());
        p.put("payop.withdrawal-certificate", Base64.getEncoder().encodeToString(emulation.settings().payoutPublicKey()));
        p.put("payop.ipn.allowed-ips", ipnSourceAddress());
        return p;
    }

    /** A client configured for this emulator (every credential set); closed with the emulator. */
    public PayopClient client() {
        PayopClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = PayopClient.builder()
                            .apiUrl(apiUrl())
                            .checkoutUrl(checkoutUrl())
                            .publicKey(publicKey())
                            .secretKey(secretKey())
                            .jwtToken(jwtToken())
                            .projectId(projectId())
                            .withdrawalCertificate(withdrawalCertificate())
                            .build();
                    client = c;
                }
            }
        }
        return c;
    }

    /** The WireMock server underneath: {@code verify}, extra stubs, WireMock's own faults. */
    public WireMockServer wireMock() {
        return emulation.server();
    }

    /**
     * Forgets everything: invoices, payments, refunds, payouts, recorded and pending IPNs, faults,
     * WireMock's request log and stubs; balances return to the opening balances and the IPN URL to
     * the configured one. Credentials and the port stay.
     */
    public void reset() {
        emulation.reset();
    }

    // --- driving payments without a browser -------------------------------------------------

    /**
     * Pays the invoice as a payer would on the hosted page: creates the transaction if there is
     * none (with the invoice's method, or the card method and {@link TestCards#SUCCESS}), passes a
     * pending 3-D Secure or bank step. Sends the IPN.
     *
     * @return the transaction id
     */
    public String pay(String invoiceId) {
        return emulation.pay(invoiceId, null);
    }

    /**
     * Pays with a card: the outcome is the test card's (see {@link TestCards}); a
     * {@link TestCards#THREE_D_SECURE} card leaves the payment waiting for the challenge, which
     * {@link #pay(String)} then passes and {@link #fail(String)} fails.
     *
     * @return the transaction id
     */
    public String pay(String invoiceId, String cardNumber) {
        return emulation.pay(invoiceId, Objects.requireNonNull(cardNumber, "cardNumber"));
    }

    /** Fails the invoice's payment (creating it if needed) and sends the IPN. @return the transaction id */
    public String fail(String invoiceId) {
        return emulation.fail(invoiceId);
    }

    /** Turns a failed payment into an accepted one and sends the IPN: Payop's "failed, then accepted". */
    public void acceptLate(String transactionId) {
        emulation.acceptLate(transactionId);
    }

    /** Switches card tokenization on or off (off: the card-token endpoint answers Payop's 403). */
    public void cardTokenization(boolean enabled) {
        emulation.store().tokenization(enabled);
    }

    // --- IPNs -----------------------------------------------------------------------------

    /** Where IPNs go now, or null when no IPN URL is set. */
    public URI ipnUrl() {
        return emulation.ipn().target();
    }

    /** Sends IPNs (from now on) to this URL; {@link #reset()} restores the configured one. */
    public void sendIpnsTo(URI ipnUrl) {
        emulation.ipn().target(Checks.ipnUrl(ipnUrl));
    }

    /** Every IPN delivery attempt so far, oldest first. */
    public List<SentIpn> sentIpns() {
        return emulation.ipn().sent();
    }

    /**
     * Waits until at least {@code count} delivery attempts were made.
     *
     * @throws IllegalStateException on timeout, listing what was sent
     */
    public List<SentIpn> awaitIpns(int count, Duration timeout) {
        try {
            return emulation.ipn().await(count, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for IPNs", e);
        }
    }

    /** Waits until every IPN is acknowledged or given up on (repeats and retries included). */
    public void awaitIpnsSettled(Duration timeout) {
        try {
            emulation.ipn().awaitIdle(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for IPNs", e);
        }
    }

    // --- faults ---------------------------------------------------------------------------

    /** Answers {@code operation} with {@code fault} (replacing a previous fault of that operation). */
    public void inject(Operation operation, ApiFault fault) {
        emulation.faults().inject(Objects.requireNonNull(operation, "operation"), Objects.requireNonNull(fault, "fault"));
    }

    public void clearFaults() {
        emulation.faults().clear();
    }

    /** Stops the server and the IPN thread; the port is free afterwards. */
    @Override
    public void close() {
        PayopClient c = client;
        try {
            if (c != null) {
                c.close();
            }
        } finally {
            emulation.close();
        }
    }

    @Override
    public String toString() {
        return "PayopEmulator[apiUrl=" + apiUrl() + ", checkoutUrl=" + checkoutUrl() + ", projectId=" + projectId()
                + ", ipnUrl=" + emulation.ipn().target() + "]";
    }

    /** Configures a {@link PayopEmulator}; every setting has a default. Not thread-safe. */
    public static final class Builder {
        private int port;
        private String publicKey = "application-" + Checks.randomHex(8);
        private String secretKey = "emulator-secret-" + Checks.randomHex(16);
        private String jwtToken = "emulator.jwt." + Checks.randomHex(24);
        private String projectId = Checks.randomHex(8);
        private List<EmulatedPaymentMethod> methods = EmulatedPaymentMethod.DEFAULTS;
        private boolean cardTokenization = true;
        private final Map<String, String> balances = new LinkedHashMap<>(Map.of("EUR", "0.00", "USD", "0.00"));
        private String ipnSource = "127.0.0.1";
        private URI ipnUrl;
        private List<Duration> retrySchedule = PAYOP_RETRY_SCHEDULE;
        private int ipnRepeats = 1;
        private Duration ipnDelay = Duration.ZERO;
        private boolean ipnOutOfOrder;
        private Duration lateAcceptance;
        private Duration settleDelay = Duration.ZERO;
        private Duration ipnTimeout = Duration.ofSeconds(10);

        private Builder() {
        }

        /** The port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port must be 0-65535, got " + value);
            }
            port = value;
            return this;
        }

        /** The shop's IPN URL (plain http; checkout, refund and withdrawal IPNs all go there). */
        public Builder ipnUrl(URI value) {
            ipnUrl = Checks.ipnUrl(value);
            return this;
        }

        public Builder ipnUrl(String value) {
            return ipnUrl(URI.create(Objects.requireNonNull(value, "ipnUrl")));
        }

        /** The loopback address IPNs come from, 127.0.0.1 by default; any 127.x.y.z works on Linux. */
        public Builder ipnSourceAddress(String value) {
            ipnSource = Checks.loopback(value);
            return this;
        }

        /** Waits between delivery attempts of an unacknowledged IPN; n waits allow n + 1 attempts. */
        public Builder ipnRetrySchedule(List<Duration> waits) {
            waits.forEach(w -> Checks.nonNegative(w, "retry wait"));
            retrySchedule = List.copyOf(waits);
            return this;
        }

        public Builder ipnRetrySchedule(Duration... waits) {
            return ipnRetrySchedule(List.of(waits));
        }

        /** How many times each IPN is delivered after the shop acknowledged it (1: no duplicates). */
        public Builder ipnRepeats(int value) {
            if (value < 1 || value > 100) {
                throw new IllegalArgumentException("ipnRepeats must be 1-100, got " + value);
            }
            ipnRepeats = value;
            return this;
        }

        /** A wait before the first delivery of every IPN. */
        public Builder ipnDelay(Duration value) {
            ipnDelay = Checks.nonNegative(value, "ipnDelay");
            return this;
        }

        /** IPNs raised close together (within the delay, at least 100 ms) are delivered newest first. */
        public Builder ipnOutOfOrder(boolean value) {
            ipnOutOfOrder = value;
            return this;
        }

        /** Payments that succeed fail first, then are accepted this long after the failure IPN was acknowledged. */
        public Builder lateAcceptance(Duration value) {
            lateAcceptance = Checks.nonNegative(value, "lateAcceptance");
            return this;
        }

        /** How long refunds and payouts stay new/pending before they are decided (default: at once). */
        public Builder settleDelay(Duration value) {
            settleDelay = Checks.nonNegative(value, "settleDelay");
            return this;
        }

        /** Connect and read timeout of one IPN delivery; default 10 s. */
        public Builder ipnTimeout(Duration value) {
            ipnTimeout = Checks.nonNegative(value, "ipnTimeout");
            return this;
        }

        /** The project's payment methods; default {@link EmulatedPaymentMethod#DEFAULTS}. */
        public Builder paymentMethods(List<EmulatedPaymentMethod> value) {
            if (value.isEmpty()) {
                throw new IllegalArgumentException("A project needs at least one payment method");
            }
            methods = List.copyOf(value);
            return this;
        }

        /** Whether server-to-server card tokenization is enabled (default true; off answers 403). */
        public Builder cardTokenization(boolean value) {
            cardTokenization = value;
            return this;
        }

        /** An opening available balance, e.g. {@code balance("EUR", "1000.00")}; EUR and USD open at 0. */
        public Builder balance(String currency, String amount) {
            if (currency == null || !currency.matches("[A-Z]{3}")) {
                throw new IllegalArgumentException("currency must be an ISO 4217 code, got " + currency);
            }
            balances.put(currency, new java.math.BigDecimal(amount).toPlainString());
            return this;
        }

        /** Fixed credentials instead of generated ones (for a shop configured by hand). */
        public Builder credentials(String publicKey, String secretKey, String jwtToken, String projectId) {
            this.publicKey = Checks.credential(publicKey, "publicKey");
            this.secretKey = Checks.credential(secretKey, "secretKey");
            this.jwtToken = Checks.credential(jwtToken, "jwtToken");
            this.projectId = Checks.credential(projectId, "projectId");
            return this;
        }

        /** Binds 127.0.0.1 and starts the emulator. */
        public PayopEmulator start() {
            byte[] secret = Checks.newPayoutKey();
            return new PayopEmulator(new Emulation(new Settings(port, publicKey, secretKey, jwtToken, projectId,
                    secret, SealedBox.publicKeyOf(secret), methods, cardTokenization, Map.copyOf(balances), ipnSource,
                    ipnUrl, retrySchedule, ipnRepeats, ipnDelay, ipnOutOfOrder, lateAcceptance, settleDelay,
                    ipnTimeout)));
        }
    }
}
