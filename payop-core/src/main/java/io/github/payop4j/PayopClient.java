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
import io.github.payop4j.internal.http.Sleeper;
import io.github.payop4j.internal.http.Transport;
import io.github.payop4j.internal.json.JsonCodec;
import io.github.payop4j.invoice.Invoices;
import io.github.payop4j.method.PaymentMethods;
import io.github.payop4j.refund.Refunds;
import io.github.payop4j.transaction.Transactions;
import io.github.payop4j.withdrawal.WithdrawalCertificate;
import io.github.payop4j.withdrawal.Withdrawals;
import jakarta.ws.rs.client.Client;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

    private final Settings settings;
    private final Transport transport;
    private final Invoices invoices;
    private final PaymentMethods paymentMethods;
    private final Checkout checkout;
    private final Transactions transactions;
    private final Refunds refunds;
    private final Withdrawals withdrawals;
    private final Wallet wallet;

    private PayopClient(Settings s, Client client, boolean ownsClient, Sleeper sleeper) {
        this.settings = s;
        List<String> secrets = new ArrayList<>();
        secrets.add(s.secretKey);
        secrets.add(s.jwtToken);
        this.transport = new Transport(client, ownsClient, s.apiUrl, s.jwtToken, userAgent(s.appInfo),
                s.retryPolicy, jsonCodec(), sleeper, secrets);
        ApiContext ctx = new ApiContext(transport, s.publicKey, s.secretKey, s.projectId, s.checkoutUrl, s.certificate);
        this.invoices = new InvoicesApi(ctx);
        this.paymentMethods = new PaymentMethodsApi(ctx);
        this.checkout = new CheckoutApi(ctx);
        this.transactions = new TransactionsApi(ctx);
        this.refunds = new RefundsApi(ctx);
        this.withdrawals = new WithdrawalsApi(ctx);
        this.wallet = new WalletApi(ctx);
    }

    public static PayopClientBuilder builder() {
        return new PayopClientBuilder();
    }

    static PayopClient create(Settings settings, Client client, boolean ownsClient, Sleeper sleeper) {
        return new PayopClient(settings, client, ownsClient, sleeper);
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

    private static String userAgent(String appInfo) {
        String version = PayopClient.class.getPackage().getImplementationVersion();
        String agent = "payop4j/" + (version == null ? "dev" : version) + " Java/" + Runtime.version().feature();
        return appInfo == null ? agent : agent + " " + appInfo;
    }

    /** The validated configuration of one client. Holds secrets: no toString. */
    static final class Settings {
        String publicKey;
        String secretKey;
        String jwtToken;
        String projectId;
        URI apiUrl = DEFAULT_API_URL;
        URI checkoutUrl = DEFAULT_CHECKOUT_URL;
        RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        String appInfo;
        WithdrawalCertificate certificate;
    }
}
