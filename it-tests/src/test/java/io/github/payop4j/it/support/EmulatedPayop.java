package io.github.payop4j.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.payop4j.testkit.PayopEmulator;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The Payop emulator (payop-testkit) as the it-tests run it, in the test JVM: Payop's delivery
 * habits switched on, so every test meets them. Each IPN is delivered {@value #REPEATS} times;
 * state changes raised within 200 ms of each other are delivered newest first; an IPN the shop
 * does not acknowledge is retried on a compressed schedule (Payop's takes 24 hours); IPNs come
 * from {@value #ADDRESS}, the only address in the shop's allow-list.
 */
public final class EmulatedPayop {

    /** Payop repeats IPNs: every one reaches the shop this many times. */
    public static final int REPEATS = 3;
    /** Payop's address: not the test's own 127.0.0.1, so an IPN the test posts is not Payop's. */
    public static final String ADDRESS = "127.0.0.2";
    /** The shop's pages Payop sends the payer back to. */
    public static final String RESULT_URL = "https://webshop.example/payment/done?invoice={{invoiceId}}&tx={{txid}}";
    public static final String FAIL_URL = "https://webshop.example/payment/failed?invoice={{invoiceId}}&tx={{txid}}";
    /** How long Payop may take with its deliveries (a cold server answers its first IPN slowly). */
    public static final Duration WAIT = Duration.ofSeconds(60);

    private EmulatedPayop() {
    }

    /** Started; start it in a static initializer, before Arquillian builds the deployment. */
    public static PayopEmulator start() {
        return PayopEmulator.builder()
                .ipnSourceAddress(ADDRESS)
                .ipnRepeats(REPEATS)
                .ipnOutOfOrder(true)
                .ipnDelay(Duration.ofMillis(200))
                .ipnRetrySchedule(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                        Duration.ofMillis(800), Duration.ofMillis(1600))
                .ipnTimeout(Duration.ofSeconds(20))
                .balance("EUR", "1000.00")
                .start();
    }

    /** The webshop configured for this emulator: its URLs, credentials, certificate and IPN address. */
    public static WebArchive webshop(PayopEmulator payop, String warName) {
        Map<String, String> config = new LinkedHashMap<>(payop.clientProperties());
        config.put("payop.result-url", RESULT_URL);
        config.put("payop.fail-url", FAIL_URL);
        return Wars.webshop(warName, config);
    }

    public static IpnDeliveries deliveries(PayopEmulator payop) {
        return new IpnDeliveries(payop, REPEATS, ADDRESS, WAIT);
    }

    /** The invoice id at the end of Payop's hosted-page URL. */
    public static String invoiceOf(URI payopPage) {
        String path = payopPage.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * Payop sent the payer's browser (303) to the shop's result or fail page, {@code template}
     * with the invoice and the transaction filled in; returns the transaction id.
     */
    public static String landedOn(HttpResponse<String> answer, String template, String invoiceId) {
        assertEquals(303, answer.statusCode(), answer::body);
        String location = answer.headers().firstValue("Location").orElseThrow();
        String tx = location.substring(location.lastIndexOf("&tx=") + 4);
        assertEquals(fill(template, invoiceId, tx), location);
        return tx;
    }

    public static String fill(String template, String invoiceId, String tx) {
        return template.replace("{{invoiceId}}", invoiceId).replace("{{txid}}", tx);
    }
}
