package io.github.payop4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.PayopClient;
import io.github.payop4j.checkout.CheckoutRequest;
import io.github.payop4j.checkout.Customer;
import io.github.payop4j.invoice.Payer;
import io.github.payop4j.money.Amount;
import io.github.payop4j.money.CurrencyCode;
import io.github.payop4j.refund.RefundRequest;
import io.github.payop4j.withdrawal.WithdrawalRequest;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every documented example answer in ../shared/payop-api has the same fields and JSON types as the
 * emulator's answer to the same request. The examples are read from the markdown at test time.
 * Not compared: responses.md's generic 200 example (no endpoint) and the request examples of
 * withdrawalEncrypt.md (they are requests, not answers).
 */
class DocsConformanceTest {

    private static final Set<String> NONE = Set.of();
    private static ShopEndpoint shop;
    private static PayopEmulator payop;
    private static PayopClient client;
    // State the answers are read from, made once through PayopClient.
    private static String cardInvoice;
    private static String cardTx;
    private static String threeDsInvoice;
    private static String threeDsTx;
    private static String bankInvoice;
    private static String bankTx;
    private static String failedInvoice;
    private static String failedTx;
    private static String newInvoice;
    private static String refundId;
    private static String badFieldInvoice;

    @BeforeAll
    static void makeState() {
        shop = ShopEndpoint.alwaysOk();
        payop = PayopEmulator.builder().ipnUrl(shop.url()).balance("EUR", "500.00")
                .ipnRetrySchedule(PayopEmulatorExtension.TEST_RETRY_SCHEDULE).start();
        client = payop.client();
        Map<String, Object> metadata = Map.of("internal merchant id", "example", "customerId", 15487);
        cardInvoice = client.invoices().create(Invoices.request("doc-1", "3", 381).metadata(metadata).build())
                .invoiceId();
        cardTx = client.checkout().createTransaction(CheckoutRequest.of(cardInvoice,
                Customer.of("jane@example.com", "Jane"), "https://shop.example/check")
                .cardToken(client.checkout().createCardToken(cardInvoice, TestCards.card(TestCards.SUCCESS))))
                .transactionId();
        threeDsInvoice = Invoices.create(client, "doc-2", "4.00", 381).invoiceId();
        threeDsTx = payop.pay(threeDsInvoice, TestCards.THREE_D_SECURE);
        bankInvoice = client.invoices().create(Invoices.request("doc-3", "5.00", 203822)
                .payer(Payer.withEmail("jane@example.com").name("Jane").field("date_of_birth", "01.01.1990")).build())
                .invoiceId();
        bankTx = client.checkout().createTransaction(CheckoutRequest.of(bankInvoice, Customer.of("jane@example.com",
                "Jane").field("date_of_birth", "01.01.1990"), "https://shop.example/check")).transactionId();
        failedInvoice = Invoices.create(client, "doc-4", "6.00", 381).invoiceId();
        failedTx = payop.pay(failedInvoice, TestCards.DECLINED);
        newInvoice = Invoices.create(client, "doc-5", "7.00", null).invoiceId();
        refundId = client.refunds().create(RefundRequest.partial(cardTx, Amount.of("1"))
                .metadata(Map.of("internal merchant id", "example")));
        client.withdrawals().createMass(List.of(WithdrawalRequest.of(15, Amount.of("100"), CurrencyCode.of("USD"),
                Map.of("direction", "Payout", "email", "p@example.com")).metadata(Map.of("key1", "Value"))));
        badFieldInvoice = null;
        payop.awaitIpnsSettled(Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        payop.close();
        shop.close();
    }

    private record Case(String page, String[] markers, Supplier<String> actual, Set<String> opaque) {
    }

    private static Case doc(String page, Supplier<String> actual, String... markers) {
        return new Case(page, markers, actual, NONE);
    }

    private static Case doc(String page, Set<String> opaque, Supplier<String> actual, String... markers) {
        return new Case(page, markers, actual, opaque);
    }

    private static String get(String path, boolean jwt) {
        URI url = payop.apiUrl().resolve(path);
        HttpResponse<String> r = jwt ? RawHttp.get(url, "Authorization", "Bearer " + payop.jwtToken()) : RawHttp.get(url);
        return r.body();
    }

    private static String post(String path, String body, boolean jwt) {
        URI url = payop.apiUrl().resolve(path);
        return (jwt ? RawHttp.post(url, body, "Authorization", "Bearer " + payop.jwtToken()) : RawHttp.post(url, body))
                .body();
    }

    private static String ipnBody(io.github.payop4j.ipn.IpnKind kind, int state) {
        return payop.sentIpns().stream().filter(s -> s.kind() == kind && s.state() == state).findFirst()
                .orElseThrow().body();
    }

    private static String withFault(Operation op, ApiFault fault, Supplier<String> call) {
        payop.inject(op, fault.times(1));
        try {
            return call.get();
        } finally {
            payop.clearFaults();
        }
    }

    private static String newInvoiceBody() {
        String sig = InvoicesAndMethodsTest.sha256("10:EUR:o-9:" + payop.secretKey());
        return InvoicesAndMethodsTest.invoiceJson(payop, "10", sig);
    }

    private static List<Case> cases() {
        String methods = "/v1/instrument-settings/payment-methods/available-for-application/" + payop.projectId();
        String invoiceStatus = "/v1/checkout/check-invoice-status/";
        String txStatus = "/v1/checkout/check-transaction-status/";
        String inv = "1.Invoice/invoice.md";
        String s2s = "0.Integration/s2s.md";
        String types = "0.Integration/integrationApiTypes.md";
        String responses = "0.Integration/responses.md";
        String checkout = "2.Checkout/checkout.md";
        String withdrawal = "3.Withdrawal/withdrawal.md";
        String refund = "4.Refund/refund.md";
        String ipn = "5.IPN/ipn.md";
        String balance = "6.Balance/balance.md";
        String legacyStatus = "legacy/checkTransactionStatus.md";
        String cardToken = "{\"invoiceIdentifier\":\"" + newInvoice + "\",\"pan\":\"4111111111111111\","
                + "\"expirationDate\":\"12/40\",\"cvv\":\"123\",\"holderName\":\"X\"}";
        List<Case> c = new ArrayList<>();
        // Invoices and methods
        c.add(doc(inv, () -> post("/v1/invoices/create", newInvoiceBody(), false), "ec2aa893"));
        c.add(doc(s2s, () -> post("/v1/invoices/create", newInvoiceBody(), false), "\"data\":\"\""));
        c.add(doc(inv, () -> post("/v1/invoices/create", newInvoiceBody().replace("\"signature\":\"",
                "\"signature\":\"0"), false), "Wrong signature"));
        c.add(doc(inv, () -> get("/v1/invoices/" + cardInvoice, false), "orderIdentifier"));
        c.add(doc(inv, () -> get("/v1/invoices/nope", false), "not found"));
        c.add(doc(inv, () -> get(methods, true), "cards_local"));
        c.add(doc(s2s, () -> get(methods, true), "pmIdentifier"));
        c.add(doc(types, () -> get(methods, true), "203822"));
        c.add(doc(inv, () -> RawHttp.get(payop.apiUrl().resolve(methods), "Authorization", "Bearer x").body(),
                "Authorization token invalid"));
        // Card tokens and checkout
        c.add(doc(s2s, () -> post("/v1/payment-tools/card-token/create", cardToken, false), "expired_at"));
        c.add(doc(responses, () -> post("/v1/payment-tools/card-token/create", cardToken, false), "expired_at"));
        c.add(doc(s2s, () -> withFault(Operation.CREATE_CARD_TOKEN, ApiFault.serverError(503),
                () -> post("/v1/payment-tools/card-token/create", cardToken, false)), "temporarily unavailable"));
        c.add(doc(s2s, () -> {
            payop.cardTokenization(false);
            try {
                return post("/v1/payment-tools/card-token/create", cardToken, false);
            } finally {
                payop.cardTokenization(true);
            }
        }, "not available for your application"));
        c.add(doc(s2s, () -> post("/v1/payment-tools/card-token/create", cardToken.replace("4111111111111111",
                "4111111111111112").replace("12/40", "13/40"), false), "Invalid card number."));
        c.add(doc(s2s, () -> post("/v1/checkout/create", checkoutBody(), false), "e6c8ba69"));
        c.add(doc(types, () -> post("/v1/checkout/create", checkoutBody(), false), "transaction_unique_id"));
        c.add(doc(checkout, () -> post("/v1/checkout/create", checkoutBody(), false), "transaction_unique_id"));
        c.add(doc(checkout, () -> post("/v1/checkout/void", "{\"invoiceIdentifier\":\"" + voidable() + "\"}", false),
                "canceled_transaction_id"));
        // What next
        c.add(doc(s2s, () -> get(invoiceStatus + threeDsInvoice, false), "\"PaReq\":\"fmn3o8usfjlils\""));
        c.add(doc(checkout, () -> get(invoiceStatus + threeDsInvoice, false), "\"PaReq\":\"encrypted_data\""));
        c.add(doc(s2s, () -> get(invoiceStatus + bankInvoice, false), "pay.skrill.com"));
        c.add(doc(types, () -> get(invoiceStatus + bankInvoice, false), "example.com"));
        c.add(doc(s2s, () -> get(invoiceStatus + newInvoice, false), "\"form\":[]", "\"status\":\"pending\""));
        c.add(doc(checkout, () -> get(invoiceStatus + newInvoice, false), "\"url\":\"\"", "\"status\":\"pending\""));
        c.add(doc(s2s, () -> get(invoiceStatus + cardInvoice, false), "your_result_page_url\""));
        c.add(doc(types, () -> get(invoiceStatus + cardInvoice, false), "success-page"));
        c.add(doc(s2s, () -> get(invoiceStatus + failedInvoice, false), "\"null\":false"));
        c.add(doc(legacyStatus, () -> get(txStatus + bankTx, false), "\"GET\"", "\"txid\""));
        c.add(doc(legacyStatus, () -> get(txStatus + threeDsTx, false), "\"POST\""));
        c.add(doc(legacyStatus, () -> get(txStatus + cardTx, false), "http://resultUrl/success"));
        // Transactions
        c.add(doc(checkout, () -> get("/v2/transactions/" + failedTx, true), "\"resultUrl\"", "\"state\":5"));
        c.add(doc(checkout, () -> get("/v1/transactions/filter?query[identifiers]=" + paidBankTx() + "," + failedTx,
                true), "userIdentifier"));
        c.add(doc(checkout, Set.of("$.data"), () -> get("/v1/transactions/ibans?query[identifiers]=" + cardTx + ","
                + paidBankTx(), true), "707ca351"));
        c.add(doc("legacy/getTransaction.md", () -> get("/v1/transactions/" + failedTx, true), "walletIdentifier"));
        c.add(doc("legacy/getTransaction.md", () -> get("/v1/transactions/nope", true), "Transaction not found"));
        c.add(doc("legacy/getTransaction.md", () -> RawHttp.post(payop.apiUrl().resolve("/v1/checkout/void"), "x",
                "Content-Type", "text/plain").body(), "Unsupported media type"));
        // Refunds, withdrawals, balances
        Set<String> meta = Set.of("$.data[].metadata", "$.transaction.metadata", "$.invoice.metadata");
        c.add(doc(refund, () -> post("/v1/refunds/create", "{\"transactionIdentifier\":\"" + cardTx
                + "\",\"refundType\":2,\"amount\":0.5}", true), "\"data\":\"\""));
        c.add(doc(refund, meta, () -> get("/v1/refunds/user-refunds?query[identifier]=" + refundId, true), "8888888"));
        c.add(doc(refund, meta, () -> get("/v1/refunds/user-refunds", true), "38c92c25"));
        c.add(doc(refund, () -> post("/v1/refunds/create", "{\"transactionIdentifier\":\"" + cardTx
                + "\",\"refundType\":2,\"amount\":1000}", true), "Refund amount is bigger"));
        c.add(doc(refund, () -> post("/v1/refunds/create", "{\"transactionIdentifier\":\"nope\",\"refundType\":1}",
                true), "Transaction not found"));
        c.add(doc(refund, () -> post("/v1/refunds/create", "{}", false), "Full authentication is required"));
        c.add(doc(withdrawal, () -> RawHttp.post(payop.apiUrl().resolve("/v1/withdrawals/create-mass"), sealedPayouts(),
                "Authorization", "Bearer " + payop.jwtToken(), "idempotency-key", "doc-key").body(), "eab40b05"));
        c.add(doc(withdrawal, () -> get("/v1/instrument-settings/payment-methods/available-withdrawal-for-user", true),
                "PayDo"));
        c.add(doc(balance, () -> get("/v1/wallets/get-balances?includeTotal=1", true), "snapshotAt"));
        c.add(doc(balance, () -> get("/v1/wallets/get-balances", false), "Unable find authenticated user"));
        c.add(doc(balance, Set.of("$.message"), () -> get("/v1/wallets/get-balances?currency=euro", true),
                "not a valid currency"));
        c.add(doc(balance, () -> withFault(Operation.WALLET_BALANCES, ApiFault.rateLimited(Duration.ofSeconds(1)),
                () -> get("/v1/wallets/get-balances", true)), "Too many requests"));
        c.add(doc(balance, () -> withFault(Operation.WALLET_BALANCES, ApiFault.serverError(500),
                () -> get("/v1/wallets/get-balances", true)), "cURL error 7"));
        // Generic error shapes
        c.add(doc(responses, () -> post("/v1/refunds/create", "{}", false), "Full authentication"));
        c.add(doc(responses, () -> get(methods.replace(payop.projectId(), "other"), true), "Access denied."));
        c.add(doc(responses, () -> get("/v1/invoices/nope", false), "Invoice not found"));
        c.add(doc(responses, () -> post("/v1/invoices/create", newInvoiceBody().replace("\"items\":[]",
                "\"items\":[]},\"paymentMethod\":999,\"x\":{"), false), "Method must be enabled"));
        c.add(doc(responses, Set.of("$.message"), () -> post("/v1/invoices/create", "{}", false), "password"));
        c.add(doc(responses, () -> withFault(Operation.GET_INVOICE, ApiFault.serverError(500),
                () -> get("/v1/invoices/nope", false)), "Something went wrong"));
        // IPN bodies
        io.github.payop4j.ipn.IpnKind checkoutKind = io.github.payop4j.ipn.IpnKind.CHECKOUT;
        c.add(doc(ipn, meta, () -> ipnBody(checkoutKind, 2), "ANY_ORDER_ID"));
        c.add(doc(checkout, meta, () -> ipnBody(checkoutKind, 2), "invoice_id"));
        c.add(doc("legacy/ipn-checkout.md", meta, () -> ipnBody(checkoutKind, 5), "3DS authorization error"));
        c.add(doc(ipn, meta, () -> ipnBody(io.github.payop4j.ipn.IpnKind.REFUND, 2), "refundId"));
        c.add(doc(refund, meta, () -> ipnBody(io.github.payop4j.ipn.IpnKind.REFUND, 2), "refundId"));
        c.add(doc(ipn, meta, () -> ipnBody(io.github.payop4j.ipn.IpnKind.WITHDRAWAL, 2), "withdrawalId"));
        c.add(doc(withdrawal, meta, () -> ipnBody(io.github.payop4j.ipn.IpnKind.WITHDRAWAL, 2), "withdrawalId"));
        return c;
    }

    private static String checkoutBody() {
        String invoiceId = Invoices.create(client, "doc-c-" + System.nanoTime(), "2.00", 203822).invoiceId();
        return "{\"invoiceIdentifier\":\"" + invoiceId + "\",\"customer\":{\"email\":\"j@example.com\",\"name\":\"J\"},"
                + "\"checkStatusUrl\":\"https://shop.example/check\",\"paymentMethod\":203822}";
    }

    private static String voidable() {
        String invoiceId = Invoices.create(client, "doc-v-" + System.nanoTime(), "2.00", 381).invoiceId();
        payop.pay(invoiceId, TestCards.THREE_D_SECURE);
        return invoiceId;
    }

    private static String paidBankTx() {
        payop.pay(bankInvoice);
        return bankTx;
    }

    private static String sealedPayouts() {
        byte[] json = "[{\"method\":15,\"type\":1,\"amount\":1,\"currency\":\"EUR\",\"additionalData\":{\"direction\":\"x\"}},{\"method\":15,\"type\":1,\"amount\":2,\"currency\":\"EUR\",\"additionalData\":{\"direction\":\"y\"}}]"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] sealed = io.github.payop4j.internal.crypto.SealedBox.seal(json, payop.withdrawalCertificate().publicKey());
        return "{\"data\":\"" + java.util.Base64.getEncoder().encodeToString(sealed) + "\"}";
    }

    @TestFactory
    List<DynamicTest> everyDocumentedAnswerHasTheEmulatorsShape() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases()) {
            tests.add(DynamicTest.dynamicTest(c.page() + " " + String.join(" ", c.markers()), () -> {
                JsonValue documented = PayopDocs.example(c.page(), c.markers());
                String body = c.actual().get();
                JsonValue actual = Json.createReader(new StringReader(body)).readValue();
                List<String> diffs = PayopDocs.differences(documented, actual, c.opaque());
                assertEquals(List.of(), diffs, "emulator answered " + body);
            }));
        }
        assertTrue(tests.size() > 50, "cases: " + tests.size());
        return tests;
    }
}
