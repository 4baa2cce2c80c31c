package io.github.payop4j.ipn.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IpnSettingsTest {

    private final IpnSettings settings = new IpnSettings(Map.of(
            "payop.ipn.allowed-ips", " 18.199.249.46,\n 10.0.0.0/8  2001:db8::/32 ",
            "payop.ipn.enabled", "FALSE",
            "payop.ipn.lease-seconds", "sixty",
            "payop.jwt-token", "   ")::get);

    @Test
    void listsAcceptCommasAndWhitespace() {
        assertEquals(List.of("18.199.249.46", "10.0.0.0/8", "2001:db8::/32"),
                settings.list(IpnSettings.ALLOWED_IPS, List.of()));
        assertEquals(List.of("x"), settings.list(IpnSettings.TRUSTED_PROXIES, List.of("x")));
    }

    @Test
    void blankIsUnsetAndBadValuesFailLoudly() {
        assertNull(settings.get(IpnSettings.JWT_TOKEN));
        assertFalse(settings.flag(IpnSettings.ENABLED, true));
        assertThrows(IllegalArgumentException.class, () -> settings.integer(IpnSettings.LEASE_SECONDS, 120));
        assertEquals(65536, settings.integer(IpnSettings.MAX_BODY_BYTES, 65536));
    }
}
