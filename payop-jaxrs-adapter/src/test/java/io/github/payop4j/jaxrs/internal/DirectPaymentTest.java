package io.github.payop4j.jaxrs.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.github.payop4j.jaxrs.internal.Fixture.PAYER_IP;
import static io.github.payop4j.jaxrs.internal.Fixture.body;
import static io.github.payop4j.jaxrs.internal.Fixture.coffee;
import static io.github.payop4j.jaxrs.internal.Fixture.request;
import static io.github.payop4j.jaxrs.internal.Fixture.uriInfo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.config.Setting;
import io.github.payop4j.jaxrs.PayopOrder;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DirectPaymentTest {

    @RegisterExtension
    static WireMockExtension payop = Fixture.payop();

    private Fixture f;

    @BeforeEach
    void setUp() {
        f = Fixture.withMethods(payop);
        f.orders.add(coffee("42")).add(PayopOrder.of("43", "10.00", "USD"));
        Fixture.paymentMethods(payop);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private Response direct(String orderId, String json) {
        return f.orderResource.direct(orderId, body(json), request(PAYER_IP), uriInfo());
    }

    private JsonObject sent(String path) {
        var requests = payop.findAll(postRequestedFor(urlEqualTo(path)));
        assertEquals(1, requests.size(), path);
        return Fixture.json(requests.get(0).getBodyAsString());
    }

    private static List<String> fieldNames(Response r) {
        return Fixture.object(r).getJsonArray("fields").stream()
                .map(v -> v.asJsonObject().getString("name")).toList();
    }

    @Test
    void paymentMethodsAreThoseOfTheOrdersCurrencyWithTheirPayerFields() {
        JsonArray eur = Fixture.array(f.orderResource.paymentMethods("42"));
        assertEquals(List.of(203822, 381), eur.stream().map(v -> v.asJsonObject().getInt("id")).toList());
        JsonObject bank = eur.getJsonObject(0);
        assertEquals("Pay by bank", bank.getString("title"));
        assertEquals("direct", bank.getString("flow"));
        assertEquals("card", eur.getJsonObject(1).getString("flow"));
        JsonObject dob = bank.getJsonArray("fields").getJsonObject(2);
        assertEquals("date_of_birth", dob.getString("name"));
        assertEquals("text", dob.getString("type"));
        assertEquals("Date of birth", dob.getString("title"));
        assertTrue(dob.getBoolean("required"));
        assertTrue(dob.getBoolean("extraField"));
        assertFalse(bank.getJsonArray("fields").getJsonObject(0).getBoolean("extraField"), "email has its own place");

        JsonArray usd = Fixture.array(f.orderResource.paymentMethods("43"));
        assertEquals(List.of(381, 336), usd.stream().map(v -> v.asJsonObject().getInt("id")).toList());
        payop.verify(1, getRequestedFor(urlMatching("/v1/instrument-settings/.*")));
    }

    @Test
    void paymentMethodsOfAnUnknownOrderAre404() {
        assertEquals(404, f.orderResource.paymentMethods("nope").getStatus());
    }

    @Test
    void withoutJwtTokenAndProjectIdDirectPaymentsAreNotEnabled() {
        f.close();
        f = Fixture.basic(payop);
        f.orders.add(coffee("42"));
        Response r = f.orderResource.paymentMethods("42");
        assertEquals(501, r.getStatus());
        assertFalse(Fixture.text(r).contains("payop.jwt-token"), "configuration names are for the log, not the browser");
        assertEquals(501, direct("42", "{\"paymentMethod\":203822}").getStatus());
        payop.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void createsTheInvoiceWithThePayerFieldsThenTheCheckoutTransaction() {
        f.orders.add(PayopOrder.of("44", "25.00", "EUR").withDescription("Tea"));
        Fixture.invoiceCreated(payop, "inv-44");
        Fixture.checkoutCreated(payop, "tx-44");
        Response r = direct("44", """
                {"paymentMethod": 203822,
                 "payer": {"email": "joe@example.com", "name": "Joe Bloggs", "phone": "+4912345",
                           "fields": {"date_of_birth": "01.01.1990", "not_a_field_of_the_method": "x"}}}""");

        assertEquals(200, r.getStatus(), Fixture.text(r));
        assertEquals("no-store", r.getHeaderString("Cache-Control"));
        JsonObject answer = Fixture.object(r);
        assertEquals("inv-44", answer.getString("invoiceId"));
        assertEquals("tx-44", answer.getString("transactionId"));
        assertEquals("https://shop.example/ctx/payop-checkout/payop/invoices/inv-44/next-step", answer.getString("next"));
        assertEquals("https://shop.example/ctx/payop-checkout/payop/invoices/inv-44/continue", answer.getString("continue"));

        JsonObject invoice = sent("/v1/invoices/create");
        assertEquals("25.00", invoice.getJsonObject("order").getString("amount"));
        assertEquals("EUR", invoice.getJsonObject("order").getString("currency"));
        JsonObject payer = invoice.getJsonObject("payer");
        assertEquals("joe@example.com", payer.getString("email"));
        assertEquals("Joe Bloggs", payer.getString("name"));
        assertEquals("+4912345", payer.getString("phone"));
        assertEquals("{\"date_of_birth\":\"01.01.1990\"}", payer.getJsonObject("extraFields").toString(),
                "only the method's fields are passed on");
        assertFalse(invoice.containsKey("paymentMethod"), "direct flow: the method goes on the checkout");

        JsonObject checkout = sent("/v1/checkout/create");
        assertEquals("inv-44", checkout.getString("invoiceIdentifier"));
        assertEquals(203822, checkout.getInt("paymentMethod"));
        assertEquals("https://shop.example/ctx/payop-checkout/payop/invoices/inv-44/continue",
                checkout.getString("checkStatusUrl"));
        JsonObject customer = checkout.getJsonObject("customer");
        assertEquals("joe@example.com", customer.getString("email"));
        assertEquals("Joe Bloggs", customer.getString("name"));
        assertEquals(PAYER_IP, customer.getString("ip"));
        assertEquals("01.01.1990", customer.getJsonObject("extraFields").getString("date_of_birth"));
        assertFalse(checkout.containsKey("cardToken"));
        assertEquals("{\"email\":\"browser\",\"name\":\"browser\",\"phone\":\"browser\",\"date_of_birth\":\"browser\"}",
                answer.getJsonObject("payer").getJsonObject("sources").toString(), "an order without payer");
    }

    @Test
    void theBrowserCannotChangeTheAmountOrCurrency() {
        Fixture.invoiceCreated(payop, "inv-42");
        Fixture.checkoutCreated(payop, "tx-42");
        Response r = direct("42", """
                {"paymentMethod": 203822, "amount": "0.01", "currency": "USD",
                 "order": {"id": "42", "amount": "0.01", "currency": "USD"},
                 "payer": {"fields": {"date_of_birth": "01.01.1990", "amount": "0.01"}}}""");
        assertEquals(200, r.getStatus(), Fixture.text(r));
        JsonObject order = sent("/v1/invoices/create").getJsonObject("order");
        assertEquals("49.90", order.getString("amount"));
        assertEquals("EUR", order.getString("currency"));
        assertEquals("42", order.getString("id"));
        assertFalse(sent("/v1/checkout/create").containsKey("payCurrency"));
    }

    @Test
    void missingPayerFieldsAre422WithTheirNamesAndPayopIsNotAsked() {
        f.orders.add(PayopOrder.of("45", "5", "EUR"));
        Response r = direct("45", "{\"paymentMethod\": 203822, \"payer\": {\"email\": \"joe@example.com\"}}");
        assertEquals(422, r.getStatus());
        assertEquals(List.of("name", "date_of_birth"), fieldNames(r));
        JsonObject p = Fixture.object(r);
        assertEquals(Problems.TYPE_PREFIX + "invalid-fields", p.getString("type"));
        assertTrue(p.getString("detail").contains("name, date_of_birth"), p.getString("detail"));
        payop.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void invalidPayerValuesAre422WithoutTheirValues() {
        f.orders.add(PayopOrder.of("45", "5", "EUR"));
        Response r = direct("45", """
                {"paymentMethod": "203822", "payer": {"email": "<script>@x", "name": 7,
                 "fields": {"date_of_birth": "%s"}}}""".formatted("9".repeat(300)));
        assertEquals(422, r.getStatus());
        assertEquals(List.of("name", "email", "date_of_birth"), fieldNames(r));
        assertFalse(Fixture.text(r).contains("<script>"));
        assertFalse(Fixture.text(r).contains("999"));
    }

    @Test
    void aBrowserPayerThatDiffersFromTheOrdersKnownPayerIsRefusedAndPayopIsNotAsked() {
        Response r = direct("42", """
                {"paymentMethod": 203822, "payer": {"email": "mallory@example.com", "name": "M",
                 "fields": {"date_of_birth": "02.02.1980"}}}""");
        assertEquals(422, r.getStatus(), Fixture.text(r));
        assertEquals(List.of("email", "name"), fieldNames(r));
        String reason = Fixture.object(r).getJsonArray("fields").getJsonObject(0).getString("reason");
        assertTrue(reason.contains("differs from the payer of this order"), reason);
        assertFalse(Fixture.text(r).contains("mallory"), "the value is not echoed");
        assertFalse(Fixture.text(r).contains("jane"), "nor the order's");
        payop.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void theOrdersPayerIsUsedTheBrowserFillsWhatItLacksAndTheAnswerSaysWhichPayerWasUsed() {
        Fixture.invoiceCreated(payop, "inv-42");
        Fixture.checkoutCreated(payop, "tx-42");
        Response r = direct("42", """
                {"paymentMethod": 203822, "payer": {"email": " JANE@example.com", "name": "jane  doe",
                 "fields": {"date_of_birth": "02.02.1980"}}}""");
        assertEquals(200, r.getStatus(), Fixture.text(r));
        JsonObject payer = sent("/v1/invoices/create").getJsonObject("payer");
        assertEquals("jane@example.com", payer.getString("email"), "the same address: the order's spelling");
        assertEquals("Jane Doe", payer.getString("name"));
        assertEquals("02.02.1980", payer.getJsonObject("extraFields").getString("date_of_birth"));

        JsonObject used = Fixture.object(r).getJsonObject("payer");
        assertEquals("j***@example.com", used.getString("email"), "masked: the answer is no address book");
        assertEquals("{\"email\":\"order\",\"name\":\"order\",\"date_of_birth\":\"browser\"}",
                used.getJsonObject("sources").toString());
        assertFalse(Fixture.text(r).contains("Jane Doe"), Fixture.text(r));
        assertFalse(Fixture.text(r).contains("02.02.1980"), Fixture.text(r));
    }

    @Test
    void methodsTheOrderCannotUseAre422() {
        assertEquals(List.of("paymentMethod"), fieldNames(direct("42", "{\"paymentMethod\": 336}")), "USD only");
        assertEquals(List.of("paymentMethod"), fieldNames(direct("42", "{\"paymentMethod\": 381}")), "a card method");
        assertEquals(List.of("paymentMethod"), fieldNames(direct("42", "{\"paymentMethod\": 99999}")));
        assertEquals(List.of("paymentMethod"), fieldNames(direct("42", "{\"paymentMethod\": 1.5}")));
        assertEquals(List.of("paymentMethod"), fieldNames(direct("42", "{}")));
        payop.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void bodiesThatAreNoJsonObjectAre400() {
        for (String bad : List.of("", "not json", "[1,2]", "{\"paymentMethod\": ", "\"x\"")) {
            Response r = direct("42", bad);
            assertEquals(400, r.getStatus(), bad);
            assertEquals(Problems.TYPE_PREFIX + "invalid-request", Fixture.object(r).getString("type"));
        }
        Response big = direct("42", "{\"x\":\"" + "a".repeat(JsonIo.MAX_BODY_BYTES) + "\"}");
        assertEquals(400, big.getStatus());
    }

    @Test
    void aRefusedCheckoutIs502() {
        Fixture.invoiceCreated(payop, "inv-42");
        payop.stubFor(post(urlEqualTo("/v1/checkout/create")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"data\":{\"isSuccess\":false,\"message\":\"Risk check failed: rule 17\",\"txid\":\"\"},\"status\":1}")));
        Response r = direct("42", "{\"paymentMethod\":203822,\"payer\":{\"fields\":{\"date_of_birth\":\"01.01.1990\"}}}");
        assertEquals(502, r.getStatus());
        assertFalse(Fixture.text(r).contains("rule 17"));
    }

    @Test
    void aCheckoutRejectedWithStatusZeroButNamingATransactionWarnsThePayerNotToPayAgain() {
        Fixture.invoiceCreated(payop, "inv-42");
        payop.stubFor(post(urlEqualTo("/v1/checkout/create")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"data\":{\"isSuccess\":false,\"message\":\"Timeout\",\"txid\":\"tx-42\"},\"status\":0}")));
        Response r = direct("42", "{\"paymentMethod\":203822,\"payer\":{\"fields\":{\"date_of_birth\":\"01.01.1990\"}}}");
        assertEquals(502, r.getStatus());
        assertTrue(Fixture.text(r).contains("may already have been submitted"), Fixture.text(r));
    }

    @Test
    void aPayopValidationErrorOnTheCheckoutIs502() {
        Fixture.invoiceCreated(payop, "inv-42");
        Fixture.error(payop, "/v1/checkout/create", 422, "{\"message\":{\"customer.email\":[\"Invalid email\"]}}");
        Response r = direct("42", "{\"paymentMethod\":203822,\"payer\":{\"fields\":{\"date_of_birth\":\"01.01.1990\"}}}");
        assertEquals(502, r.getStatus());
        assertFalse(Fixture.text(r).contains("customer.email"));
    }

    @Test
    void theMethodListIsCachedAcrossRequests() {
        Fixture.invoiceCreated(payop, "inv-42");
        Fixture.checkoutCreated(payop, "tx-42");
        f.orderResource.paymentMethods("42");
        f.orderResource.paymentMethods("43");
        direct("42", "{\"paymentMethod\":203822,\"payer\":{\"fields\":{\"date_of_birth\":\"01.01.1990\"}}}");
        payop.verify(1, getRequestedFor(urlMatching("/v1/instrument-settings/.*")));
    }

    @Test
    void withTheCacheSetToZeroTheMethodListIsFetchedForEveryRequest() {
        f.close();
        f = new Fixture(payop, Map.of(Setting.JWT_TOKEN.key(), Fixture.JWT, Setting.PROJECT_ID.key(),
                Fixture.PROJECT_ID, "payop.payment-methods.cache", "0s"));
        f.orders.add(coffee("42"));
        f.orderResource.paymentMethods("42");
        f.orderResource.paymentMethods("42");
        payop.verify(2, getRequestedFor(urlMatching("/v1/instrument-settings/.*")));
    }
}
