package io.github.payop4j.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.payop4j.PayopClient;
import io.github.payop4j.checkout.CheckoutRequest;
import io.github.payop4j.checkout.CheckoutResult;
import io.github.payop4j.checkout.Customer;
import io.github.payop4j.checkout.NextStep;
import io.github.payop4j.invoice.CheckoutLanguage;
import io.github.payop4j.invoice.CreatedInvoice;
import io.github.payop4j.invoice.InvoiceRequest;
import io.github.payop4j.invoice.OrderItem;
import io.github.payop4j.invoice.Payer;
import io.github.payop4j.ipn.IpnDelivery;
import io.github.payop4j.ipn.IpnJournal;
import io.github.payop4j.ipn.IpnProcessor;
import io.github.payop4j.ipn.IpnResult;
import io.github.payop4j.ipn.IpnSourcePolicy;
import io.github.payop4j.money.Amount;
import io.github.payop4j.refund.RefundRequest;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A walk through payop4j on Java SE, with a local stand-in for Payop's API (WireMock on
 * 127.0.0.1) answering as Payop's documentation shows: no account or network needed.
 *
 * <p>Run it with {@code mvn -q -Pdemo -DskipTests package}.
 */
public final class PayopDemo {

    static final String TX = "dca59ca5-be19-470d-9494-9b76944e0241";
    static final String FORGED_TX = "ffffffff-0000-4000-8000-000000000000";
    static final String INVOICE = "81962ed0-a65c-4d1a-851b-b3dbf9750399";

    private PayopDemo() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    /** Runs the walk-through, narrating to {@code out}. */
    public static void run(PrintStream out) {
        WireMockServer payop = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        payop.start();
        try {
            answerLikePayop(payop);
            walkThrough(payop, out);
        } finally {
            payop.stop();
        }
    }

    private static void walkThrough(WireMockServer payop, PrintStream out) {
        try (PayopClient client = PayopClient.builder()
                .publicKey("application-demo")
                .secretKey("demo-secret-key")
                .jwtToken("demo.jwt.token")
                .apiUrl(payop.baseUrl())
                .appInfo("payop4j-demo")
                .build()) {
            out.println("payop4j demo: a local stand-in for Payop listens on " + payop.baseUrl());
            out.println(client);

            out.println("\n1. Hosted page: create an invoice for order DEMO-1001 (49.90 EUR)");
            CreatedInvoice invoice = client.invoices().create(InvoiceRequest.builder()
                    .orderId("DEMO-1001").amount("49.90").currency("EUR")
                    .item(new OrderItem("sku-7", "Coffee beans 1 kg", "49.90"))
                    .payer(Payer.withEmail("jane@example.com").name("Jane Doe"))
                    .language(CheckoutLanguage.EN)
                    .resultUrl("https://shop.example/paid?invoice={{invoiceId}}")
                    .build());
            out.println("   invoice " + invoice.invoiceId() + ", signed " + invoice.signature());
            out.println("   send the payer (303) to " + invoice.hostedPageUrl());

            out.println("\n2. Direct integration: create the checkout transaction, then ask for the next step");
            CheckoutResult tx = client.checkout().createTransaction(CheckoutRequest.of(invoice.invoiceId(),
                    Customer.of("jane@example.com", "Jane Doe").ip("203.0.113.7"),
                    "https://shop.example/check-status/{{txid}}").paymentMethod(381));
            out.println("   transaction " + tx.transactionId());
            NextStep step = client.checkout().checkInvoiceStatus(invoice.invoiceId());
            out.println("   next step: " + describe(step));

            out.println("\n3. IPN: Payop reports the payment; the pipeline confirms it with the API");
            IpnProcessor ipn = IpnProcessor.builder(client)
                    .sources(IpnSourcePolicy.builder().allow("127.0.0.1").build())
                    .journal(IpnJournal.inMemory())
                    .orderLookup(orderId -> java.util.Optional.of(new io.github.payop4j.ipn.IpnOrderLookup.Order("49.90", "EUR")))
                    .handler(event -> out.println("   -> handler receives " + event.getClass().getSimpleName()
                            + " for order " + event.facts().orderId() + " (" + event.facts().amount() + " "
                            + event.facts().currency() + ")"))
                    .build();
            out.println("   first delivery:  " + describe(ipn.process(delivery(TX, 2))));
            out.println("   Payop repeats:   " + describe(ipn.process(delivery(TX, 2))));
            out.println("   a forged IPN claims another transaction was paid; the API says it failed:");
            out.println("                    " + describe(ipn.process(delivery(FORGED_TX, 2))));

            out.println("\n4. Refund 10.00 of it");
            out.println("   refund " + client.refunds().create(RefundRequest.partial(TX, Amount.of("10.00"))));

            out.println("\nWhat went over the wire:");
            java.util.List<LoggedRequest> requests = new java.util.ArrayList<>(
                    payop.getAllServeEvents().stream().map(e -> e.getRequest()).toList());
            java.util.Collections.reverse(requests); // WireMock lists the newest first
            for (LoggedRequest r : requests) {
                out.println("   " + r.getMethod() + " " + r.getUrl()
                        + (r.containsHeader("Authorization") ? "  (Authorization: Bearer ...)" : ""));
            }
        }
    }

    private static String describe(NextStep step) {
        if (step instanceof NextStep.SubmitForm f) {
            return "3-D Secure: the browser must POST " + f.fields().keySet() + " to " + f.url();
        }
        return step.toString();
    }

    private static String describe(IpnResult r) {
        return "HTTP " + r.httpStatus() + " " + r.outcome() + (r.event() == null ? "" : " (" + r.event().getClass().getSimpleName()
                + (r.event() instanceof io.github.payop4j.ipn.IpnEvent.Anomaly a ? " " + a.type() : "") + ")");
    }

    private static IpnDelivery delivery(String txid, int state) {
        String body = "{\"invoice\":{\"id\":\"" + INVOICE + "\",\"status\":1,\"txid\":\"" + txid + "\"},"
                + "\"transaction\":{\"id\":\"" + txid + "\",\"state\":" + state + ",\"order\":{\"id\":\"DEMO-1001\"},"
                + "\"error\":{\"message\":\"\",\"code\":\"\"}}}";
        return IpnDelivery.of(body.getBytes(StandardCharsets.UTF_8), "127.0.0.1");
    }

    /** Answers as the examples in Payop's API reference do. */
    private static void answerLikePayop(WireMockServer payop) {
        payop.stubFor(post("/v1/invoices/create").willReturn(okJson("{\"data\":\"\",\"status\":1}")
                .withHeader("identifier", INVOICE)));
        payop.stubFor(post("/v1/checkout/create").willReturn(okJson(
                "{\"data\":{\"isSuccess\":true,\"message\":\"\",\"txid\":\"" + TX + "\"},\"status\":1}")));
        payop.stubFor(get("/v1/checkout/check-invoice-status/" + INVOICE).willReturn(okJson("{\"data\":{\"isSuccess\":true,"
                + "\"status\":\"pending\",\"form\":{\"method\":\"POST\",\"url\":\"https://acs.anybank.com/\",\"fields\":"
                + "{\"PaReq\":\"fmn3o8usfjlils\",\"MD\":\"81962ed0-a65c\",\"TermUrl\":\"https://payop.com/3ds-result\"}},"
                + "\"url\":\"https://acs.anybank.com/\"},\"status\":1}")));
        payop.stubFor(get("/v2/transactions/" + TX).willReturn(okJson(transaction(TX, 2, ""))));
        payop.stubFor(get("/v2/transactions/" + FORGED_TX).willReturn(okJson(transaction(FORGED_TX, 5,
                "3DS authorization error or 3DS canceled by payer"))));
        payop.stubFor(post("/v1/refunds/create").willReturn(aResponse().withHeader("identifier",
                "38c92c25-33fd-4979-ac50-f73d7dbbf660").withBody("{\"data\":\"\",\"status\":1}")));
    }

    private static String transaction(String id, int state, String error) {
        return "{\"data\":{\"identifier\":\"" + id + "\",\"amount\":\"49.90\",\"currency\":\"EUR\",\"state\":" + state
                + ",\"error\":\"" + error + "\",\"createdAt\":1567402240,\"orderId\":\"DEMO-1001\"}}";
    }
}
