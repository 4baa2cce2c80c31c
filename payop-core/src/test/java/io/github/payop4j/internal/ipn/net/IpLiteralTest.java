package io.github.payop4j.internal.ipn.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralTest {

    /** The rule the hand-written scanner replaces, kept here as its specification. */
    private static final Pattern SPEC = Pattern.compile("([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})");

    private static byte[] bySpec(String s) {
        Matcher m = SPEC.matcher(s);
        if (!m.matches()) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = Integer.parseInt(m.group(i + 1));
            if (octet > 255) {
                return null;
            }
            bytes[i] = (byte) octet;
        }
        return bytes;
    }

    @ParameterizedTest
    @ValueSource(strings = {"18.199.249.46", "0.0.0.1", "255.255.255.255", "010.001.0.9", " 3.125.109.58 ",
        "[127.0.0.1]", "10.0.0.1%eth0"})
    void dottedQuadsAreRead(String text) {
        InetAddress a = IpLiteral.parse(text);
        String plain = text.trim().replace("[", "").replace("]", "").replaceAll("%.*", "");
        assertArrayEquals(bySpec(plain), a.getAddress(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.1.1.1", "1.2.3.999", "1.2.3", "1.2.3.4.5", "1..2.3", ".1.2.3", "1.2.3.", "0001.2.3.4",
        "1.2.3.-4", "1.2.3.4a", "\u0661.2.3.4", "1.2.3.\uff14", "payop.com", "", "1.2.3.4:80", "１.2.3.4"})
    void anythingElseIsNotAnIpv4Literal(String text) {
        assertNull(IpLiteral.ipv4(text), text);
    }

    @Test
    void theScannerAgreesWithTheRegexOnRandomInput() {
        Random random = new Random(12);
        String alphabet = "0123456789..:a -";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(18);
            for (int j = 0; j < length; j++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = b.toString();
            assertArrayEquals(bySpec(s), IpLiteral.ipv4(s), s);
        }
    }

    @Test
    void nodesWithPortsStillParse() {
        assertEquals("192.0.2.1", IpLiteral.parseNode("192.0.2.1:4711").getHostAddress());
        assertEquals("2001:db8:0:0:0:0:0:1", IpLiteral.parseNode("[2001:db8::1]:4711").getHostAddress());
        assertEquals("2001:db8:0:0:0:0:0:1", IpLiteral.parseNode("[2001:db8::1]").getHostAddress());
        assertNull(IpLiteral.parseNode("192.0.2.1:471111"));
        assertNull(IpLiteral.parseNode("192.0.2.1:"));
        assertNull(IpLiteral.parseNode("[2001:db8::1]4711"));
        assertNull(IpLiteral.parseNode("[2001:db8::1]:"));
        assertNull(IpLiteral.parseNode("[2001:db8::1]:x"));
    }
}
