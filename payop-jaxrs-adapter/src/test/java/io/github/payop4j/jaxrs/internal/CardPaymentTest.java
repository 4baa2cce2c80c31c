package io.github.payop4j.jaxrs.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.payop4j.jaxrs.internal.Fixture.PAYER_IP;
import static io.github.payop4j.jaxrs.internal.Fixture.body;
import static io.github.payop4j.jaxrs.internal.Fixture.coffee;
import static io.github.payop4j.jaxrs.internal.Fixture.request;
import static io.github.payop4j.jaxrs.internal.Fixture.uriInfo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.jaxrs.PayopOrder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CardPaymentTest {

    static final String PAN = "5555555555554444";
    static final String CVV = "9137";
    static final String EXPIRY = "11/29";
    static final String HOLDER = "JANE QUINTESSA DOE";
    static final String TOKEN = "1ay4YEZXF75BTraFw/sPJ9iMJVOr/bR/UeEPp";
    static final String CARD = """
            {"pan": "5555 5555 5555 4444", "expirationDate": "11/29", "cvv": "9137",
             "holderName": "JANE QUINTESSA DOE", "email": "jane.card@example.com", "name": "Jane Card"%s}""";

    @RegisterExtension
    static WireMockExtension payop = Fixture.payop();

    private Fixture f;
    private final List<String> answers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        f = Fixture.basic(payop);
        f.orders.add(coffee("42")).add(PayopOrder.of("43", "10.00", "EUR"));
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private Response card(String orderId, String json) {
        Response r = f.orderResource.card(orderId, body(json), request(PAYER_IP), uriInfo());
        answers.add(r.getStatus() + " " + r.getHeaders() + " " + r.getEntity());
        return r;
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
    void invoiceWithTheCardMethodThenTokenThenCheckout() {
        Fixture.invoiceCreated(payop, "inv-43");
        Fixture.cardTokenCreated(payop, TOKEN);
        Fixture.checkoutCreated(payop, "tx-43");
        Response r = card("43", CARD.formatted(""));

        assertEquals(200, r.getStatus(), Fixture.text(r));
        JsonObject answer = Fixture.object(r);
        assertEquals("inv-43", answer.getString("invoiceId"));
        assertEquals("tx-43", answer.getString("transactionId"));
        assertEquals("https://shop.example/ctx/payop-checkout/payop/invoices/inv-43/next-step", answer.getString("next"));

        JsonObject invoice = sent("/v1/invoices/create");
        assertEquals(381, invoice.getInt("paymentMethod"), "payop.card-method's default");
        assertEquals("10.00", invoice.getJsonObject("order").getString("amount"));
        assertEquals("jane.card@example.com", invoice.getJsonObject("payer").getString("email"));
        assertEquals("Jane Card", invoice.getJsonObject("payer").getString("name"));

        JsonObject token = sent("/v1/payment-tools/card-token/create");
        assertEquals("inv-43", token.getString("invoiceIdentifier"));
        assertEquals(PAN, token.getString("pan"), "spaces are removed");
        assertEquals(EXPIRY, token.getString("expirationDate"));
        assertEquals(CVV, token.getString("cvv"));
        assertEquals(HOLDER, token.getString("holderName"));

        JsonObject checkout = sent("/v1/checkout/create");
        assertEquals(TOKEN, checkout.getString("cardToken"));
        assertEquals(381, checkout.getInt("paymentMethod"));
        assertEquals(PAYER_IP, checkout.getJsonObject("customer").getString("ip"));
        assertEquals("jane.card@example.com", checkout.getJsonObject("customer").getString("email"));
    }

    @Test
    void theBrowserCannotChangeTheAmountOrCurrency() {
        Fixture.invoiceCreated(payop, "inv-43");
        Fixture.cardTokenCreated(payop, TOKEN);
        Fixture.checkoutCreated(payop, "tx-43");
        Response r = card("43", CARD.formatted(", \"amount\": \"0.01\", \"currency\": \"USD\", \"orderId\": \"1\""));
        assertEquals(200, r.getStatus(), Fixture.text(r));
        JsonObject order = sent("/v1/invoices/create").getJsonObject("order");
        assertEquals("10.00", order.getString("amount"));
        assertEquals("EUR", order.getString("currency"));
        assertEquals("43", order.getString("id"));
    }

    @Test
    void aBrowserPayerThatDiffersFromTheOrdersIsRefusedBeforeAnyCardDataIsSent() {
        Response r = card("42", CARD.formatted(""));
        assertEquals(422, r.getStatus(), Fixture.text(r));
        assertEquals(List.of("email", "name"), fieldNames(r));
        payop.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void theAnswerSaysWhichPayerWasUsed() {
        Fixture.invoiceCreated(payop, "inv-42");
        Fixture.cardTokenCreated(payop, TOKEN);
        Fixture.checkoutCreated(payop, "tx-42");
        Response r = card("42", """
                {"pan": "5555 5555 5555 4444", "expirationDate": "11/29", "cvv": "9137",
                 "holderName": "JANE QUINTESSA DOE", "email": "jane@example.com"}""");
        assertEquals(200, r.getStatus(), Fixture.text(r));
        assertEquals("jane@example.com", sent("/v1/invoices/create").getJsonObject("payer").getString("email"));
        JsonObject used = Fixture.object(r).getJsonObject("payer");
        assertEquals("j***@example.com", used.getString("email"));
        assertEquals("{\"email\":\"order\",\"name\":\"order\"}", used.getJsonObject("sources").toString());
    }

    @Test
    void invalidCardDataIs422ListingEveryFieldAndPayopIsNotAsked() {
        Response r = card("43", """
                {"pan": "4111 1111 1111 1112", "expirationDate": "13/29", "cvv": "12", "email": "x"}""");
        assertEquals(422, r.getStatus());
        assertEquals(List.of("pan", "expirationDate", "cvv", "holderName", "email", "name"), fieldNames(r));
        assertFalse(Fixture.text(r).contains("1112"));
        payop.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void withoutTheMethodListOnlyTheConfiguredCardMethodIsAccepted() {
        Response r = card("43", CARD.formatted(", \"paymentMethod\": 480"));
        assertEquals(422, r.getStatus());
        assertEquals(List.of("paymentMethod"), fieldNames(r));
        payop.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void withTheMethodListTheRequestMayChooseACardMethodOfTheOrdersCurrency() {
        f.close();
        f = Fixture.withMethods(payop);
        f.orders.add(PayopOrder.of("43", "10.00", "EUR"));
        Fixture.paymentMethods(payop);
        assertEquals(List.of("paymentMethod"), fieldNames(card("43", CARD.formatted(", \"paymentMethod\": 203822"))),
                "not a card method");
        payop.verify(0, postRequestedFor(anyUrl()));

        Fixture.invoiceCreated(payop, "inv-43");
        Fixture.cardTokenCreated(payop, TOKEN);
        Fixture.checkoutCreated(payop, "tx-43");
        assertEquals(200, card("43", CARD.formatted(", \"paymentMethod\": \"381\"")).getStatus());
        assertEquals(381, sent("/v1/invoices/create").getInt("paymentMethod"));
    }

    @Test
    void cardDataIsNeverLoggedStoredOrEchoed() {
        try (LogCapture logs = new LogCapture()) {
            // Success.
            Fixture.invoiceCreated(payop, "inv-43");
            Fixture.cardTokenCreated(payop, TOKEN);
            Fixture.checkoutCreated(payop, "tx-43");
            assertEquals(200, card("43", CARD.formatted("")).getStatus());

            // Payop echoes the card in a validation error.
            Fixture.error(payop, "/v1/payment-tools/card-token/create", 422,
                    "{\"message\":{\"pan\":[\"Invalid card number " + PAN + " (cvv " + CVV + ")\"]}}");
            assertEquals(502, card("43", CARD.formatted("")).getStatus());

            // Payop echoes card and token in a server error of the checkout.
            Fixture.cardTokenCreated(payop, TOKEN);
            Fixture.error(payop, "/v1/checkout/create", 500,
                    "{\"message\":\"token " + TOKEN + " for card " + PAN + " exp " + EXPIRY + " failed\"}");
            assertEquals(502, card("43", CARD.formatted("")).getStatus());

            // Payop refuses the checkout, quoting the card.
            payop.stubFor(post(urlEqualTo("/v1/checkout/create")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody("{\"data\":{\"isSuccess\":false,"
                            + "\"message\":\"Declined: " + HOLDER + " " + EXPIRY + " cvv " + CVV + "\",\"txid\":\"\"}}")));
            assertEquals(502, card("43", CARD.formatted("")).getStatus());

            // The tokenisation times out.
            payop.stubFor(post(urlEqualTo("/v1/payment-tools/card-token/create"))
                    .willReturn(aResponse().withFixedDelay(2_500).withBody("{}")));
            assertEquals(504, card("43", CARD.formatted("")).getStatus());

            // Invalid and malformed bodies holding the card.
            assertEquals(422, card("43", CARD.formatted("").replace("\"9137\"", "\"91370\"")).getStatus());
            assertEquals(400, card("43", CARD.formatted("").replace("}", "")).getStatus());
            assertEquals(400, card("43", "{\"pan\": " + PAN + "9x}").getStatus());
            assertEquals(404, card("nope", CARD.formatted("")).getStatus());

            String everything = logs.all() + "\n" + String.join("\n", answers);
            assertTrue(logs.lines().stream().anyMatch(l -> l.contains("PAYOP4J-1003")), "the capture works");
            assertTrue(logs.lines().stream().anyMatch(l -> l.contains("PAYOP4J-2004")), everything);
            assertNoCardData(everything);
        }
    }

    private static void assertNoCardData(String text) {
        assertFalse(text.contains(PAN), text);
        assertFalse(text.contains("5555 5555"), text);
        assertFalse(text.contains("55555555"), text);
        assertFalse(text.contains(TOKEN), text);
        assertFalse(text.contains(HOLDER), text);
        assertFalse(text.contains(EXPIRY), text);
        // The CVV as a token of its own (a UUID may contain the same digits inside a longer hex run).
        assertFalse(Pattern.compile("(?<![0-9a-fA-F])" + CVV + "(?![0-9a-fA-F])").matcher(text).find(), text);
    }
}
