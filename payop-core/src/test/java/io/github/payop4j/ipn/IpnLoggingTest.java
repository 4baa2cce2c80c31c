package io.github.payop4j.ipn;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static io.github.payop4j.ipn.IpnFixtures.apiTransaction;
import static io.github.payop4j.ipn.IpnFixtures.checkoutIpn;
import static io.github.payop4j.ipn.IpnFixtures.fromPayop;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.ClientFixture;
import io.github.payop4j.PayopClient;
import io.github.payop4j.testing.PayopStub;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What reaches the logs at INFO and above: message ids, ids and reasons; never the token or a body. */
class IpnLoggingTest {

    @RegisterExtension
    static WireMockExtension payop = PayopStub.extension();

    @Test
    void neitherTheJwtNorARawBodyIsLoggedAtInfoOrAbove() {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.INFO.intValue()) {
                    logged.add(r.getMessage() + " " + (r.getThrown() == null ? "" : r.getThrown().toString()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("io.github.payop4j");
        root.addHandler(capture);
        String marker = "secret-customer-data-" + UUID.randomUUID();
        try (PayopClient client = ClientFixture.client(payop.baseUrl())) {
            RecordingHandler handler = new RecordingHandler();
            IpnProcessor p = IpnProcessor.builder(client).handler(handler).build();
            String ok = UUID.randomUUID().toString();
            String refused = UUID.randomUUID().toString();
            apiTransaction(payop, ok, 2, "o-1", "3", "USD", "");
            payop.stubFor(get("/v2/transactions/" + refused).willReturn(aResponse().withStatus(401)
                    .withBody("{\"message\": \"Token " + PayopStub.JWT + " expired\"}")));

            p.process(fromPayop(checkoutIpn(ok, 2, "o-1", marker)));
            p.process(fromPayop(checkoutIpn(refused, 2, "o-1", marker)));
            p.process(fromPayop(checkoutIpn(ok, 2, "o-1", marker).substring(0, 200) + marker));
            handler.failNext.set(1);
            p.process(fromPayop(checkoutIpn(UUID.randomUUID().toString(), 2, "o-1", marker)));
            p.process(IpnDelivery.of(checkoutIpn(ok, 2, "o-1", marker).getBytes(), "203.0.113.1"));
        } finally {
            root.removeHandler(capture);
        }

        assertTrue(logged.stream().anyMatch(m -> m.contains("PAYOP-IPN-001")), logged.toString());
        assertTrue(logged.stream().anyMatch(m -> m.contains("PAYOP-IPN-010")), "the refused token is reported");
        for (String m : logged) {
            assertFalse(m.contains(PayopStub.JWT), m);
            assertFalse(m.contains(marker), m);
        }
    }
}
