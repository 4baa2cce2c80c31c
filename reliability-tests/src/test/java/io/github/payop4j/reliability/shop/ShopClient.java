package io.github.payop4j.reliability.shop;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * What the test does and reads through the webshop's own endpoints, as a customer and as the
 * shop's staff: create an order, start its hosted-page payment (the shop creates the invoice at
 * Payop), read an order, its events and the journal's claims. One shop = one WAR on one node.
 */
public final class ShopClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;

    public ShopClient(URI base) {
        this.base = base;
    }

    public URI ipnUrl() {
        return base.resolve("payop/ipn");
    }

    /** A new order; returns its id. */
    public String createOrder(String amount, String currency) {
        String form = "amount=" + enc(amount) + "&currency=" + enc(currency) + "&email=" + enc("buyer@example.com");
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("shop/orders"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        expect(201, r);
        return json(r.body()).getString("id");
    }

    /** The customer presses "Pay": the shop creates the invoice and answers 303 to the hosted page; returns the invoice id. */
    public String startHostedPayment(String orderId) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("payop-checkout/payop/orders/"
                + enc(orderId) + "/hosted-page")).GET());
        expect(303, r);
        String location = r.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    public JsonObject order(String orderId) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("shop/orders/" + enc(orderId))).GET());
        expect(200, r);
        return json(r.body());
    }

    /** The shop's recorded events for a Payop object (failures, refunds, anomalies). */
    public List<JsonObject> events(String objectId) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("shop/admin/events/" + enc(objectId))).GET());
        expect(200, r);
        return arrayOfObjects(r.body());
    }

    /** The anomaly events of a Payop object, as their types ({@code UNCONFIRMED}, ...). */
    public List<String> anomalies(String objectId) {
        return events(objectId).stream().filter(e -> e.getString("kind").equals("Anomaly"))
                .map(e -> e.getString("detail")).toList();
    }

    /** The journal's claims of a Payop object ({@code stateKey:status}) and its delivery rows (JDBC journals only). */
    public JsonObject journal(String objectId) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("shop/admin/journal/" + enc(objectId))).GET());
        expect(200, r);
        return json(r.body());
    }

    /** {@code [calls, orders, max]} of the suite's counting IPN lookup (PayablesOnlyOrders WARs only). */
    public long[] ipnLookups() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("reliability/ipn-lookups")).GET());
        expect(200, r);
        String[] parts = r.body().trim().split(" ");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])};
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(int status, HttpResponse<String> r) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().method() + " " + r.uri() + " answered " + r.statusCode()
                    + " instead of " + status + ": " + r.body());
        }
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static List<JsonObject> arrayOfObjects(String text) {
        JsonArray array = Json.createReader(new StringReader(text)).readArray();
        return array.stream().map(JsonValue::asJsonObject).toList();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
