package io.github.payop4j.internal.http;

import jakarta.json.JsonValue;

/**
 * A successful answer.
 *
 * @param status the 2xx status
 * @param identifier the {@code identifier} header (invoice or refund id), or {@code null}
 * @param body the parsed body, {@link JsonValue#NULL} when it was empty
 */
public record ApiResponse(int status, String identifier, JsonValue body) {
}
