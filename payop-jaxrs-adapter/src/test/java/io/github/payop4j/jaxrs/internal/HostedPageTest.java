package io.github.payop4j.jaxrs.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.payop4j.jaxrs.internal.Fixture.coffee;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.jaxrs.PayopOrder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HostedPageTest {

    @RegisterExtension
    static WireMockExtension payop = Fixture.payop();

    private Fixture f;

    @BeforeEach
    void setUp() {
        f = Fixture.basic(payop);
        f.orders.add(coffee("42"));
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private JsonObject invoiceRequest() {
        var requests = payop.findAll(postRequestedFor(urlEqualTo("/v1/invoices/create")));
        assertEquals(1, requests.size());
        return Fixture.json(requests.get(0).getBodyAsString());
    }

    @Test
    void getCreatesAnInvoiceForTheOrderAndAnswers303ToTheHostedPage() throws Exception {
        Fixture.invoiceCreated(payop, "81962ed0-a65c-4d1a-851b-b3dbf9750399");
        Response r = f.orderResource.hostedPage("42", null, null, null, null);

        assertEquals(303, r.getStatus());
        assertEquals(URI.create("https://checkout.payop.com/en/payment/invoice-preprocessing/81962ed0-a65c-4d1a-851b-b3dbf9750399"),
                r.getLocation());
        assertEquals("no-store", r.getHeaderString("Cache-Control"));

        JsonObject body = invoiceRequest();
        JsonObject order = body.getJsonObject("order");
        assertEquals("42", order.getString("id"));
        assertEquals("49.90", order.getString("amount"));
        assertEquals("EUR", order.getString("currency"));
        assertEquals("Coffee beans", order.getString("description"));
        assertEquals("sku-7", order.getJsonArray("items").getJsonObject(0).getString("id"));
        assertEquals("jane@example.com", body.getJsonObject("payer").getString("email"));
        assertEquals("Jane Doe", body.getJsonObject("payer").getString("name"));
        assertEquals("en", body.getString("language"));
        assertEquals("https://shop.example/paid?invoice={{invoiceId}}", body.getString("resultUrl"));
        assertEquals("https://shop.example/failed?invoice={{invoiceId}}", body.getString("failPath"));
        assertFalse(body.containsKey("paymentMethod"));
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(("49.90:EUR:42:" + Fixture.SECRET_KEY).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, body.getString("signature"));
    }

    @Test
    void aPreselectedMethodGoesOnTheInvoice() {
        Fixture.invoiceCreated(payop, "inv-1");
        Response r = f.orderResource.hostedPagePost("42", Fixture.request(Fixture.PAYER_IP, Map.of("method", "381")));
        assertEquals(303, r.getStatus());
        assertEquals(381, invoiceRequest().getInt("paymentMethod"));
    }

    @Test
    void aMethodThatIsNotANumberIs422() {
        Response r = f.orderResource.hostedPage("42", "381; drop", null, null, null);
        assertEquals(422, r.getStatus());
        assertEquals("method", Fixture.object(r).getJsonArray("fields").getJsonObject(0).getString("name"));
        payop.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void withTheMethodListAMethodTheOrderCannotUseIs422() {
        f.close();
        f = Fixture.withMethods(payop);
        f.orders.add(coffee("42"));
        Fixture.paymentMethods(payop);
        Response r = f.orderResource.hostedPage("42", "336", null, null, null); // USD only; the order is EUR
        assertEquals(422, r.getStatus());
        assertTrue(Fixture.object(r).getString("detail").contains("method"));
        payop.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void anUnknownOrderIs404AndPayopIsNotAsked() {
        Response r = f.orderResource.hostedPage("nope", null, null, null, null);
        assertEquals(404, r.getStatus());
        assertEquals("application/problem+json", r.getMediaType().toString());
        JsonObject p = Fixture.object(r);
        assertEquals(Problems.TYPE_PREFIX + "unknown-order", p.getString("type"));
        assertEquals("Unknown order", p.getString("title"));
        assertEquals(404, p.getInt("status"));
        assertNotNull(p.getString("detail"));
        payop.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void withoutAPayerOnTheOrderTheBrowserGivesTheEmail() {
        f.orders.add(PayopOrder.of("43", "10", "USD"));
        Fixture.invoiceCreated(payop, "inv-2");
        Response missing = f.orderResource.hostedPage("43", null, null, null, null);
        assertEquals(422, missing.getStatus());
        assertEquals("email", Fixture.object(missing).getJsonArray("fields").getJsonObject(0).getString("name"));

        Response bad = f.orderResource.hostedPagePost("43", Fixture.request(Fixture.PAYER_IP,
                Map.of("email", "not-an-email")));
        assertEquals(422, bad.getStatus());
        assertFalse(Fixture.text(bad).contains("not-an-email"), "the value is not echoed");

        Response ok = f.orderResource.hostedPagePost("43", Fixture.request(Fixture.PAYER_IP,
                Map.of("email", " joe@example.com ", "name", "Joe")));
        assertEquals(303, ok.getStatus());
        assertEquals("joe@example.com", invoiceRequest().getJsonObject("payer").getString("email"));
    }

    @Test
    void aBrowserPayerThatDiffersFromTheOrdersIsRefusedTheSameOneIsFine() {
        Fixture.invoiceCreated(payop, "inv-3");
        Response refused = f.orderResource.hostedPage("42", null, "mallory@example.com", "Mallory", null);
        assertEquals(422, refused.getStatus());
        assertEquals(0, payop.findAll(postRequestedFor(urlEqualTo("/v1/invoices/create"))).size());

        Response same = f.orderResource.hostedPage("42", null, "Jane@Example.com", null, null);
        assertEquals(303, same.getStatus());
        assertEquals("jane@example.com", invoiceRequest().getJsonObject("payer").getString("email"));
        assertEquals("Jane Doe", invoiceRequest().getJsonObject("payer").getString("name"));
    }

    @Test
    void aPayop4xxBecomes502WithoutPayopsWordsOrSecrets() {
        Fixture.error(payop, "/v1/invoices/create", 400, "{\"message\":\"Wrong signature\"}");
        Response r = f.orderResource.hostedPage("42", null, null, null, null);
        assertEquals(502, r.getStatus());
        String body = Fixture.text(r);
        JsonObject p = Fixture.object(r);
        assertEquals(Problems.TYPE_PREFIX + "provider-rejected", p.getString("type"));
        assertTrue(p.getString("instance").startsWith("urn:uuid:"));
        assertFalse(body.contains("Wrong signature"), body);
        assertFalse(body.contains("/v1/"), body);
        assertFalse(body.contains(Fixture.SECRET_KEY), body);
        assertFalse(body.contains("Exception"), body);
    }

    @Test
    void payopRefusingTheShopsKeysIs502() {
        Fixture.error(payop, "/v1/invoices/create", 401, "{\"message\":\"Invalid public key\"}");
        Response r = f.orderResource.hostedPage("42", null, null, null, null);
        assertEquals(502, r.getStatus());
        assertFalse(Fixture.text(r).contains("Invalid public key"));
    }

    @Test
    void payop5xxIs502And503StaysUnavailable() {
        Fixture.error(payop, "/v1/invoices/create", 500, "{\"message\":[{\"message\":\"SQLSTATE[HY000] at db-7\"}]}");
        Response r = f.orderResource.hostedPage("42", null, null, null, null);
        assertEquals(502, r.getStatus());
        assertFalse(Fixture.text(r).contains("SQLSTATE"));
        assertTrue(Fixture.object(r).getString("detail").contains("may already have been submitted"),
                "an invoice POST may have taken effect");

        Fixture.error(payop, "/v1/invoices/create", 503, "{}");
        assertEquals(503, f.orderResource.hostedPage("42", null, null, null, null).getStatus());
    }

    @Test
    void aRateLimitIs503WithRetryAfter() {
        payop.stubFor(post(urlEqualTo("/v1/invoices/create")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "7").withBody("{\"message\":\"Too many requests\"}")));
        Response r = f.orderResource.hostedPage("42", null, null, null, null);
        assertEquals(503, r.getStatus());
        assertEquals("7", r.getHeaderString("Retry-After"));
    }

    @Test
    void noAnswerInTimeIs504() {
        f.close();
        f = new Fixture(payop, Map.of(io.github.payop4j.config.Setting.HTTP_READ_TIMEOUT.key(), "300ms"));
        f.orders.add(coffee("42"));
        payop.stubFor(post(urlEqualTo("/v1/invoices/create")).willReturn(aResponse().withFixedDelay(1_000)
                .withHeader("identifier", "late").withBody("{}")));
        Response r = f.orderResource.hostedPage("42", null, null, null, null);
        assertEquals(504, r.getStatus());
        assertEquals(Problems.TYPE_PREFIX + "provider-timeout", Fixture.object(r).getString("type"));
    }

    @Test
    void payopUnreachableIs503() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        f.close();
        f = new Fixture(payop, Map.of(io.github.payop4j.config.Setting.API_URL.key(),
                "http://127.0.0.1:" + closedPort));
        f.orders.add(coffee("42"));
        Response r = f.orderResource.hostedPage("42", null, null, null, null);
        assertEquals(503, r.getStatus());
        assertEquals("10", r.getHeaderString("Retry-After"));
    }
}
