package io.github.payop4j.jaxrs.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.jaxrs.PayopCheckoutApplication;
import jakarta.json.JsonObject;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.servlet.WebappContext;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The resources' Jakarta REST annotations served by Jersey in a Grizzly servlet container on
 * 127.0.0.1: paths, HTTP methods, media types, the servlet request's remote address, and the
 * problem mapper for the framework's own errors. The instances are wired as CDI would wire them.
 */
class HttpRoutingTest {

    @RegisterExtension
    static WireMockExtension payop = Fixture.payop();

    static Fixture f;
    static HttpServer server;
    static String base;
    // HTTP/1.1: the JDK client otherwise offers an h2c upgrade, which Grizzly stalls on for bodies.
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        f = Fixture.withMethods(payop);
        f.orders.add(Fixture.coffee("42"));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        base = "http://127.0.0.1:" + port + "/ctx/" + PayopCheckoutApplication.PATH + "/";
        // The resources' @Inject constructors, fed by HK2 instead of CDI.
        ResourceConfig app = new ResourceConfig(OrderResource.class, InvoiceResource.class, ProblemMapper.class)
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(f.service).to(CheckoutService.class);
                    }
                });
        // As in a WAR: context root /ctx, the application's servlet at /payop-checkout/*.
        server = new HttpServer();
        server.addListener(new NetworkListener("payop-test", "127.0.0.1", port));
        WebappContext context = new WebappContext("shop", "/ctx");
        context.addServlet("payop-checkout", new ServletContainer(app))
                .addMapping("/" + PayopCheckoutApplication.PATH + "/*");
        context.deploy(server);
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.shutdownNow();
        }
        f.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    @Test
    void hostedPageByGetFormPostAndEmptyPost() throws Exception {
        Fixture.invoiceCreated(payop, "inv-h");
        String page = "https://checkout.payop.com/en/payment/invoice-preprocessing/inv-h";

        HttpResponse<String> get = send(at("payop/orders/42/hosted-page?method=381"));
        assertEquals(303, get.statusCode(), get.body());
        assertEquals(page, get.headers().firstValue("Location").orElseThrow());
        assertEquals("no-store", get.headers().firstValue("Cache-Control").orElseThrow());

        HttpResponse<String> form = send(at("payop/orders/42/hosted-page")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("method=381&email=jane%40example.com")));
        assertEquals(303, form.statusCode(), form.body());

        HttpResponse<String> empty = send(at("payop/orders/42/hosted-page").POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(303, empty.statusCode(), empty.body());
    }

    @Test
    void directOverHttpTakesThePayersAddressFromTheServletRequest() throws Exception {
        Fixture.paymentMethods(payop);
        Fixture.invoiceCreated(payop, "inv-d");
        Fixture.checkoutCreated(payop, "tx-d");

        HttpResponse<String> methods = send(at("payop/orders/42/payment-methods"));
        assertEquals(200, methods.statusCode());
        assertEquals("application/json", methods.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(methods.body().startsWith("[{\"id\":203822"), methods.body());

        HttpResponse<String> r = send(at("payop/orders/42/direct").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"paymentMethod\":203822,\"payer\":{\"fields\":{\"date_of_birth\":\"01.01.1990\"}}}")));
        assertEquals(200, r.statusCode(), r.body());
        JsonObject answer = Fixture.json(r.body());
        assertEquals(base + "payop/invoices/inv-d/next-step", answer.getString("next"));

        var checkout = payop.findAll(postRequestedFor(urlEqualTo("/v1/checkout/create")));
        JsonObject sent = Fixture.json(checkout.get(checkout.size() - 1).getBodyAsString());
        assertEquals("127.0.0.1", sent.getJsonObject("customer").getString("ip"));
        assertEquals(base + "payop/invoices/inv-d/continue", sent.getString("checkStatusUrl"));
    }

    @Test
    void nextStepAndContinue() throws Exception {
        Fixture.invoiceStatus(payop, "inv-n", NextStepTest.THREE_DS);
        HttpResponse<String> json = send(at("payop/invoices/inv-n/next-step"));
        assertEquals(200, json.statusCode());
        assertEquals("submit-form", Fixture.json(json.body()).getString("type"));

        HttpResponse<String> html = send(at("payop/invoices/inv-n/continue"));
        assertEquals(200, html.statusCode());
        assertTrue(html.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(html.headers().firstValue("Content-Security-Policy").orElseThrow().contains("'nonce-"));
        assertTrue(html.body().contains("action=\"https://acs.anybank.com/\""));
    }

    @Test
    void theFrameworksOwnErrorsAreProblemsToo() throws Exception {
        HttpResponse<String> wrongType = send(at("payop/orders/42/direct").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("paymentMethod=1")));
        assertEquals(415, wrongType.statusCode());
        assertEquals("application/problem+json", wrongType.headers().firstValue("Content-Type").orElseThrow());

        HttpResponse<String> noSuchPath = send(at("payop/orders/42/refund"));
        assertEquals(404, noSuchPath.statusCode());
        assertEquals("application/problem+json", noSuchPath.headers().firstValue("Content-Type").orElseThrow());

        HttpResponse<String> wrongMethod = send(at("payop/orders/42/hosted-page").DELETE());
        assertEquals(405, wrongMethod.statusCode());
        assertTrue(wrongMethod.headers().firstValue("Allow").orElse("").contains("GET"));
        assertEquals(405, Fixture.json(wrongMethod.body()).getInt("status"));

        HttpResponse<String> unknownOrder = send(at("payop/orders/nope/payment-methods"));
        assertEquals(404, unknownOrder.statusCode());
        assertTrue(unknownOrder.body().contains("unknown-order"));
    }
}
