package io.github.payop4j.ipn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.testing.Docs;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpnSourcePolicyTest {

    private static final IpnSourcePolicy BEHIND_PROXY = IpnSourcePolicy.builder().allowPayop()
            .trustProxies("10.0.0.0/8", "fd00::/8").build();

    @Test
    void trustedProxiesAreRecognisedByRangeAndNeverByName() {
        assertTrue(BEHIND_PROXY.isTrustedProxy("10.20.30.40"));
        assertTrue(BEHIND_PROXY.isTrustedProxy("fd00::1"));
        assertFalse(BEHIND_PROXY.isTrustedProxy("11.0.0.1"));
        assertFalse(BEHIND_PROXY.isTrustedProxy("localhost"));
        assertFalse(IpnSourcePolicy.payopDefaults().isTrustedProxy("18.199.249.46"), "no proxy is trusted by default");
    }

    @Test
    void theDefaultsAreTheFourDocumentedPayopAddresses() {
        IpnSourcePolicy p = IpnSourcePolicy.payopDefaults();
        for (String a : List.of("18.199.249.46", "35.158.36.143", "3.125.109.58", "3.127.103.117")) {
            assertTrue(p.allows(a), a);
        }
        assertFalse(p.allows("18.199.249.47"));
        assertFalse(p.allows("127.0.0.1"));
        assertTrue(p.trustedProxies().isEmpty());
    }

    @Test
    void rangesWorkForIpv4AndIpv6IncludingMappedAddresses() {
        IpnSourcePolicy p = IpnSourcePolicy.builder().allow("192.0.2.0/24", "2001:db8::/32", "::1").build();
        assertTrue(p.allows("192.0.2.200"));
        assertFalse(p.allows("192.0.3.1"));
        assertTrue(p.allows("2001:db8:ffff::7"));
        assertTrue(p.allows("[2001:DB8::1]"));
        assertFalse(p.allows("2001:db9::1"));
        assertTrue(p.allows("0:0:0:0:0:0:0:1"));
        assertTrue(p.allows("::ffff:192.0.2.9"), "IPv4-mapped IPv6 is the IPv4 address");
        assertFalse(p.allows("payop.com"), "names are never resolved");
        assertTrue(IpnSourcePolicy.builder().allow("0.0.0.0/0").build().allows("8.8.8.8"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"payop.com", "1.2.3.4/33", "1.2.3.256", "::1/129", "", "10.0.0.0/x"})
    void badRangesFailAtConfigurationTime(String range) {
        assertThrows(IllegalArgumentException.class, () -> IpnSourcePolicy.builder().allow(range));
        assertThrows(IllegalArgumentException.class, () -> IpnSourcePolicy.builder().trustProxies(range));
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() {
        IpnSourcePolicy p = IpnSourcePolicy.payopDefaults();
        assertEquals("203.0.113.5", p.clientAddress("203.0.113.5", List.of("18.199.249.46"),
                List.of("for=18.199.249.46")));
    }

    @Test
    void forwardedForFromATrustedProxyIsHonoured() {
        assertEquals("18.199.249.46", BEHIND_PROXY.clientAddress("10.1.1.1", List.of("18.199.249.46"), List.of()));
        assertEquals("18.199.249.46", BEHIND_PROXY.clientAddress("10.1.1.1", List.of(),
                List.of("for=18.199.249.46;proto=https;by=10.1.1.1")));
    }

    @Test
    void theChainIsWalkedFromTheRightSkippingTrustedProxiesOnly() {
        // The client claims to be Payop, but the first untrusted hop our proxies saw is 203.0.113.5.
        assertEquals("203.0.113.5", BEHIND_PROXY.clientAddress("10.0.0.2",
                List.of("18.199.249.46, 203.0.113.5", "10.0.0.9"), List.of()));
        assertEquals("35.158.36.143", BEHIND_PROXY.clientAddress("10.0.0.2",
                List.of("1.1.1.1, 35.158.36.143:443, 10.0.0.9"), List.of()));
        assertEquals("18.199.249.46", BEHIND_PROXY.clientAddress("fd00::2", List.of(),
                List.of("for=1.1.1.1, for=\"18.199.249.46:4711\"", "for=\"[fd00::9]:80\"")));
    }

    @Test
    void anUnreadableOrContradictoryChainGivesNoAddress() {
        assertNull(BEHIND_PROXY.clientAddress("10.0.0.2", List.of("unknown"), List.of()));
        assertNull(BEHIND_PROXY.clientAddress("10.0.0.2", List.of("18.199.249.46, payop.com"), List.of()));
        assertNull(BEHIND_PROXY.clientAddress("10.0.0.2", List.of(), List.of("for=_hidden")));
        assertNull(BEHIND_PROXY.clientAddress("10.0.0.2", List.of("203.0.113.5"), List.of("for=18.199.249.46")),
                "a proxy that maintains one header passes the other through from the client");
        assertEquals("18.199.249.46", BEHIND_PROXY.clientAddress("10.0.0.2", List.of("18.199.249.46"),
                List.of("for=18.199.249.46")));
        assertNull(BEHIND_PROXY.clientAddress("not-an-ip", List.of(), List.of()));
    }

    @Test
    void aTrustedProxyWithoutHeadersIsItselfTheClient() {
        assertEquals("10.0.0.2", BEHIND_PROXY.clientAddress("10.0.0.2", List.of(), List.of()));
        assertFalse(BEHIND_PROXY.allows("10.0.0.2"));
    }

    @Test
    void theProcessorAppliesThePolicyToDeliveries() {
        RecordingHandler handler = new RecordingHandler();
        IpnProcessor processor = IpnProcessor.builder().handler(handler).sources(BEHIND_PROXY).build();
        byte[] body = Docs.json("ipn-checkout.json").getBytes(StandardCharsets.UTF_8);

        IpnResult spoofed = processor.process(new IpnDelivery(body, "203.0.113.5", List.of("18.199.249.46"),
                List.of(), Instant.now()));
        IpnResult proxied = processor.process(new IpnDelivery(body, "10.9.9.9", List.of("18.199.249.46"),
                List.of(), Instant.now()));

        assertEquals(403, spoofed.httpStatus());
        assertEquals(200, proxied.httpStatus());
        assertEquals("18.199.249.46", proxied.event().facts().sourceAddress());
        assertEquals(1, handler.applied.size());
    }

    @Test
    void anEmptyAllowListIsAConfigurationError() {
        assertThrows(IllegalStateException.class, () -> IpnSourcePolicy.builder().trustProxies("10.0.0.0/8").build());
    }
}
