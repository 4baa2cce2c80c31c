package io.github.payop4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.PayopClient;
import io.github.payop4j.error.PayopAuthenticationException;
import io.github.payop4j.error.PayopNotFoundException;
import io.github.payop4j.error.PayopValidationException;
import io.github.payop4j.invoice.CreatedInvoice;
import io.github.payop4j.invoice.Invoice;
import io.github.payop4j.invoice.InvoiceStatus;
import io.github.payop4j.method.PaymentMethod;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Invoices and payment methods, through PayopClient: the emulator and the client agree. */
@PayopEmulatorTest
class InvoicesAndMethodsTest {

    @Test
    void createsAnInvoiceWhoseIdComesInTheIdentifierHeaderAndReadsItBack(PayopEmulator payop, PayopClient client) {
        CreatedInvoice created = Invoices.create(client, "order-7", "49.90", 381);
        assertEquals(payop.checkoutUrl() + "/en/payment/invoice-preprocessing/" + created.invoiceId(),
                created.hostedPageUrl().toString());

        Invoice invoice = client.invoices().get(created.invoiceId());
        assertEquals(created.invoiceId(), invoice.id());
        assertEquals(InvoiceStatus.NEW, invoice.status());
        assertEquals("49.9", invoice.amount(), "Payop's PHP writes the amount as a number");
        assertEquals("EUR", invoice.currency());
        assertEquals("order-7", invoice.orderId());
        assertEquals("jane@example.com", invoice.payerEmail());
        assertEquals(381, invoice.paymentMethod().id());
        assertEquals("cards", invoice.paymentMethod().formType());
        assertEquals(1, invoice.items().size());
        assertEquals("https://shop.example/paid?invoice={{invoiceId}}&tx={{txid}}", invoice.resultUrl());
    }

    @Test
    void aWrongSignatureGetsPayops422(PayopEmulator payop) {
        try (PayopClient wrongSecret = PayopClient.builder().apiUrl(payop.apiUrl()).publicKey(payop.publicKey())
                .secretKey("not-the-secret").build()) {
            PayopValidationException e = assertThrows(PayopValidationException.class,
                    () -> Invoices.create(wrongSecret, "order-8", "10.00", null));
            assertEquals(422, e.httpStatus());
            assertEquals("Wrong signature", e.payopMessage());
        }
    }

    @Test
    void theSignedStringIsTheSentString(PayopEmulator payop) {
        // "10" and "10.00" sign differently: a body whose amount differs from the signed one is refused.
        String signature = sha256("10:EUR:o-9:" + payop.secretKey());
        HttpResponse<String> ok = RawHttp.post(payop.apiUrl().resolve("/v1/invoices/create"), invoiceJson(payop,
                "10", signature));
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.headers().firstValue("identifier").isPresent());
        HttpResponse<String> differs = RawHttp.post(payop.apiUrl().resolve("/v1/invoices/create"), invoiceJson(payop,
                "10.00", signature));
        assertEquals(422, differs.statusCode());
        assertEquals("{\"message\":\"Wrong signature\"}", differs.body());
    }

    @Test
    void fieldErrorsAreWordedLikePayops(PayopEmulator payop) {
        String body = "{\"publicKey\":\"" + payop.publicKey() + "\",\"order\":{\"id\":\"\",\"amount\":\"-1\","
                + "\"currency\":\"euro\",\"items\":[]},\"payer\":{\"email\":\"not-an-email\"},\"signature\":\"x\"}";
        HttpResponse<String> r = RawHttp.post(payop.apiUrl().resolve("/v1/invoices/create"), body);
        assertEquals(422, r.statusCode());
        assertEquals("{\"message\":{\"order.id\":[\"This value should not be blank.\"],"
                + "\"order.amount\":[\"This value should be positive.\"],"
                + "\"order.currency\":[\"This value is not a valid currency.\"],"
                + "\"payer.email\":[\"This value is not a valid email address.\"]}}", r.body());
    }

    @Test
    void anUnknownInvoiceIs404(PayopClient client) {
        PayopNotFoundException e = assertThrows(PayopNotFoundException.class, () -> client.invoices().get("nope"));
        assertEquals("Invoice not found", e.payopMessage());
    }

    @Test
    void aMethodOutsideTheCatalogueIsRefused(PayopClient client) {
        PayopValidationException e = assertThrows(PayopValidationException.class,
                () -> Invoices.create(client, "order-10", "5.00", 999));
        assertEquals("Method must be enabled to use it", e.payopMessage());
    }

    @Test
    void listsTheProjectsPaymentMethodsWithTheirPayerFields(PayopClient client) {
        List<PaymentMethod> methods = client.paymentMethods().available();
        assertEquals(List.of(381, 336, 203822), methods.stream().map(PaymentMethod::id).toList());
        assertTrue(methods.get(0).requiresCardToken());
        assertEquals(List.of("email", "name", "nationalid"),
                methods.get(1).requiredFields().stream().map(f -> f.name()).toList());
        assertEquals("bank_transfer", methods.get(2).type());
    }

    @Test
    void theJwtIsRequiredWherePayopRequiresIt(PayopEmulator payop) {
        HttpResponse<String> none = RawHttp.get(payop.apiUrl().resolve(
                "/v1/instrument-settings/payment-methods/available-for-application/" + payop.projectId()));
        assertEquals(401, none.statusCode());
        assertEquals("{\"message\":\"Full authentication is required to access this resource.\"}", none.body());
        try (PayopClient wrongToken = PayopClient.builder().apiUrl(payop.apiUrl()).jwtToken("wrong")
                .projectId(payop.projectId()).build()) {
            PayopAuthenticationException e = assertThrows(PayopAuthenticationException.class,
                    () -> wrongToken.paymentMethods().available());
            assertEquals("Authorization token invalid", e.payopMessage());
            // Invoices, card tokens, checkout and status checks need no token.
            assertEquals(404, RawHttp.get(payop.apiUrl().resolve("/v1/invoices/x")).statusCode());
            assertEquals(404, RawHttp.get(payop.apiUrl().resolve("/v1/checkout/check-invoice-status/x")).statusCode());
        }
        for (String path : List.of("/v2/transactions/x", "/v1/transactions/filter?query[identifiers]=x",
                "/v1/refunds/user-refunds", "/v1/withdrawals/user-withdrawals")) {
            assertEquals(401, RawHttp.get(payop.apiUrl().resolve(path)).statusCode(), path);
        }
        HttpResponse<String> wallet = RawHttp.get(payop.apiUrl().resolve("/v1/wallets/get-balances"));
        assertEquals("{\"message\":\"Unable find authenticated user\"}", wallet.body());
    }

    @Test
    void anotherProjectsMethodsAreForbidden(PayopEmulator payop) {
        HttpResponse<String> r = RawHttp.get(payop.apiUrl().resolve(
                "/v1/instrument-settings/payment-methods/available-for-application/other"),
                "Authorization", "Bearer " + payop.jwtToken());
        assertEquals(403, r.statusCode());
        assertEquals("{\"message\":\"Access denied.\"}", r.body());
    }

    @Test
    void resetForgetsInvoices(PayopEmulator payop, PayopClient client) {
        String id = Invoices.create(client, "order-11", "1.00", null).invoiceId();
        assertNotNull(client.invoices().get(id));
        payop.reset();
        assertThrows(PayopNotFoundException.class, () -> client.invoices().get(id));
        assertNull(payop.ipnUrl());
        assertEquals(Map.of(), Map.of());
    }

    static String invoiceJson(PayopEmulator payop, String amount, String signature) {
        return "{\"publicKey\":\"" + payop.publicKey() + "\",\"order\":{\"id\":\"o-9\",\"amount\":\"" + amount
                + "\",\"currency\":\"EUR\",\"items\":[]},\"payer\":{\"email\":\"jane@example.com\"},"
                + "\"signature\":\"" + signature + "\"}";
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
