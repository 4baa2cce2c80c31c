package io.github.payop4j.internal.ipn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The body's text: ASCII taken as is, anything else through a decoder that refuses bad bytes. */
class IpnParserUtf8Test {

    private static String strict(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    @Test
    void asciiAndRealUtf8AreRead() {
        assertEquals("{\"a\":\"b\"}", IpnParser.utf8("{\"a\":\"b\"}".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("{\"d\":\"Café ✓\"}", IpnParser.utf8("{\"d\":\"Café ✓\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        assertNull(IpnParser.utf8(new byte[] {'{', (byte) 0xC3, '}'}), "a lone lead byte");
        assertNull(IpnParser.utf8(new byte[] {'{', (byte) 0xFF, '}'}));
        assertNull(IpnParser.utf8(new byte[] {(byte) 0xC0, (byte) 0xAF}), "an overlong '/'");
        assertNull(IpnParser.utf8(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}), "an encoded surrogate");
        assertNull(IpnParser.utf8("{\"d\":\"Caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1)), "Latin-1");
    }

    @Test
    void randomBytesAreReadExactlyAsTheStrictDecoderReadsThem() {
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            byte[] bytes = new byte[random.nextInt(12)];
            random.nextBytes(bytes);
            if (random.nextBoolean()) {
                for (int j = 0; j < bytes.length; j++) {
                    bytes[j] &= 0x7f; // half of them ASCII
                }
            }
            assertEquals(strict(bytes), IpnParser.utf8(bytes));
        }
    }
}
