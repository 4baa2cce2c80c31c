package io.github.payop4j.jaxrs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpRangeTest {

    @Test
    void singleAddressesAndBlocks() {
        assertTrue(IpRange.parse("18.199.249.46").contains("18.199.249.46"));
        assertFalse(IpRange.parse("18.199.249.46").contains("18.199.249.47"));
        IpRange block = IpRange.parse("10.1.0.0/16");
        assertTrue(block.contains("10.1.255.3"));
        assertFalse(block.contains("10.2.0.1"));
        assertEquals("10.1.0.0/16", IpRange.parse("10.1.77.5/16").toString(), "host bits are cleared");
        assertTrue(IpRange.parse("2001:db8::/32").contains("2001:db8:ffff::1"));
        assertFalse(IpRange.parse("2001:db8::/32").contains("10.0.0.1"), "families never mix");
        assertTrue(IpRange.parse("0.0.0.0/0").isEverything());
        assertFalse(IpRange.parse("10.0.0.0/9").contains("not an ip"));
        assertFalse(IpRange.parse("10.0.0.0/9").contains((String) null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"payop.com", "localhost", "10.0.0", "256.1.1.1", "10.0.0.0/33", "::1/129", "1.2.3.4/x", ""})
    void namesAndMalformedLiteralsAreRefusedWithoutAnyLookup(String text) {
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse(text));
    }
}
