package io.github.payop4j.internal.json;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The JSON-P factories of one client, looked up once.
 *
 * <p>{@code Json.createReader(...)} and friends search the service loader on every call; one
 * provider per client keeps parsing cheap. Inside an application server the provider is the
 * server's own (Parsson on WildFly and Payara).
 */
public final class JsonCodec {

    private final JsonProvider provider;
    private final JsonReaderFactory readers;
    private final JsonWriterFactory writers;
    private final JsonBuilderFactory builders;

    public JsonCodec() {
        this(JsonProvider.provider());
    }

    public JsonCodec(JsonProvider provider) {
        this.provider = provider;
        this.readers = provider.createReaderFactory(Map.of());
        this.writers = provider.createWriterFactory(Map.of());
        this.builders = provider.createBuilderFactory(Map.of());
    }

    public JsonBuilderFactory builders() {
        return builders;
    }

    public JsonProvider provider() {
        return provider;
    }

    /**
     * Parses UTF-8 JSON text of any top-level kind.
     *
     * @throws JsonException if the text is not JSON
     */
    public JsonValue parse(byte[] utf8) {
        // Decoded here rather than by the reader: a reader over a stream decodes through an
        // InputStreamReader with its own 8 KB buffer per call, while new String(..) is one exact
        // allocation (and the JDK's fast path for ASCII). Malformed bytes become U+FFFD either way.
        return parse(new String(utf8, StandardCharsets.UTF_8));
    }

    /**
     * Parses JSON text of any top-level kind (for input whose UTF-8 was already checked).
     *
     * @throws JsonException if the text is not JSON
     */
    public JsonValue parse(String text) {
        try (JsonReader reader = readers.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    /** Compact JSON text. */
    public String write(JsonStructure value) {
        StringWriter out = new StringWriter(256);
        try (JsonWriter writer = writers.createWriter(out)) {
            writer.write(value);
        }
        return out.toString();
    }

    public byte[] writeUtf8(JsonStructure value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }
}
