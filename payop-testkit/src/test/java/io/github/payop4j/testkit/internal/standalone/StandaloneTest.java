package io.github.payop4j.testkit.internal.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.testkit.PayopEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The standalone runner's options and what it prints for the person configuring a shop. */
class StandaloneTest {

    @Test
    void printsEveryPropertyAShopNeeds() {
        PayopEmulator.Builder b = PayopEmulator.builder();
        Standalone.parse(new String[] {"--port", "0", "--ipn-url", "http://127.0.0.1:9/payop/ipn", "--ipn-source",
            "127.0.0.5", "--balance", "EUR=250.00"}, b);
        try (PayopEmulator payop = b.start()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Standalone.print(payop, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            String out = bytes.toString(StandardCharsets.UTF_8);
            assertTrue(out.contains("listening on 127.0.0.1:" + payop.port()), out);
            assertTrue(out.contains("IPNs go to:     http://127.0.0.1:9/payop/ipn from 127.0.0.5"), out);
            payop.clientProperties().forEach((k, v) -> assertTrue(out.contains(k + "=" + v + "\n"), k));
            assertEquals("250.00", payop.client().wallet().balances().currencies().get(0).available());
        }
    }

    @Test
    void refusesUnknownOrIncompleteOptions() {
        assertThrows(IllegalArgumentException.class, () -> Standalone.parse(new String[] {"--nope", "1"},
                PayopEmulator.builder()));
        assertThrows(IllegalArgumentException.class, () -> Standalone.parse(new String[] {"--port"},
                PayopEmulator.builder()));
        assertThrows(IllegalArgumentException.class, () -> Standalone.parse(new String[] {"--ipn-source", "10.0.0.1"},
                PayopEmulator.builder()));
        assertThrows(IllegalArgumentException.class, () -> Standalone.parse(new String[] {"--ipn-url",
            "https://shop.example/ipn"}, PayopEmulator.builder()));
    }
}
