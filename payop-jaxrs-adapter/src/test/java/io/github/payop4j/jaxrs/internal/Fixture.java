package io.github.payop4j.jaxrs.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.PayopClient;
import io.github.payop4j.config.PayopSettings;
import io.github.payop4j.config.Role;
import io.github.payop4j.config.Setting;
import io.github.payop4j.config.SettingsSource;
import io.github.payop4j.invoice.OrderItem;
import io.github.payop4j.invoice.Payer;
import io.github.payop4j.ipn.IpnOrderLookup;
import io.github.payop4j.ipn.IpnProcessor;
import io.github.payop4j.jaxrs.PayopOrder;
import io.github.payop4j.jaxrs.PayopOrders;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A WireMock Payop, a fake shop, and the resources wired as plain objects, as CDI would wire them. */
final class Fixture implements AutoCloseable {

    static final String PUBLIC_KEY = "application-5f1ee8d7-test";
    static final String SECRET_KEY = "s3cr3t-KEY-never-shown-9f8e7d";
    static final String JWT = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJpZCI6InRlc3QifQ.c2lnbmF0dXJlLW5ldmVyLXNob3du";
    static final String PROJECT_ID = "3f6a2b1c";
    static final URI BASE = URI.create("https://shop.example/ctx/payop-checkout/");
    static final String PAYER_IP = "203.0.113.7";

    final FakeOrders orders = new FakeOrders();
    final PayopSettings settings;
    final PayopClient client;
    final CheckoutService service;
    final OrderResource orderResource;
    final InvoiceResource invoiceResource;

    Fixture(WireMockExtension payop, Map<String, String> extra) {
        this(payop, extra, false);
    }

    /** {@code recordAttempts}: the checkout takes its invoices from an IPN pipeline's journal (one per order attempt). */
    Fixture(WireMockExtension payop, Map<String, String> extra, boolean recordAttempts) {
        Map<String, String> props = new HashMap<>();
        props.put(Setting.PUBLIC_KEY.key(), PUBLIC_KEY);
        props.put(Setting.SECRET_KEY.key(), SECRET_KEY);
        props.put(Setting.API_URL.key(), payop.baseUrl());
        props.put(Setting.RESULT_URL.key(), "https://shop.example/paid?invoice={{invoiceId}}");
        props.put(Setting.FAIL_URL.key(), "https://shop.example/failed?invoice={{invoiceId}}");
        props.put(Setting.HTTP_READ_TIMEOUT.key(), "2s");
        props.put(Setting.HTTP_MAX_ATTEMPTS.key(), "1");
        props.putAll(extra);
        this.settings = PayopSettings.read(SettingsSource.of(props), Role.CHECKOUT);
        this.client = settings.clientBuilder().build();
        IpnProcessor attempts = recordAttempts ? IpnProcessor.builder(client).handler(event -> { })
                .verifyWithApi(client.hasJwtToken()).build() : null;
        this.service = new CheckoutService(client, settings, orders, Clock.systemUTC(),
                attempts == null ? null : () -> attempts);
        this.orderResource = new OrderResource(service);
        this.invoiceResource = new InvoiceResource(service);
    }

    /** Without JWT token and project id: hosted page and the configured card method only. */
    static Fixture basic(WireMockExtension payop) {
        return new Fixture(payop, Map.of());
    }

    /** With JWT token and project id: payment methods can be listed. */
    static Fixture withMethods(WireMockExtension payop) {
        return new Fixture(payop, Map.of(Setting.JWT_TOKEN.key(), JWT, Setting.PROJECT_ID.key(), PROJECT_ID));
    }

    static WireMockExtension payop() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
    }

    @Override
    public void close() {
        client.close();
    }

    /** The shop's orders: every order here is payable; the checkout asks only findPayable. */
    static final class FakeOrders implements PayopOrders {
        final Map<String, PayopOrder> byId = new ConcurrentHashMap<>();

        FakeOrders add(PayopOrder order) {
            byId.put(order.orderId(), order);
            return this;
        }

        @Override
        public Optional<PayopOrder> findPayable(String orderId) {
            return Optional.ofNullable(byId.get(orderId));
        }

        @Override
        public Optional<IpnOrderLookup.Order> findForIpn(String orderId) {
            throw new AssertionError("the checkout endpoints must not use the IPN lookup");
        }
    }

    static PayopOrder coffee(String id) {
        return PayopOrder.of(id, "49.90", "EUR")
                .withDescription("Coffee beans")
                .withItems(List.of(new OrderItem("sku-7", "Coffee beans 1 kg", "49.90")))
                .withPayer(Payer.withEmail("jane@example.com").name("Jane Doe"));
    }

    // ---- Payop answers ----

    static void invoiceCreated(WireMockExtension payop, String invoiceId) {
        payop.stubFor(post(urlEqualTo("/v1/invoices/create")).willReturn(okJson("{\"data\":\"\",\"status\":1}")
                .withHeader("identifier", invoiceId)));
    }

    static void checkoutCreated(WireMockExtension payop, String txid) {
        payop.stubFor(post(urlEqualTo("/v1/checkout/create")).willReturn(okJson(
                "{\"data\":{\"isSuccess\":true,\"message\":\"\",\"txid\":\"" + txid + "\"},\"status\":1}")));
    }

    static void cardTokenCreated(WireMockExtension payop, String token) {
        payop.stubFor(post(urlEqualTo("/v1/payment-tools/card-token/create")).willReturn(okJson(
                "{\"data\":{\"token\":\"" + token + "\",\"expired_at\":4102444800},\"status\":1}")));
    }

    static void invoiceStatus(WireMockExtension payop, String invoiceId, String data) {
        payop.stubFor(get(urlEqualTo("/v1/checkout/check-invoice-status/" + invoiceId))
                .willReturn(okJson("{\"data\":" + data + ",\"status\":1}")));
    }

    static void error(WireMockExtension payop, String path, int status, String body) {
        payop.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    /** Three methods: a bank transfer (EUR, GBP) needing a date of birth, cards (EUR, USD), a USD-only one. */
    static void paymentMethods(WireMockExtension payop) {
        payop.stubFor(get(urlEqualTo("/v1/instrument-settings/payment-methods/available-for-application/" + PROJECT_ID))
                .willReturn(okJson("""
                        {"data": [
                          {"identifier": 203822, "type": "bank_transfer", "formType": "standard", "title": "Pay by bank",
                           "currencies": ["EUR", "GBP"], "countries": ["DE"],
                           "config": {"fields": [
                             {"name": "email", "type": "email", "required": true},
                             {"name": "name", "type": "text", "required": true},
                             {"name": "date_of_birth", "type": "text", "title": "Date of birth", "required": true},
                             {"name": "phone", "type": "text", "required": false}]}},
                          {"identifier": 381, "type": "cards_international", "formType": "cards", "title": "Cards",
                           "currencies": ["EUR", "USD"], "countries": [],
                           "config": {"fields": [{"name": "email", "type": "email", "required": true}]}},
                          {"identifier": 336, "type": "cards_local", "formType": "standard", "title": "Argencard",
                           "currencies": ["USD"], "countries": ["AR"],
                           "config": {"fields": [{"name": "nationalid", "type": "text", "required": true}]}}
                        ], "status": 1}""")));
    }

    // ---- request side ----

    static InputStream body(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    static HttpServletRequest request(String remoteAddress) {
        return request(remoteAddress, Map.of());
    }

    /** A servlet request with an address and parameters (query and form merged, as servlets do). */
    static HttpServletRequest request(String remoteAddress, Map<String, String> parameters) {
        return (HttpServletRequest) Proxy.newProxyInstance(Fixture.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getRemoteAddr": return remoteAddress;
                        case "getParameter": return parameters.get((String) args[0]);
                        default: throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    static UriInfo uriInfo() {
        return (UriInfo) Proxy.newProxyInstance(Fixture.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getBaseUri": return BASE;
                        case "getBaseUriBuilder": return UriBuilder.fromUri(BASE);
                        default: throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    // ---- response side ----

    static String text(Response r) {
        return (String) r.getEntity();
    }

    static JsonObject object(Response r) {
        return Json.createReader(new StringReader(text(r))).readObject();
    }

    static JsonArray array(Response r) {
        return Json.createReader(new StringReader(text(r))).readArray();
    }

    static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }
}
