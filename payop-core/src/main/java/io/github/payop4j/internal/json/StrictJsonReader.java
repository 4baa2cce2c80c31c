package io.github.payop4j.internal.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads JSON that nobody signed (an IPN body) strictly, in one pass over a JSON-P streaming
 * parser: it builds the value and refuses a key written twice in one object, at any depth, and
 * nesting deeper than a limit. Payop's API answers keep the tolerant {@link JsonCodec}.
 *
 * <p>Why refuse duplicates: JSON leaves them undefined, and parsers disagree (first wins, last
 * wins, error), so a proxy, a log and this library could each read another state from one body.
 * PHP's {@code json_encode} never writes one, so a duplicate is never Payop's.
 *
 * <p>Why not {@code JsonConfig.KEY_STRATEGY}: a provider may ignore configuration it does not
 * know, and then duplicates would pass silently. {@code JsonObjectBuilder.add} replaces an
 * existing name (its contract), so an object that ends up smaller than the number of names added
 * held a duplicate, whatever the provider; the check costs one counter per object.
 */
public final class StrictJsonReader {

    private static final Pattern PRINTABLE_KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /** The text is JSON but not acceptable here; the message says why and is safe to log. */
    public static final class RefusedException extends JsonException {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }
    }

    private final JsonParserFactory parsers;
    private final JsonBuilderFactory builders;
    private final int maxDepth;

    public StrictJsonReader(JsonCodec codec, int maxDepth) {
        this.parsers = codec.provider().createParserFactory(Map.of());
        this.builders = codec.builders();
        this.maxDepth = maxDepth;
    }

    /**
     * Parses one JSON value of any kind.
     *
     * @throws RefusedException for a duplicate key or nesting deeper than the limit
     * @throws JsonException (or another runtime exception of the provider) if the text is not JSON
     */
    public JsonValue read(String text) {
        try (JsonParser parser = parsers.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw new JsonException("no JSON value");
            }
            JsonValue root = value(parser, parser.next(), 0, null);
            if (parser.hasNext()) {
                throw new JsonException("text after the JSON value");
            }
            return root;
        }
    }

    private JsonValue value(JsonParser parser, JsonParser.Event event, int depth, String key) {
        switch (event) {
            case START_OBJECT:
                return object(parser, depth + 1, key);
            case START_ARRAY:
                return array(parser, depth + 1, key);
            case VALUE_STRING:
            case VALUE_NUMBER:
            case VALUE_TRUE:
            case VALUE_FALSE:
            case VALUE_NULL:
                return parser.getValue();
            default:
                throw new JsonException("unexpected " + event);
        }
    }

    private JsonObject object(JsonParser parser, int depth, String key) {
        checkDepth(depth);
        JsonObjectBuilder builder = builders.createObjectBuilder();
        int names = 0;
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
            if (event != JsonParser.Event.KEY_NAME) {
                throw new JsonException("unexpected " + event);
            }
            String name = parser.getString();
            builder.add(name, value(parser, parser.next(), depth, name));
            names++;
        }
        JsonObject object = builder.build();
        if (object.size() != names) {
            throw new RefusedException("duplicate key in " + (key == null ? "the top-level object"
                    : "the object at \"" + (PRINTABLE_KEY.matcher(key).matches() ? key : "?") + "\""));
        }
        return object;
    }

    private JsonValue array(JsonParser parser, int depth, String key) {
        checkDepth(depth);
        JsonArrayBuilder builder = builders.createArrayBuilder();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_ARRAY; event = parser.next()) {
            builder.add(value(parser, event, depth, key));
        }
        return builder.build();
    }

    private void checkDepth(int depth) {
        if (depth > maxDepth) {
            throw new RefusedException("nesting deeper than " + maxDepth);
        }
    }
}
