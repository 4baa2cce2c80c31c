package io.github.payop4j.internal.ipn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IpnBodyTest {

    private static IpnBody of(String s) {
        return IpnBody.of(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void equalBytesAreEqualKeysWithEqualHashes() {
        String body = "{\"transaction\":{\"id\":\"tx-1\",\"state\":2}}";
        assertEquals(of(body), of(new String(body)));
        assertEquals(of(body).hashCode(), of(body).hashCode());
    }

    @Test
    void aDifferenceAnywhereMakesAnotherKey() {
        String body = "{\"transaction\":{\"id\":\"tx-1\",\"state\":2}}"; // 39 bytes: 4 words and a tail of 7
        for (int i = 0; i < body.length(); i++) {
            char[] changed = body.toCharArray();
            changed[i] = changed[i] == 'x' ? 'y' : 'x';
            assertNotEquals(of(body), of(new String(changed)), "byte " + i);
            assertNotEquals(of(body).hashCode(), of(new String(changed)).hashCode(), "the hash reads byte " + i);
        }
        assertNotEquals(of(body), of(body + " "));
        assertNotEquals(of(""), of(" "));
    }

    @Test
    void aLongBodyIsNotRemembered() {
        assertNull(IpnBody.of(new byte[IpnBody.MAX_REMEMBERED + 1]));
        assertEquals("IpnBody[4096 bytes]", IpnBody.of(new byte[IpnBody.MAX_REMEMBERED]).toString());
    }
}
