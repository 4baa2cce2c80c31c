package io.github.payop4j.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * A shop's IPN endpoint for tests: the JDK's HTTP server on 127.0.0.1, answering what the test
 * decides and remembering what arrived and from where.
 */
final class ShopEndpoint implements AutoCloseable {

    /** One request as the shop saw it. */
    record Received(String peer, String body) {
    }

    /** The status and text to answer, given the delivery number (1-based) and what arrived. */
    interface Answer extends BiFunction<Integer, Received, int[]> {
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger count = new AtomicInteger();

    private ShopEndpoint(HttpServer server) {
        this.server = server;
    }

    /** Answers {@code status(n, delivery)} to the n-th delivery. */
    static ShopEndpoint start(BiFunction<Integer, Received, Integer> status) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            ShopEndpoint shop = new ShopEndpoint(server);
            server.createContext("/payop/ipn", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Received r = new Received(exchange.getRemoteAddress().getAddress().getHostAddress(),
                        new String(body, StandardCharsets.UTF_8));
                int n;
                synchronized (shop.received) {
                    shop.received.add(r);
                    n = shop.count.incrementAndGet();
                }
                int code = status.apply(n, r);
                byte[] answer = (code == 200 ? "ok" : "retry later").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(code, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            });
            // The shop's own pages, where the browser lands after paying (resultUrl / failPath).
            server.createContext("/shop", exchange -> {
                byte[] page = ("<!DOCTYPE html><html><head><title>Shop</title></head><body><h1 id=\"shop\">"
                        + exchange.getRequestURI().getPath() + "</h1></body></html>").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(page);
                }
            });
            server.start();
            return shop;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ShopEndpoint alwaysOk() {
        return start((n, r) -> 200);
    }

    /** A page of the shop: {@code /shop/...}. */
    URI page(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/shop/" + path);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/payop/ipn");
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
