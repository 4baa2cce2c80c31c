package io.github.payop4j.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.payop4j.testing.Docs;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict reader used for IPN bodies, against the tolerant codec used for API answers. */
class StrictJsonReaderTest {

    private final JsonCodec codec = new JsonCodec();
    private final StrictJsonReader strict = new StrictJsonReader(codec, 64);

    @ParameterizedTest
    @ValueSource(strings = {"ipn-checkout.json", "ipn-checkout-legacy.json", "ipn-checkout-short.json", "ipn-refund.json",
        "ipn-refund-refunddoc.json", "ipn-withdrawal.json", "ipn-withdrawal-pending.json", "transaction-v2.json"})
    void readsEveryDocumentedBodyExactlyAsTheTolerantCodecDoes(String doc) {
        String text = Docs.json(doc);
        assertEquals(codec.parse(text), strict.read(text));
    }

    @Test
    void numbersAndScalarsKeepTheirValues() {
        String text = "{\"a\": 1e2, \"b\": 10.50, \"c\": -0, \"d\": 123456789012345678901234567890.12, \"e\": [true, false,"
                + " null, \"\\u00e9\"], \"f\": {}, \"g\": []}";
        JsonObject read = strict.read(text).asJsonObject();
        assertEquals(codec.parse(text), read);
        assertEquals("10.50", JsonFields.decimal(read, "b"));
        assertEquals("100", JsonFields.decimal(read, "a"));
        assertEquals(JsonValue.TRUE, strict.read("true"));
        assertEquals("x", JsonFields.text(strict.read("\"x\"")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\": 1, \"a\": 1}",
        "{\"state\": 5, \"st\\u0061te\": 2}",
        "{\"transaction\": {\"state\": 5, \"state\": 2}}",
        "{\"x\": [1, {\"id\": \"a\", \"b\": {}, \"id\": \"b\"}]}",
        "{\"a\": {}, \"b\": [], \"a\": []}"})
    void aKeyTwiceInOneObjectIsRefusedAtAnyDepth(String text) {
        assertThrows(StrictJsonReader.RefusedException.class, () -> strict.read(text));
        // API answers stay tolerant: the same text is read, the last value winning.
        codec.parse(text);
    }

    @Test
    void theRefusalNamesWhereButNeverEchoesAnUnprintableKey() {
        assertEquals("duplicate key in the object at \"transaction\"", assertThrows(StrictJsonReader.RefusedException.class,
                () -> strict.read("{\"transaction\": {\"state\": 5, \"state\": 2}}")).getMessage());
        assertEquals("duplicate key in the top-level object", assertThrows(StrictJsonReader.RefusedException.class,
                () -> strict.read("{\"a\": 1, \"a\": 2}")).getMessage());
        assertEquals("duplicate key in the object at \"?\"", assertThrows(StrictJsonReader.RefusedException.class,
                () -> strict.read("{\"a\\nFAKE LOG LINE\": {\"k\": 1, \"k\": 2}}")).getMessage());
    }

    @Test
    void theSameKeyInSiblingOrNestedObjectsIsNoDuplicate() {
        String text = "{\"k\": {\"k\": {\"k\": 1}}, \"l\": [{\"k\": 1}, {\"k\": 2}]}";
        assertEquals(codec.parse(text), strict.read(text));
    }

    @Test
    void nestingIsCappedWithoutReadingFurther() {
        strict.read("[".repeat(64) + "]".repeat(64));
        assertEquals("nesting deeper than 64", assertThrows(StrictJsonReader.RefusedException.class,
                () -> strict.read("[".repeat(65) + "]".repeat(65))).getMessage());
        String hostile = "{\"a\":".repeat(1_000_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(StrictJsonReader.RefusedException.class,
                () -> strict.read(hostile)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "{", "{\"a\": 1} x", "{\"a\": 1}{}", "[1,]", "{'a': 1}", "{\"a\" 1}"})
    void whatIsNotJsonIsAJsonException(String text) {
        assertThrows(JsonException.class, () -> strict.read(text));
    }
}
