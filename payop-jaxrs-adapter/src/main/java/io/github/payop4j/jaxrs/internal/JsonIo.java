package io.github.payop4j.jaxrs.internal;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.Map;

/**
 * JSON-P factories, looked up once per owner (a provider lookup per call is expensive), and the
 * request body reader. Bodies are read and written here, not by the server's JSON-B provider, so
 * both servers behave the same and unknown fields such as {@code amount} are simply never read.
 */
final class JsonIo {

    /** Checkout bodies are a few hundred bytes; anything near this is not a checkout request. */
    static final int MAX_BODY_BYTES = 16 * 1024;

    private final JsonBuilderFactory builders;
    private final JsonReaderFactory readers;
    private final JsonWriterFactory writers;

    JsonIo() {
        this.builders = Json.createBuilderFactory(Map.of());
        this.readers = Json.createReaderFactory(Map.of());
        this.writers = Json.createWriterFactory(Map.of());
    }

    JsonBuilderFactory builders() {
        return builders;
    }

    String write(JsonStructure json) {
        StringWriter out = new StringWriter();
        try (JsonWriter w = writers.createWriter(out)) {
            w.write(json);
        }
        return out.toString();
    }

    /**
     * Reads a JSON object body. The parser's own message is never passed on: it can quote a
     * character of the body, and the body may hold a card number.
     */
    JsonObject readObject(InputStream body) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw CheckoutProblem.badRequest("The request body could not be read.");
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw CheckoutProblem.badRequest("The request body is larger than " + MAX_BODY_BYTES + " bytes.");
        }
        if (bytes.length == 0) {
            throw CheckoutProblem.badRequest("The request body is empty; send a JSON object.");
        }
        JsonValue value;
        try (JsonReader r = readers.createReader(new ByteArrayInputStream(bytes))) {
            value = r.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw CheckoutProblem.badRequest("The request body is not valid JSON; send a JSON object.");
        }
        if (!(value instanceof JsonObject o)) {
            throw CheckoutProblem.badRequest("The request body must be a JSON object.");
        }
        return o;
    }
}
