package io.github.payop4j.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;

/**
 * The deployed webshop (it-tests/src/main, package webshop) seen from the test JVM: its storefront
 * and staff endpoints under {@code /shop}, and the adapter's checkout under {@code /payop-checkout}.
 */
public final class Webshop {

    private final Http http;

    public Webshop(Http http) {
        this.http = http;
    }

    public Http http() {
        return http;
    }

    /** The shop's IPN endpoint (payop-ipn-servlet's default path), where Payop must send IPNs. */
    public URI ipnUrl() {
        return http.uri("payop/ipn");
    }

    /** A new unpaid order; returns its id. */
    public String newOrder(String amount, String currency) {
        HttpResponse<String> created = http.postForm("shop/orders",
                Map.of("amount", amount, "currency", currency, "email", "buyer@example.com"));
        assertEquals(201, created.statusCode(), created::body);
        return json(created).getString("id");
    }

    public JsonObject order(String id) {
        HttpResponse<String> r = http.get("shop/orders/" + id);
        assertEquals(200, r.statusCode(), r::body);
        return json(r);
    }

    /** The shop's event log for one Payop object: failures, refunds, payouts, anomalies. */
    public JsonArray events(String objectId) {
        HttpResponse<String> r = http.get("shop/admin/events/" + objectId);
        assertEquals(200, r.statusCode(), r::body);
        return jsonArray(r);
    }

    /** The IPN journal's claims and delivery rows for one object, in the shop's database. */
    public JsonObject journal(String objectId) {
        HttpResponse<String> r = http.get("shop/admin/journal/" + objectId);
        assertEquals(200, r.statusCode(), r::body);
        return json(r);
    }

    /** The IPN pipeline's answers so far, per outcome (PROCESSED, DUPLICATE, ANOMALY, ...). */
    public Map<String, Long> ipnCounts() {
        HttpResponse<String> r = http.get("shop/admin/ipn-counts");
        assertEquals(200, r.statusCode(), r::body);
        Map<String, Long> counts = new TreeMap<>();
        json(r).forEach((k, v) -> counts.put(k, ((JsonNumber) v).longValue()));
        return counts;
    }

    /** The checkout's "Pay" button: the adapter creates the invoice and answers 303 to Payop's page. */
    public URI startHostedPage(String orderId) {
        HttpResponse<String> redirect = http.get("payop-checkout/payop/orders/" + orderId + "/hosted-page");
        assertEquals(303, redirect.statusCode(), redirect::body);
        return URI.create(redirect.headers().firstValue("Location").orElseThrow());
    }

    /** The staff's "make the next credit of this order fail" switch (after the credit is written). */
    public void failNextCredit(String orderId) {
        assertEquals(204, http.postForm("shop/admin/faults/" + orderId, Map.of()).statusCode());
    }

    public static JsonObject json(HttpResponse<String> r) {
        return json(r.body());
    }

    public static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    public static JsonArray jsonArray(HttpResponse<String> r) {
        return Json.createReader(new StringReader(r.body())).readArray();
    }
}
