package io.github.payop4j.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardTest {

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "5555555555554444", "378282246310005", "6011111111111117"})
    void theSchemesTestNumbersPassTheCheckDigit(String pan) {
        assertTrue(Card.passesLuhn(pan));
        assertEquals(pan, new Card(pan, "12/28", "123", "A B").pan());
    }

    @Test
    void aMistypedDigitIsRefusedBeforeAnyRequestWithoutEchoingTheNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Card("4111111111111112", "12/28", "123", "A B"));
        assertTrue(e.getMessage().contains("check digit"), e.getMessage());
        assertFalse(e.getMessage().contains("4111111111111112"), e.getMessage());
        assertFalse(Card.passesLuhn("4111 1111"));
        assertFalse(Card.passesLuhn(""));
        assertFalse(Card.passesLuhn(null));
    }
}
