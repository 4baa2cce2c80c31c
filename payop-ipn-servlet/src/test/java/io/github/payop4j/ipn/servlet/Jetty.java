package io.github.payop4j.ipn.servlet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/** An embedded Jetty 12 (EE 10) on 127.0.0.1 with one web application per context, and a plain HTTP client. */
final class Jetty implements AutoCloseable {

    private final Server server;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Jetty(Server server, String base) {
        this.server = server;
        this.base = base;
    }

    /** A web application at {@code path} with these context parameters and the jar's initializer, as in a WAR. */
    static ServletContextHandler webapp(String path, Map<String, String> contextParams) {
        ServletContextHandler context = new ServletContextHandler(path);
        contextParams.forEach(context::setInitParameter);
        context.addServletContainerInitializer(new PayopIpnInitializer());
        return context;
    }

    static Jetty start(ServletContextHandler... webapps) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new ContextHandlerCollection(webapps));
        server.start();
        return new Jetty(server, "http://127.0.0.1:" + connector.getLocalPort());
    }

    record Answer(int status, String body, HttpResponse<String> raw) {
    }

    Answer post(String path, byte[] body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                headers);
    }

    /** A chunked body (no Content-Length), as some proxies forward it. */
    Answer postChunked(String path, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(body))));
    }

    Answer post(String path, String body, String... headers) {
        return post(path, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    Answer method(String method, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private Answer send(HttpRequest.Builder request, String... headers) {
        request.header("Content-Type", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String doc(String name) {
        try (InputStream in = Jetty.class.getResourceAsStream("/payop-docs/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop", e);
        }
    }
}
