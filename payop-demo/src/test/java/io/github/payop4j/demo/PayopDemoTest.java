package io.github.payop4j.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo of the README runs and tells the story it promises. */
class PayopDemoTest {

    @Test
    void theWalkThroughRunsEndToEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PayopDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertTrue(out.contains("send the payer (303) to https://checkout.payop.com/en/payment/invoice-preprocessing/"
                + PayopDemo.INVOICE), out);
        assertTrue(out.contains("3-D Secure: the browser must POST"), out);
        assertTrue(out.contains("first delivery:  HTTP 200 PROCESSED (PaymentAccepted)"), out);
        assertTrue(out.contains("Payop repeats:   HTTP 200 DUPLICATE"), out);
        assertTrue(out.contains("HTTP 200 ANOMALY (Anomaly UNCONFIRMED)") || out.contains("(Anomaly UNCONFIRMED)"), out);
        assertTrue(out.contains("-> handler receives PaymentAccepted for order DEMO-1001 (49.90 EUR)"), out);
        assertTrue(out.contains("refund 38c92c25-33fd-4979-ac50-f73d7dbbf660"), out);
        assertTrue(out.contains("POST /v1/invoices/create") && !out.contains("POST /v1/invoices/create  (Authorization"), out);
        assertTrue(out.contains("POST /v1/refunds/create  (Authorization: Bearer ...)"), out);
        assertTrue(!out.contains("demo-secret-key") && !out.contains("demo.jwt.token"), "no secret in the demo's output");
    }
}
