package io.github.payop4j.invoice;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.ClientFixture;
import io.github.payop4j.PayopClient;
import io.github.payop4j.error.PayopNotFoundException;
import io.github.payop4j.error.PayopResponseException;
import io.github.payop4j.error.PayopValidationException;
import io.github.payop4j.internal.api.Signature;
import io.github.payop4j.money.Amount;
import io.github.payop4j.testing.Docs;
import io.github.payop4j.testing.PayopStub;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InvoicesTest {

    @RegisterExtension
    static WireMockExtension payop = PayopStub.extension();

    private PayopClient client;

    @BeforeEach
    void setUp() {
        client = ClientFixture.client(payop.baseUrl());
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private static InvoiceRequest.Builder docsRequest() {
        return InvoiceRequest.builder()
                .orderId("12345")
                .amount("3.00")
                .currency("USD")
                .item(new OrderItem("487", "Item 1", "1.00"))
                .item(new OrderItem("358", "Item 2", "2.00"))
                .description("Order description")
                .payer(Payer.withEmail("payer@example.com").name("PAYER_NAME"))
                .paymentMethod(381)
                .language(CheckoutLanguage.EN)
                .resultUrl("https://your.site/result?invoiceId={{invoiceId}}&txid={{txid}}")
                .failPath("https://your.site/fail?invoiceId={{invoiceId}}");
    }

    @Test
    void createSendsTheDocumentedBodyWithTheSignatureOfTheSentStringsAndReadsTheIdFromTheHeader() {
        payop.stubFor(post("/v1/invoices/create").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("identifier", "81962ed0-a65c-4d1a-851b-b3dbf9750399")
                .withBody(Docs.json("invoice-create-s2s.json"))));

        CreatedInvoice created = client.invoices().create(docsRequest().build());

        String signature = Signature.invoice("3.00", "USD", "12345", PayopStub.SECRET_KEY);
        payop.verify(1, postRequestedFor(urlEqualTo("/v1/invoices/create"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withoutHeader("Authorization")
                .withRequestBody(equalToJson("""
                        {
                          "publicKey": "%s",
                          "order": {
                            "id": "12345",
                            "amount": "3.00",
                            "currency": "USD",
                            "items": [
                              { "id": "487", "name": "Item 1", "price": "1.00" },
                              { "id": "358", "name": "Item 2", "price": "2.00" }
                            ],
                            "description": "Order description"
                          },
                          "signature": "%s",
                          "payer": { "email": "payer@example.com", "name": "PAYER_NAME" },
                          "paymentMethod": 381,
                          "language": "en",
                          "resultUrl": "https://your.site/result?invoiceId={{invoiceId}}&txid={{txid}}",
                          "failPath": "https://your.site/fail?invoiceId={{invoiceId}}"
                        }""".formatted(PayopStub.PUBLIC_KEY, signature))));
        assertEquals("81962ed0-a65c-4d1a-851b-b3dbf9750399", created.invoiceId());
        assertEquals(signature, created.signature());
        assertEquals(URI.create("https://checkout.payop.com/en/payment/invoice-preprocessing/81962ed0-a65c-4d1a-851b-b3dbf9750399"),
                created.hostedPageUrl());
    }

    @Test
    void theSignedAmountIsByteIdenticalToTheSentAmount() {
        payop.stubFor(post("/v1/invoices/create").willReturn(aResponse().withHeader("identifier", "inv-1")
                .withBody(Docs.json("invoice-create-s2s.json"))));

        for (String amount : new String[] {"2", "2.00", "1.2000", "0.45", "100000000.12345678"}) {
            payop.resetRequests();
            CreatedInvoice created = client.invoices().create(docsRequest().amount(amount).build());
            String body = payop.getAllServeEvents().get(0).getRequest().getBodyAsString();
            assertTrue(body.contains("\"amount\":\"" + amount + "\""), body);
            assertEquals(Signature.invoice(amount, "USD", "12345", PayopStub.SECRET_KEY), created.signature());
        }
    }

    @Test
    void bigDecimalAmountsAreSentInPlainNotation() {
        payop.stubFor(post("/v1/invoices/create").willReturn(aResponse().withHeader("identifier", "inv-1")));

        client.invoices().create(docsRequest().amount(Amount.of(new BigDecimal("1E+1"))).build());

        String body = payop.getAllServeEvents().get(0).getRequest().getBodyAsString();
        assertTrue(body.contains("\"amount\":\"10\""), body);
    }

    @Test
    void itemsAreSentAsAnEmptyArrayWhenThereAreNone() {
        payop.stubFor(post("/v1/invoices/create").willReturn(aResponse().withHeader("identifier", "inv-1")));

        client.invoices().create(InvoiceRequest.builder().orderId("o-1").amount("5").currency("EUR")
                .payer(Payer.withEmail("a@b.example")).build());

        payop.verify(postRequestedFor(urlEqualTo("/v1/invoices/create")).withRequestBody(equalToJson("""
                {"publicKey": "%s", "order": {"id": "o-1", "amount": "5", "currency": "EUR", "items": []},
                 "signature": "%s", "payer": {"email": "a@b.example"}}""".formatted(PayopStub.PUBLIC_KEY,
                Signature.invoice("5", "EUR", "o-1", PayopStub.SECRET_KEY)))));
    }

    @Test
    void payerExtraFieldsAndMetadataAreSent() {
        payop.stubFor(post("/v1/invoices/create").willReturn(aResponse().withHeader("identifier", "inv-1")));

        client.invoices().create(docsRequest()
                .payer(Payer.withEmail("test.email@address.com").field("nationalid", "123456789").field("other", "SOME_DATA"))
                .metadata(Map.of("internal merchant id", "example"))
                .build());

        payop.verify(postRequestedFor(urlEqualTo("/v1/invoices/create")).withRequestBody(equalToJson("""
                {"payer": {"email": "test.email@address.com", "extraFields": {"nationalid": "123456789", "other": "SOME_DATA"}},
                 "metadata": {"internal merchant id": "example"}}""", true, true)));
    }

    @Test
    void theIdFallsBackToTheBodyWhenTheHeaderIsMissing() {
        payop.stubFor(post("/v1/invoices/create").willReturn(aResponse().withBody(Docs.json("invoice-create.json"))));

        assertEquals("ec2aa893-e7f5-4a0d-98c4-ef1a424eaf5d", client.invoices().create(docsRequest().build()).invoiceId());
    }

    @Test
    void noIdAnywhereIsAResponseErrorNotASilentNull() {
        payop.stubFor(post("/v1/invoices/create").willReturn(aResponse().withBody(Docs.json("invoice-create-s2s.json"))));

        PayopResponseException e = assertThrows(PayopResponseException.class, () -> client.invoices().create(docsRequest().build()));
        assertTrue(e.getMessage().contains("create an invoice for order 12345"), e.getMessage());
        assertTrue(e.getMessage().contains("without an id"), e.getMessage());
        assertTrue(e.requestMayHaveTakenEffect(), "the invoice may exist");
    }

    @Test
    void theHeaderIdWinsOverABodyThatIsNotJson() {
        payop.stubFor(post("/v1/invoices/create").willReturn(aResponse().withHeader("identifier", "inv-7")
                .withBody("<html>OK</html>")));

        assertEquals("inv-7", client.invoices().create(docsRequest().build()).invoiceId());
    }

    @Test
    void aBodyThatIsNotJsonWithoutAnIdIsReportedAsUnknownOutcome() {
        payop.stubFor(post("/v1/invoices/create").willReturn(aResponse().withBody("<html>OK</html>")));

        PayopResponseException e = assertThrows(PayopResponseException.class, () -> client.invoices().create(docsRequest().build()));
        assertTrue(e.getMessage().contains("check it in the Payop dashboard before repeating it"), e.getMessage());
    }

    @Test
    void wrongSignatureIsAValidationError() {
        payop.stubFor(post("/v1/invoices/create").willReturn(aResponse().withStatus(422).withBody(Docs.json("wrong-signature.json"))));

        PayopValidationException e = assertThrows(PayopValidationException.class, () -> client.invoices().create(docsRequest().build()));
        assertEquals(422, e.httpStatus());
        assertEquals("Wrong signature", e.payopMessage());
        assertTrue(e.getMessage().contains("create an invoice for order 12345"), e.getMessage());
        payop.verify(1, postRequestedFor(urlEqualTo("/v1/invoices/create")));
    }

    @Test
    void getParsesTheDocsExample() {
        payop.stubFor(get("/v1/invoices/81962ed0-a65c-4d1a-851b-b3dbf9750399")
                .willReturn(aResponse().withBody(Docs.json("invoice-get.json"))));

        Invoice invoice = client.invoices().get("81962ed0-a65c-4d1a-851b-b3dbf9750399");

        payop.verify(getRequestedFor(urlEqualTo("/v1/invoices/81962ed0-a65c-4d1a-851b-b3dbf9750399"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", absent()));
        assertEquals("81962ed0-a65c-4d1a-851b-b3dbf9750399", invoice.id());
        assertEquals(InvoiceStatus.NEW, invoice.status());
        assertEquals(0, invoice.statusCode());
        assertEquals("3", invoice.amount());
        assertEquals("EUR", invoice.currency());
        assertEquals("test", invoice.orderId());
        assertEquals(2, invoice.items().size());
        assertEquals("0.90", invoice.items().get(0).getString("price"));
        assertEquals("https://your.site/result", invoice.resultUrl());
        assertEquals("https://your.site/fail", invoice.failUrl());
        assertEquals("test.user@payop.com", invoice.payerEmail());
        assertEquals(261, invoice.paymentMethod().id());
        assertFalse(invoice.paymentMethod().requiresCardToken());
        assertEquals(1567754398L, invoice.createdAt().getEpochSecond());
    }

    @Test
    void getOfAnUnknownInvoiceIsNotFound() {
        payop.stubFor(get("/v1/invoices/nope").willReturn(aResponse().withStatus(404).withBody(Docs.json("invoice-not-found.json"))));

        PayopNotFoundException e = assertThrows(PayopNotFoundException.class, () -> client.invoices().get("nope"));
        assertEquals("Invoice (Invoice_ID) not found", e.payopMessage());
    }

    @Test
    void idsAreEncodedSoTheyCannotChangeThePath() {
        payop.stubFor(get(urlEqualTo("/v1/invoices/..%2Fv2%2Ftransactions%2Fx%3Fa%3D1"))
                .willReturn(aResponse().withBody("{\"data\": {\"amount\": 1}}")));

        Invoice invoice = client.invoices().get("../v2/transactions/x?a=1");

        payop.verify(1, getRequestedFor(urlEqualTo("/v1/invoices/..%2Fv2%2Ftransactions%2Fx%3Fa%3D1")));
        assertEquals(InvoiceStatus.UNKNOWN, invoice.status());
        assertNull(invoice.statusCode());
    }

    @Test
    void hostedPageUrlUsesTheLocaleAndCheckoutBase() {
        assertEquals(URI.create("https://checkout.payop.com/de/payment/invoice-preprocessing/abc-1"),
                client.invoices().hostedPageUrl("abc-1", CheckoutLanguage.DE));
        assertThrows(IllegalArgumentException.class, () -> CheckoutLanguage.of("xx"));
    }
}
