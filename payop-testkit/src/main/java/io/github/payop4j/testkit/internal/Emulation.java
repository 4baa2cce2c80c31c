package io.github.payop4j.testkit.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.payop4j.testkit.EmulatedPaymentMethod;
import io.github.payop4j.testkit.TestCards;
import io.github.payop4j.testkit.internal.api.CheckoutEndpoints;
import io.github.payop4j.testkit.internal.api.InvoiceEndpoints;
import io.github.payop4j.testkit.internal.api.Links;
import io.github.payop4j.testkit.internal.api.MoneyEndpoints;
import io.github.payop4j.testkit.internal.api.TransactionEndpoints;
import io.github.payop4j.testkit.internal.api.WithdrawalEndpoints;
import io.github.payop4j.testkit.internal.http.EmulatorTransformer;
import io.github.payop4j.testkit.internal.http.Faults;
import io.github.payop4j.testkit.internal.http.Route;
import io.github.payop4j.testkit.internal.http.Router;
import io.github.payop4j.testkit.internal.ipn.IpnSender;
import io.github.payop4j.testkit.internal.page.HostedPages;
import io.github.payop4j.testkit.internal.state.CardOnFile;
import io.github.payop4j.testkit.internal.state.InvoiceState;
import io.github.payop4j.testkit.internal.state.Payment;
import io.github.payop4j.testkit.internal.state.PaymentFlow;
import io.github.payop4j.testkit.internal.state.PayoutFlow;
import io.github.payop4j.testkit.internal.state.RefundFlow;
import io.github.payop4j.testkit.internal.state.Store;
import java.util.ArrayList;
import java.util.List;

/**
 * The running emulator: WireMock on 127.0.0.1 with one catch-all stub answered by the emulated
 * Payop, its state, and the IPN thread. {@code PayopEmulator} is the public face of this.
 */
public final class Emulation implements AutoCloseable {

    private final Settings settings;
    private final WireMockServer server;
    private final IpnSender ipn;
    private final Store store;
    private final PaymentFlow payments;
    private final Faults faults = new Faults();
    private final Links links;

    public Emulation(Settings settings) {
        this.settings = settings;
        this.ipn = new IpnSender(settings);
        this.store = new Store(settings, ipn);
        this.payments = new PaymentFlow(store);
        // The router needs the base URL, which needs the port: bind first, route on first request.
        RouterHolder holder = new RouterHolder();
        this.server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .port(settings.port())
                .containerThreads(16)
                .maxRequestJournalEntries(10_000) // a standalone emulator may run for days
                .extensions(new EmulatorTransformer(holder)));
        try {
            server.start();
        } catch (RuntimeException e) {
            ipn.close();
            throw new IllegalStateException("The Payop emulator could not listen on 127.0.0.1:" + settings.port()
                    + " (" + e.getMessage() + "); choose another port or 0 for a free one", e);
        }
        this.links = new Links("http://127.0.0.1:" + server.port());
        List<Route> routes = new ArrayList<>();
        routes.addAll(new InvoiceEndpoints(store).routes());
        routes.addAll(new CheckoutEndpoints(store, payments, links).routes());
        routes.addAll(new TransactionEndpoints(store).routes());
        routes.addAll(new MoneyEndpoints(store, new RefundFlow(store)).routes());
        routes.addAll(new WithdrawalEndpoints(store, new PayoutFlow(store)).routes());
        routes.addAll(new HostedPages(store, payments, links).routes());
        holder.router = new Router(routes, settings.jwtToken(), faults);
        stubCatchAll();
    }

    /** Lets the transformer exist before the routes (which need the bound port) do. */
    static final class RouterHolder implements java.util.function.Supplier<Router> {
        volatile Router router;

        @Override
        public Router get() {
            return router;
        }
    }

    private void stubCatchAll() {
        // Low priority (high number): a test's own stubs, at WireMock's default priority, win.
        server.stubFor(any(anyUrl()).atPriority(1000).willReturn(aResponse().withTransformers(EmulatorTransformer.NAME)));
    }

    public WireMockServer server() {
        return server;
    }

    public Settings settings() {
        return settings;
    }

    public String baseUrl() {
        return links.base();
    }

    public String checkoutUrl() {
        return links.checkoutBase();
    }

    public IpnSender ipn() {
        return ipn;
    }

    public Faults faults() {
        return faults;
    }

    public Store store() {
        return store;
    }

    public void reset() {
        ipn.reset();
        store.reset();
        faults.clear();
        server.resetAll();
        stubCatchAll();
    }

    /** Drives an invoice to an accepted payment, whatever step it is at (no browser needed). */
    public String pay(String invoiceId, String cardNumber) {
        synchronized (store) {
            InvoiceState invoice = invoice(invoiceId);
            Payment p = invoice.payment;
            if (p == null) {
                EmulatedPaymentMethod method = settings.method(invoice.paymentMethod);
                if (method == null) {
                    method = settings.cardMethod();
                }
                if (method == null) {
                    method = settings.methods().get(0);
                }
                CardOnFile card = null;
                if (method.isCard()) {
                    String pan = cardNumber == null ? TestCards.SUCCESS : cardNumber;
                    card = CheckoutEndpoints.checkCard(cardJson(pan), invoice.id);
                    if (card == null) {
                        throw new IllegalArgumentException("Not a valid card number (Luhn): " + pan);
                    }
                }
                p = payments.start(invoice, method, invoice.payer, card, null);
                if (card != null) {
                    return p.id; // the test card decides, 3-D Secure cards wait for pay(invoiceId)
                }
            }
            if (!p.isFinal()) {
                payments.accept(p);
            } else if (p.state == Payment.FAILED) {
                throw new IllegalStateException("The payment of invoice " + invoiceId + " has failed; acceptLate("
                        + p.id + ") turns it into an accepted one, as Payop sometimes does");
            }
            return p.id;
        }
    }

    public String fail(String invoiceId) {
        synchronized (store) {
            InvoiceState invoice = invoice(invoiceId);
            Payment p = invoice.payment;
            if (p == null) {
                EmulatedPaymentMethod method = settings.method(invoice.paymentMethod);
                p = payments.start(invoice, method == null ? settings.methods().get(0) : method, invoice.payer, null,
                        null);
            }
            if (!p.isFinal()) {
                payments.fail(p, p.method.isCard() ? TestCards.DECLINED_MESSAGE : PaymentFlow.DECLINED_BY_BANK);
            } else if (p.state == Payment.ACCEPTED) {
                throw new IllegalStateException("The payment of invoice " + invoiceId + " is already accepted");
            }
            return p.id;
        }
    }

    public void acceptLate(String transactionId) {
        Payment p = store.payment(transactionId);
        if (p == null) {
            throw new IllegalArgumentException("No transaction " + transactionId + " in this emulator");
        }
        payments.acceptLate(p);
    }

    private InvoiceState invoice(String id) {
        InvoiceState invoice = store.invoice(id);
        if (invoice == null) {
            throw new IllegalArgumentException("No invoice " + id + " in this emulator; create it through the API first");
        }
        return invoice;
    }

    private static jakarta.json.JsonObject cardJson(String pan) {
        var card = TestCards.card(TestCards.SUCCESS);
        return io.github.payop4j.testkit.internal.http.Json.object().add("pan", pan)
                .add("expirationDate", card.expirationDate()).add("cvv", "123").add("holderName", "TEST PAYER").build();
    }

    @Override
    public void close() {
        try {
            ipn.close();
        } finally {
            server.stop();
        }
    }
}
