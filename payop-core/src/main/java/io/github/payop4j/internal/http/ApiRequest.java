package io.github.payop4j.internal.http;

import java.util.List;
import java.util.Objects;

/**
 * One call to Payop's API.
 *
 * @param method GET or POST
 * @param pathAndQuery already-encoded path and query, starting with "/"
 * @param body UTF-8 JSON for a POST, {@code null} for a GET
 * @param authenticated whether the call carries {@code Authorization: Bearer}
 * @param idempotencyKey sent as {@code idempotency-key} when not {@code null}
 * @param retry whether the transport may repeat the call
 * @param operation what the caller is doing, for messages ("create invoice")
 * @param redact strings that must never appear in an error message (card data)
 * @param expect what a success answer must carry
 */
public record ApiRequest(String method, String pathAndQuery, byte[] body, boolean authenticated,
        String idempotencyKey, Retry retry, String operation, List<String> redact, Expect expect) {

    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathAndQuery, "pathAndQuery");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(expect, "expect");
        redact = redact == null ? List.of() : List.copyOf(redact);
    }

    public static ApiRequest get(String operation, String pathAndQuery, boolean authenticated) {
        return new ApiRequest("GET", pathAndQuery, null, authenticated, null, Retry.SAFE, operation, null, Expect.DATA);
    }

    /** A POST sent exactly once: checkout transaction create, void, refund create (see {@link Retry#NEVER}). */
    public static ApiRequest post(String operation, String path, byte[] body, boolean authenticated) {
        return new ApiRequest("POST", path, body, authenticated, null, Retry.NEVER, operation, null, Expect.DATA);
    }

    /**
     * A POST whose repeat would only leave an unused object behind (invoice create, card token
     * create): never repeated by the client, but sent buffered, which on Jersey's default connector
     * avoids the JDK's 1 ms stale-connection probe and lets the JDK re-send it once after a
     * dropped connection (see {@link Retry#ORPHAN_IF_REPEATED}).
     */
    public static ApiRequest postOrphanIfRepeated(String operation, String path, byte[] body, boolean authenticated) {
        return new ApiRequest("POST", path, body, authenticated, null, Retry.ORPHAN_IF_REPEATED, operation, null, Expect.DATA);
    }

    public ApiRequest withIdempotencyKey(String key) {
        return new ApiRequest(method, pathAndQuery, body, authenticated, key, Retry.IDEMPOTENT_WITH_KEY, operation, redact, expect);
    }

    public ApiRequest redacting(List<String> values) {
        return new ApiRequest(method, pathAndQuery, body, authenticated, idempotencyKey, retry, operation, values, expect);
    }

    public ApiRequest expecting(Expect what) {
        return new ApiRequest(method, pathAndQuery, body, authenticated, idempotencyKey, retry, operation, redact, what);
    }

    /** "POST /v1/invoices/create": names the call without its body. */
    public String describe() {
        int q = pathAndQuery.indexOf('?');
        return method + " " + (q < 0 ? pathAndQuery : pathAndQuery.substring(0, q));
    }

    @Override
    public String toString() {
        // The body may hold card data; never print it.
        return "ApiRequest[" + describe() + ", " + operation + "]";
    }
}
