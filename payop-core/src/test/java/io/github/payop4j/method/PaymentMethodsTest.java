package io.github.payop4j.method;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.ClientFixture;
import io.github.payop4j.PayopClient;
import io.github.payop4j.testing.Docs;
import io.github.payop4j.testing.PayopStub;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PaymentMethodsTest {

    private static final String PATH = "/v1/instrument-settings/payment-methods/available-for-application/";

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

    @Test
    void availableAsksForTheConfiguredProjectWithTheJwtAndParsesTheDocsExample() {
        payop.stubFor(get(urlEqualTo(PATH + PayopStub.PROJECT_ID))
                .willReturn(aResponse().withBody(Docs.json("payment-methods.json"))));

        List<PaymentMethod> methods = client.paymentMethods().available();

        payop.verify(1, getRequestedFor(urlEqualTo(PATH + PayopStub.PROJECT_ID))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Bearer " + PayopStub.JWT)));
        assertEquals(1, methods.size());
        PaymentMethod argencard = methods.get(0);
        assertEquals(336, argencard.id());
        assertEquals("cards_local", argencard.type());
        assertEquals("standard", argencard.formType());
        assertFalse(argencard.requiresCardToken());
        assertEquals("Argencard", argencard.title());
        assertEquals("https://payop.com/assets/images/payment_methods/argencard.jpg", argencard.logo());
        assertEquals(List.of("USD"), argencard.currencies());
        assertTrue(argencard.supportsCurrency("usd"));
        assertFalse(argencard.supportsCurrency("EUR"));
        assertEquals(List.of("AR"), argencard.countries());
        assertEquals(List.of(
                new PayerField("email", "email", null, true),
                new PayerField("name", "text", null, true),
                new PayerField("nationalid", "text", "Consumer's national id", true)), argencard.fields());
        assertEquals(argencard.fields(), argencard.requiredFields());
        assertEquals(List.of(false, false, true), argencard.fields().stream().map(PayerField::isExtraField).toList());
        assertEquals("a728eb60-f8ac-11e8-afc4-65c7f5e909d5", argencard.raw().getString("pmIdentifier"));
    }

    @Test
    void availableForAnotherProjectUsesThatIdEncoded() {
        payop.stubFor(get(urlEqualTo(PATH + "other%2Fproject"))
                .willReturn(aResponse().withBody(Docs.json("payment-methods-invoice-doc.json"))));

        List<PaymentMethod> methods = client.paymentMethods().available("other/project");

        payop.verify(1, getRequestedFor(urlEqualTo(PATH + "other%2Fproject"))
                .withHeader("Authorization", equalTo("Bearer " + PayopStub.JWT)));
        assertEquals(List.of(336), methods.stream().map(PaymentMethod::id).toList());
        // This docs example has no formType at all.
        assertNull(methods.get(0).formType());
        assertFalse(methods.get(0).requiresCardToken());
        assertEquals(List.of("email", "name", "nationalid"),
                methods.get(0).fields().stream().map(PayerField::name).toList());
    }

    @Test
    void directPaymentExampleListsTheMethodSpecificRequiredField() {
        payop.stubFor(get(urlEqualTo(PATH + PayopStub.PROJECT_ID))
                .willReturn(aResponse().withBody(Docs.json("payment-methods-direct.json"))));

        PaymentMethod bank = client.paymentMethods().available().get(0);

        assertEquals(203822, bank.id());
        assertEquals("bank_transfer", bank.type());
        assertEquals("Pay by bank", bank.title());
        assertNull(bank.logo());
        assertEquals(List.of("EUR", "GBP"), bank.currencies());
        assertEquals(List.of("AT", "ES", "IT", "PT", "FR", "DE", "FI", "NL", "EE", "LT"), bank.countries());
        List<PayerField> extra = bank.requiredFields().stream().filter(PayerField::isExtraField).toList();
        assertEquals(List.of(new PayerField("date_of_birth", "text", null, true)), extra);
    }

    @Test
    void cardsFormTypeRequiresACardTokenAndOptionalFieldsAreNotRequired() {
        payop.stubFor(get(urlEqualTo(PATH + PayopStub.PROJECT_ID)).willReturn(aResponse().withBody("""
                {"data": [{"identifier": 381, "type": "cards_international", "formType": "cards", "title": "Visa",
                  "currencies": ["EUR", "USD"], "countries": [],
                  "config": {"fields": [
                    {"name": "email", "type": "email", "required": true},
                    {"name": "phone", "type": "text", "required": false},
                    {"name": "document", "type": "text"}]}}], "status": 1}""")));

        PaymentMethod card = client.paymentMethods().available().get(0);

        assertEquals(381, card.id());
        assertTrue(card.requiresCardToken());
        assertEquals(List.of(), card.countries());
        assertEquals(List.of(new PayerField("email", "email", null, true)), card.requiredFields());
        assertEquals(List.of(false, false, true), card.fields().stream().map(PayerField::isExtraField).toList());
        assertFalse(card.fields().get(2).required());
    }

    @Test
    void availableWithoutAConfiguredProjectIdExplainsWhatToSet() {
        try (PayopClient noProject = PayopClient.builder().jwtToken(PayopStub.JWT)
                .apiUrl(payop.baseUrl()).build()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> noProject.paymentMethods().available());
            assertTrue(e.getMessage().contains("projectId"), e.getMessage());
        }
        assertEquals(0, payop.getAllServeEvents().size());
    }
}
