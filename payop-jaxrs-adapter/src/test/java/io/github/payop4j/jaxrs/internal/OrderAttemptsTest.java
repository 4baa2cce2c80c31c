package io.github.payop4j.jaxrs.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.payop4j.jaxrs.internal.Fixture.coffee;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.config.Setting;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 13: every click on "Pay" created a new Payop invoice for the same order, so a payer with
 * two tabs could pay it twice. With the journal's invoice records the checkout endpoints reuse the
 * order's open invoice, refuse a paid order, and never start a second payment on an invoice whose
 * payment is under way.
 */
class OrderAttemptsTest {

    @RegisterExtension
    static WireMockExtension payop = Fixture.payop();

    private Fixture f;

    @BeforeEach
    void setUp() {
        f = new Fixture(payop, Map.of(Setting.JWT_TOKEN.key(), Fixture.JWT, Setting.PROJECT_ID.key(),
                Fixture.PROJECT_ID), true);
        f.orders.add(coffee("42"));
        Fixture.paymentMethods(payop);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private static void invoiceIs(String id, int status) {
        payop.stubFor(get(urlEqualTo("/v1/invoices/" + id)).willReturn(okJson("{\"data\": {\"identifier\": \"" + id
                + "\", \"status\": " + status + ", \"amount\": 49.9, \"currency\": \"EUR\", \"orderIdentifier\": \"42\"},"
                + " \"status\": 1}")));
    }

    @Test
    void twoPayClicksForOneOrderGiveOneInvoice() {
        Fixture.invoiceCreated(payop, "inv-1");
        invoiceIs("inv-1", 0);

        Response first = f.orderResource.hostedPage("42", null, null, null, null);
        Response second = f.orderResource.hostedPagePost("42", Fixture.request("203.0.113.7"));

        assertEquals(303, first.getStatus());
        assertEquals(303, second.getStatus());
        assertEquals(first.getLocation(), second.getLocation());
        payop.verify(1, postRequestedFor(urlEqualTo("/v1/invoices/create")));
    }

    @Test
    void anOrderPayopReportsPaidIsAConflictNotASecondInvoice() {
        Fixture.invoiceCreated(payop, "inv-2");
        f.orderResource.hostedPage("42", null, null, null, null);
        invoiceIs("inv-2", 1);

        Response r = f.orderResource.hostedPage("42", null, null, null, null);

        assertEquals(409, r.getStatus());
        assertTrue(Fixture.text(r).contains("order-paid"), Fixture.text(r));
        payop.verify(1, postRequestedFor(urlEqualTo("/v1/invoices/create")));
    }

    @Test
    void aDirectPaymentOnAnInvoiceWithAPaymentUnderWayIsAConflictThatSaysWhereToContinue() {
        Fixture.invoiceCreated(payop, "inv-3");
        Fixture.checkoutCreated(payop, "tx-3");
        invoiceIs("inv-3", 0);
        String body = "{\"paymentMethod\": 203822, \"payer\": {\"email\": \"jane@example.com\", \"name\": \"Jane Doe\","
                + " \"fields\": {\"date_of_birth\": \"01.01.1990\"}}}";
        Response started = f.orderResource.direct("42", Fixture.body(body), Fixture.request("203.0.113.7"),
                Fixture.uriInfo());
        assertEquals(200, started.getStatus(), Fixture.text(started));
        invoiceIs("inv-3", 4); // the transaction is under way (the payer's other tab)

        Response again = f.orderResource.direct("42", Fixture.body(body), Fixture.request("203.0.113.7"),
                Fixture.uriInfo());

        assertEquals(409, again.getStatus(), Fixture.text(again));
        JsonObject problem = Fixture.object(again);
        assertTrue(problem.getString("type").endsWith("payment-under-way"), problem.toString());
        assertTrue(problem.getString("detail").contains(Fixture.object(started).getString("continue")),
                problem.toString());
        payop.verify(1, postRequestedFor(urlEqualTo("/v1/checkout/create")));
        payop.verify(1, postRequestedFor(urlEqualTo("/v1/invoices/create")));
    }
}
