package io.github.payop4j;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.checkout.Card;
import io.github.payop4j.checkout.CardToken;
import io.github.payop4j.checkout.CheckoutRequest;
import io.github.payop4j.checkout.Customer;
import io.github.payop4j.invoice.InvoiceRequest;
import io.github.payop4j.invoice.Payer;
import io.github.payop4j.refund.RefundRequest;
import io.github.payop4j.testing.PayopStub;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Drives every operation through success, error and failure paths while capturing every log
 * record (all loggers, all levels) and every string a user could see, then looks for the secret
 * key, the JWT, the card number, the CVV and the card token in all of it.
 */
class SecretsNeverLeakTest {

    @RegisterExtension
    static WireMockExtension payop = PayopStub.extension();

    private static final String PAN = "5555555555554444";
    private static final String CVV = "9731";
    private static final String CARD_TOKEN = "1ay4YEZXF75BTraFw/sPJ9iMJVOr/bR/UeEPp";
    private static final List<String> SECRETS = List.of(PayopStub.SECRET_KEY, PayopStub.JWT, PAN, CVV, CARD_TOKEN);

    private final List<String> seen = new ArrayList<>();
    private final List<Level> jdkWireLog = new ArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Level rootLevel = root.getLevel();
    private final Handler capture = new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord r) {
            String line = format.format(r);
            if (String.valueOf(r.getLoggerName()).startsWith("sun.net.www.protocol.http")) {
                // The JDK's own HTTP wire log prints request headers, Authorization included, when
                // someone turns FINE logging on for it (README warns). It never logs at INFO or
                // above, and it is not ours to change: keep it apart and hold it to that.
                jdkWireLog.add(r.getLevel());
                return;
            }
            seen.add(line);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureAllLogs() {
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        Logger.getLogger("io.github.payop4j").setLevel(Level.ALL);
    }

    @AfterEach
    void restore() {
        root.removeHandler(capture);
        root.setLevel(rootLevel);
    }

    private void see(Object value) {
        seen.add(String.valueOf(value));
    }

    private void see(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        seen.add(out.toString());
    }

    private void attempt(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            see(e);
        }
    }

    private void exerciseEverything(PayopClient c) {
        see(c);
        Card card = new Card(PAN, "12/28", CVV, "HOLDER NAME");
        CardToken token = new CardToken(CARD_TOKEN, null);
        see(card);
        see(token);
        InvoiceRequest invoice = InvoiceRequest.builder().orderId("o-1").amount("3.00").currency("EUR")
                .payer(Payer.withEmail("a@b.example")).build();
        CheckoutRequest checkout = CheckoutRequest.of("inv-1", Customer.of("a@b.example", "A B"), "https://shop.example/s")
                .paymentMethod(381).cardToken(token);
        see(invoice);
        see(checkout);
        attempt(() -> see(c.invoices().create(invoice)));
        attempt(() -> see(c.checkout().createCardToken("inv-1", card)));
        attempt(() -> see(c.checkout().createTransaction(checkout)));
        attempt(() -> see(c.checkout().checkInvoiceStatus("inv-1")));
        attempt(() -> see(c.transactions().get("tx-1")));
        attempt(() -> see(c.refunds().create(RefundRequest.full("tx-1"))));
        attempt(() -> see(c.wallet().balances()));
        attempt(() -> see(c.paymentMethods().available()));
    }

    private static String echoing(List<String> values) {
        String echo = String.join(" ", values);
        return "{\"message\":{\"pan\":[\"" + echo.replace("/", "\\/") + "\"],\"x\":\"" + echo + "\"}}";
    }

    @Test
    void nothingSecretInLogsMessagesOrStringsWhenPayopEchoesWhatItReceived() {
        // Hostile or buggy error answers that echo back whatever the request carried, plus the
        // keys and any card number Payop may know from earlier requests.
        List<String> everywhere = List.of(PayopStub.SECRET_KEY, PayopStub.JWT, PAN);
        payop.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(422).withBody(echoing(everywhere))));
        payop.stubFor(post("/v1/payment-tools/card-token/create").willReturn(aResponse().withStatus(422)
                .withBody(echoing(List.of(PayopStub.SECRET_KEY, PayopStub.JWT, PAN, CVV)))));
        payop.stubFor(post("/v1/checkout/create").willReturn(aResponse().withStatus(500)
                .withBody(echoing(List.of(PayopStub.SECRET_KEY, PayopStub.JWT, PAN, CARD_TOKEN)))));
        payop.stubFor(post("/v1/invoices/create").willReturn(aResponse().withStatus(401)
                .withBody("{\"message\":\"" + String.join(" ", everywhere) + "\"}")));
        try (PayopClient c = ClientFixture.client(payop.baseUrl())) {
            exerciseEverything(c);
        }
        assertNoSecrets();
    }

    @Test
    void nothingSecretWhenEverythingSucceeds() {
        payop.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("identifier", "id-1")
                .withBody("{\"data\":{\"isSuccess\":true,\"txid\":\"tx-1\"}}")));
        payop.stubFor(post("/v1/payment-tools/card-token/create").willReturn(aResponse()
                .withBody("{\"data\":{\"token\":\"" + CARD_TOKEN.replace("/", "\\/") + "\",\"expired_at\":1567765561}}")));
        try (PayopClient c = ClientFixture.client(payop.baseUrl())) {
            exerciseEverything(c);
        }
        assertNoSecrets();
    }

    @Test
    void nothingSecretOnTimeoutsResetsAndRetries() {
        payop.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        try (PayopClient c = ClientFixture.builder(payop.baseUrl()).build()) {
            exerciseEverything(c);
        }
        payop.resetAll();
        payop.stubFor(any(anyUrl()).willReturn(aResponse().withFixedDelay(500)));
        try (PayopClient c = ClientFixture.builder(payop.baseUrl()).readTimeout(Duration.ofMillis(100)).build()) {
            exerciseEverything(c);
        }
        assertNoSecrets();
    }

    @Test
    void configurationErrorsNeverPrintTheValues() {
        attempt(() -> PayopClient.builder().jwtToken("has space " + PayopStub.JWT));
        attempt(() -> PayopClient.builder().apiUrl("http://payop.example.com/" + PayopStub.SECRET_KEY));
        assertTrue(seen.stream().noneMatch(s -> s.contains(PayopStub.JWT)), "JWT in a configuration error");
    }

    private void assertNoSecrets() {
        assertFalse(seen.isEmpty());
        assertTrue(jdkWireLog.stream().allMatch(l -> l.intValue() < Level.INFO.intValue()), "JDK wire log above FINE");
        String all = String.join("\n", seen);
        assertTrue(all.contains("[redacted]") || !all.contains("HTTP 422") , "echoed secrets are redacted, not dropped silently");
        for (String secret : SECRETS) {
            assertFalse(all.contains(secret), () -> "Leaked " + secret.substring(0, 3) + "... in:\n" + excerpt(all, secret));
        }
    }

    private static String excerpt(String all, String secret) {
        int i = all.indexOf(secret);
        return all.substring(Math.max(0, i - 300), Math.min(all.length(), i + secret.length() + 100));
    }
}
