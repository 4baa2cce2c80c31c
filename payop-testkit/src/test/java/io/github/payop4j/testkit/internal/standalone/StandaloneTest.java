package io.github.payop4j.testkit.internal.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.testkit.PayopEmulator;
import io.github.payop4j.testkit.TestCards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone runner's options, the properties file it writes for a shop, and what it reports. */
class StandaloneTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryPropertyAShopNeedsAndReportsWithoutSecrets() throws IOException {
        PayopEmulator.Builder b = PayopEmulator.builder();
        Path config = Standalone.parse(new String[] {"--port", "0", "--ipn-url", "http://127.0.0.1:9/payop/ipn",
            "--ipn-source", "127.0.0.5", "--balance", "EUR=250.00", "--config", dir.resolve("shop.properties")
                .toString()}, b);
        assertEquals(dir.resolve("shop.properties"), config);
        try (PayopEmulator payop = b.start()) {
            Standalone.writeConfig(payop, config);
            String file = Files.readString(config);
            payop.clientProperties().forEach((k, v) -> assertTrue(file.contains(k + "=" + v + "\n"), k));

            String summary = Standalone.summary(payop, config);
            assertTrue(summary.contains("listening on 127.0.0.1:" + payop.port()), summary);
            assertTrue(summary.contains("IPNs go to:     http://127.0.0.1:9/payop/ipn from 127.0.0.5"), summary);
            assertTrue(summary.contains(config.toAbsolutePath().toString()), summary);
            assertTrue(summary.contains(TestCards.PAID_IPN_LOST), summary);
            assertFalse(summary.contains(payop.secretKey()), "the secret key is never logged");
            assertFalse(summary.contains(payop.jwtToken()), "the JWT is never logged");
            assertEquals("250.00", payop.client().wallet().balances().currencies().get(0).available());
        }
    }

    @Test
    void defaultsToAFileInTheWorkingDirectoryAndHelpRunsNothing() {
        assertEquals(Path.of("payop-emulator.properties"), Standalone.parse(new String[] {"--port", "0"},
                PayopEmulator.builder()));
        assertNull(Standalone.parse(new String[] {"--help"}, PayopEmulator.builder()));
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
