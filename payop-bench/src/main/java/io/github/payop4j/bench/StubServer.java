package io.github.payop4j.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Payop's API as the benchmarks need it, in its own JVM on 127.0.0.1: the documented answers to
 * invoice create (id in the {@code identifier} header), transaction get (which also confirms the
 * IPNs of {@code IpnLoadRun}) and checkout create.
 *
 * <p>Prints {@code PORT <n>} once listening and stops when its standard input closes, so it
 * never outlives the process that started it.
 */
public final class StubServer {

    static final String INVOICE_ID = "ec2aa893-e7f5-4a0d-98c4-ef1a424eaf5d";

    private static final byte[] INVOICE_CREATED = utf8("""
            {"data":"ec2aa893-e7f5-4a0d-98c4-ef1a424eaf5d","status":1}""");
    /**
     * Transaction get: the identifier is the one asked for, and so is the order (the IPN load run
     * confirms many payments, each of its own order; one order for all would make every payment
     * after the first a double payment, and the run would measure that anomaly instead).
     */
    private static final String TRANSACTION_BEFORE_ID = "{\"data\":{\"identifier\":\"";
    private static final String TRANSACTION_BEFORE_ORDER = "\",\"amount\":\"49.90\",\"currency\":\"EUR\","
            + "\"payAmount\":49.9,\"payCurrency\":\"EUR\",\"state\":2,\"error\":\"\",\"paymentMethod\":381,"
            + "\"createdAt\":1567402240,\"updatedAt\":1567402299,\"orderId\":\"";
    private static final String TRANSACTION_AFTER_ORDER = """
            ","resultUrl":"https://shop.example/paid?invoice=ec2aa893-e7f5-4a0d-98c4-ef1a424eaf5d"},"status":1}""";
    private static final byte[] CHECKOUT_CREATED = utf8("""
            {"data":{"isSuccess":true,"message":"","txid":"e6c8ba69-b961-4e93-a083-2097f30dfbd9"},"status":1}""");
    private static final byte[] NOT_FOUND = utf8("{\"message\":\"Not found\"}");

    private volatile byte[] lastInvoiceBody = new byte[0];

    private StubServer() {
    }

    public static void main(String[] args) throws IOException {
        // Without TCP_NODELAY the headers and the body leave in two segments and the client's
        // delayed ACK adds ~40 ms to every call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        StubServer stub = new StubServer();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        ExecutorService workers = Executors.newFixedThreadPool(16);
        server.setExecutor(workers);
        server.createContext("/", stub::answer);
        server.start();
        // The parent (BenchRun.startStub) waits for this file; moved into place whole, never seen half-written.
        Path portFile = Path.of(args[0]);
        Path partial = portFile.resolveSibling(portFile.getFileName() + ".partial");
        Files.writeString(partial, String.valueOf(server.getAddress().getPort()));
        Files.move(partial, portFile, StandardCopyOption.ATOMIC_MOVE);
        // Runs until the parent closes our stdin (or dies).
        while (System.in.read() >= 0) {
            // ignore input
        }
        server.stop(0);
        workers.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request;
            try (InputStream in = exchange.getRequestBody()) {
                request = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (method.equals("POST") && path.equals("/v1/invoices/create")) {
                if ("fresh".equals(exchange.getRequestURI().getQuery())) {
                    // The client's next call needs a new connection (what "no keep-alive for money POSTs" costs).
                    exchange.getResponseHeaders().set("Connection", "close");
                } else {
                    lastInvoiceBody = request;
                }
                exchange.getResponseHeaders().set("identifier", INVOICE_ID);
                send(exchange, 200, INVOICE_CREATED);
            } else if (method.equals("POST") && path.equals("/v1/checkout/create")) {
                send(exchange, 200, CHECKOUT_CREATED);
            } else if (method.equals("GET") && path.startsWith("/v2/transactions/")) {
                String id = path.substring("/v2/transactions/".length());
                send(exchange, 200, utf8(TRANSACTION_BEFORE_ID + id + TRANSACTION_BEFORE_ORDER + orderOf(id)
                        + TRANSACTION_AFTER_ORDER));
            } else if (method.equals("GET") && path.equals("/__bench/last-invoice-body")) {
                send(exchange, 200, lastInvoiceBody);
            } else {
                send(exchange, 404, NOT_FOUND);
            }
        }
    }

    /** The order a bench transaction pays: its own, derived from its id (see LoadDriver.checkoutIpn). */
    public static String orderOf(String transactionId) {
        return "order-" + transactionId;
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
