package io.github.payop4j.ipn;

import static io.github.payop4j.ipn.IpnFixtures.checkoutIpn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.testing.LogLines;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A 403 names its fix, and an internet scan does not flood the log: per processor, each source
 * address's first refusal in a window is logged in full (a bounded number of addresses), the rest
 * are counted and summarised once the window is over.
 */
class ForbiddenSourceLogTest {

    private static final byte[] BODY = checkoutIpn("tx-1", 2, "o-1", "").getBytes(StandardCharsets.UTF_8);

    private final MutableClock clock = new MutableClock();

    @RegisterExtension
    final LogLines log = LogLines.of("io.github.payop4j.ipn");

    private IpnProcessor processor() {
        return IpnProcessor.builder().verifyWithApi(false).handler(e -> { }).clock(clock).build();
    }

    private List<String> lines(String id) {
        return log.startingWith(id);
    }

    @Test
    void theRefusalNamesTheSettingsThatAllowASenderAndPayopsAddresses() {
        IpnResult r = processor().process(IpnDelivery.of(BODY, "203.0.113.9"));
        assertEquals(403, r.httpStatus());
        String line = lines("PAYOP-IPN-002").get(0);
        assertTrue(line.contains("203.0.113.9"), line);
        assertTrue(line.contains("payop.ipn.allowed-ips"), line);
        assertTrue(line.contains("payop.ipn.trusted-proxies"), line);
        for (String payop : IpnSourcePolicy.PAYOP_ADDRESSES) {
            assertTrue(line.contains(payop), line);
        }
    }

    @Test
    void aPeerSendingForwardingHeadersWithoutBeingATrustedProxyIsToldSo() {
        processor().process(new IpnDelivery(BODY, "10.0.0.5", List.of("18.199.249.46"), List.of(), Instant.now()));
        String line = lines("PAYOP-IPN-002").get(0);
        assertTrue(line.contains("X-Forwarded-For"), line);
        assertTrue(line.contains("not in payop.ipn.trusted-proxies"), line);
    }

    @Test
    void aScanIsLoggedOncePerAddressForABoundedNumberOfAddressesThenSummarisedPerWindow() {
        IpnProcessor p = processor();
        for (int i = 0; i < 1000; i++) {
            assertEquals(403, p.process(IpnDelivery.of(BODY, "203.0.113.9")).httpStatus());
        }
        for (int i = 0; i < 500; i++) {
            p.process(IpnDelivery.of(BODY, "198.51.100." + (i % 250)));
        }
        assertEquals(1500L, p.counts().get(IpnOutcome.FORBIDDEN_SOURCE), "every one is refused and counted");
        List<String> refused = lines("PAYOP-IPN-002");
        assertEquals(20, refused.size(), "one line per address, at most 20 addresses per window: " + refused.size());
        assertEquals(1, refused.stream().filter(l -> l.contains("203.0.113.9 ")).count());
        assertEquals(List.of(), lines("PAYOP-IPN-013"), "the summary waits for the window to end");

        clock.advance(Duration.ofMinutes(10));
        p.process(IpnDelivery.of(BODY, "203.0.113.9"));
        List<String> summary = lines("PAYOP-IPN-013");
        assertEquals(1, summary.size(), summary.toString());
        assertTrue(summary.get(0).contains("1480 further refusals"), summary.get(0));
        assertTrue(summary.get(0).contains("231 addresses"), summary.get(0));
        assertEquals(21, lines("PAYOP-IPN-002").size(), "a new window logs the address again");
    }

    @Test
    void eachProcessorKeepsItsOwnCountNoStaticState() {
        processor().process(IpnDelivery.of(BODY, "203.0.113.9"));
        processor().process(IpnDelivery.of(BODY, "203.0.113.9"));
        assertEquals(2, lines("PAYOP-IPN-002").size(), "another deployment in the same JVM logs its own refusals");
    }

    private static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-30T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
