package io.github.payop4j.bench;

import io.github.payop4j.PayopClient;
import io.github.payop4j.checkout.CheckoutRequest;
import io.github.payop4j.checkout.CheckoutResult;
import io.github.payop4j.checkout.Customer;
import io.github.payop4j.invoice.CheckoutLanguage;
import io.github.payop4j.invoice.CreatedInvoice;
import io.github.payop4j.invoice.InvoiceRequest;
import io.github.payop4j.invoice.OrderItem;
import io.github.payop4j.invoice.Payer;
import io.github.payop4j.transaction.Transaction;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The SDK against the raw Jakarta REST call on the same implementation (whichever one is on the
 * class path: {@link BenchRun} runs this class once with Jersey and once with RESTEasy).
 *
 * <p>The raw calls are the floor the SDK is measured against: a client built the same way, the
 * SDK's exact request bytes as a String entity, the same headers, the answer read as a String,
 * no JSON binding. {@code rawInvoiceCreateChunked}, {@code rawInvoiceCreateChunkedFreshConnection} and
 * {@code sdkCheckoutCreate} show what the ways of making a POST unrepeatable cost on
 * {@code HttpURLConnection} (Jersey's default connector).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClientBenchmark {

    static final String URL_PROPERTY = "payop.bench.url";
    private static final String JWT = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJpZCI6ImJlbmNoIn0.YmVuY2gtc2lnbmF0dXJl";
    private static final String TX = "dca59ca5-0ba5-4bb6-9dd1-ab7d6e4a4ad6";

    private PayopClient payop;
    private Client raw;
    private String base;
    private String userAgent;
    private InvoiceRequest invoice;
    private CheckoutRequest checkout;
    private String invoiceJson;

    @Setup
    public void setUp() {
        base = System.getProperty(URL_PROPERTY);
        if (base == null) {
            throw new IllegalStateException("Start StubServer and pass -D" + URL_PROPERTY + "=http://127.0.0.1:<port>");
        }
        payop = PayopClient.builder()
                .publicKey("application-5f1ee8d7-bench")
                .secretKey("s3cr3t-KEY-bench")
                .jwtToken(JWT)
                .apiUrl(base)
                .build();
        // The same construction PayopClient uses for the client it owns (default timeouts).
        raw = ClientBuilder.newBuilder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .build();
        userAgent = "payop4j/dev Java/" + Runtime.version().feature();
        invoice = InvoiceRequest.builder()
                .orderId("order-1001")
                .amount("49.90")
                .currency("EUR")
                .description("Order 1001 at shop.example")
                .item(new OrderItem("sku-7", "Coffee beans 1 kg", "39.90"))
                .item(new OrderItem("sku-9", "Paper filters, 100", "10.00"))
                .payer(Payer.withEmail("jane@example.com").name("Jane Doe").phone("+491701234567"))
                .language(CheckoutLanguage.EN)
                .resultUrl("https://shop.example/paid?invoice={{invoiceId}}")
                .failPath("https://shop.example/failed?invoice={{invoiceId}}")
                .metadata(Map.of("cart", "c-88231", "channel", "web"))
                .build();
        checkout = CheckoutRequest.of(StubServer.INVOICE_ID, Customer.of("jane@example.com", "Jane Doe"),
                "https://shop.example/status/{{txid}}").paymentMethod(381);
        // The baseline sends the very bytes the SDK sent: the stub keeps the last invoice body.
        payop.invoices().create(invoice);
        invoiceJson = raw.target(base + "/__bench/last-invoice-body").request().get(String.class);
        if (invoiceJson.isEmpty()) {
            throw new IllegalStateException("The stub did not record the SDK's invoice body");
        }
    }

    @TearDown
    public void tearDown() {
        payop.close();
        raw.close();
    }

    @Benchmark
    public CreatedInvoice sdkInvoiceCreate() {
        return payop.invoices().create(invoice);
    }

    @Benchmark
    public String rawInvoiceCreate() {
        return post(false, "");
    }

    @Benchmark
    public String rawInvoiceCreateChunked() {
        return post(true, "");
    }

    /** Streamed on a new connection each time: no stale-connection probe, but a TCP connect (and TLS in production). */
    @Benchmark
    public String rawInvoiceCreateChunkedFreshConnection() {
        return post(true, "?fresh");
    }

    @Benchmark
    public Transaction sdkTransactionGet() {
        return payop.transactions().get(TX);
    }

    @Benchmark
    public String rawTransactionGet() {
        try (Response r = raw.target(base + "/v2/transactions/" + TX)
                .request(MediaType.APPLICATION_JSON_TYPE)
                .header("User-Agent", userAgent)
                .header("Authorization", "Bearer " + JWT)
                .header("Content-Type", MediaType.APPLICATION_JSON)
                .get()) {
            return status(r).readEntity(String.class);
        }
    }

    @Benchmark
    public CheckoutResult sdkCheckoutCreate() {
        return payop.checkout().createTransaction(checkout);
    }

    /**
     * The time of the SDK call and of the raw call, taken in pairs, one right after the other, in
     * alternating order: on a shared machine the load changes between two benchmarks run minutes
     * apart, but hardly between two calls. The ratio of these sums is the report's time ratio.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Pair {
        public long sdkNanos;
        public long rawNanos;
        long calls;
    }

    @Benchmark
    public void pairedInvoiceCreate(Pair pair, Blackhole bh) {
        boolean sdkFirst = (pair.calls++ & 1) == 0;
        long t0 = System.nanoTime();
        bh.consume(sdkFirst ? sdkInvoiceCreate() : rawInvoiceCreate());
        long t1 = System.nanoTime();
        bh.consume(sdkFirst ? rawInvoiceCreate() : sdkInvoiceCreate());
        long t2 = System.nanoTime();
        pair.sdkNanos += sdkFirst ? t1 - t0 : t2 - t1;
        pair.rawNanos += sdkFirst ? t2 - t1 : t1 - t0;
    }

    @Benchmark
    public void pairedTransactionGet(Pair pair, Blackhole bh) {
        boolean sdkFirst = (pair.calls++ & 1) == 0;
        long t0 = System.nanoTime();
        bh.consume(sdkFirst ? sdkTransactionGet() : rawTransactionGet());
        long t1 = System.nanoTime();
        bh.consume(sdkFirst ? rawTransactionGet() : sdkTransactionGet());
        long t2 = System.nanoTime();
        pair.sdkNanos += sdkFirst ? t1 - t0 : t2 - t1;
        pair.rawNanos += sdkFirst ? t2 - t1 : t1 - t0;
    }

    private String post(boolean chunked, String query) {
        var call = raw.target(base + "/v1/invoices/create" + query)
                .request(MediaType.APPLICATION_JSON_TYPE)
                .header("User-Agent", userAgent);
        if (chunked) {
            call.property("jersey.config.client.request.entity.processing", "CHUNKED");
        }
        try (Response r = call.post(Entity.entity(invoiceJson, MediaType.APPLICATION_JSON_TYPE))) {
            String id = status(r).getHeaderString("identifier");
            r.readEntity(String.class);
            return id;
        }
    }

    private static Response status(Response r) {
        if (r.getStatus() != 200) {
            throw new IllegalStateException("stub answered " + r.getStatus());
        }
        return r;
    }
}
