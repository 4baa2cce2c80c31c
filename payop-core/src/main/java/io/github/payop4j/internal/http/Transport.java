package io.github.payop4j.internal.http;

import io.github.payop4j.RetryPolicy;
import io.github.payop4j.error.PayopApiException;
import io.github.payop4j.error.PayopConnectionException;
import io.github.payop4j.error.PayopException;
import io.github.payop4j.error.PayopResponseException;
import io.github.payop4j.error.PayopTimeoutException;
import io.github.payop4j.internal.json.JsonCodec;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;

/**
 * Sends {@link ApiRequest}s through a Jakarta REST client and applies the retry rules.
 *
 * <p>Bodies travel as bytes, not through the container's JSON-B provider: RESTEasy's provider
 * builds a new {@code Jsonb} per call (about 10x slower), and bytes keep the signed amount
 * exactly as written.
 */
public final class Transport implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.github.payop4j.http");
    private static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    /**
     * Which POSTs Jersey streams. Jersey's default connector is {@code HttpURLConnection}, which
     * (JDK 17, {@code sun.net.www.http.HttpClient}) behaves in one of two ways:
     * <ul>
     * <li>a buffered body is re-sent once, on a new connection, when reading the answer fails
     * with an I/O error ({@code parseHTTP}); only the JVM-wide {@code sun.net.http.retryPost}
     * turns that off. For a checkout or a refund that is a double payment;</li>
     * <li>a streamed body (chunked or fixed-length) is never re-sent, but before a streamed POST
     * goes out on a kept-alive connection the JDK probes the socket ({@code available()}: a 1 ms
     * read timeout that a healthy connection always waits out, plus an 8 KB buffer and an
     * exception). That costs ~1.3-1.7 ms per call, 10x a loopback call (docs/PERFORMANCE.md).</li>
     * </ul>
     * Nothing per connection or per request selects "buffered but never re-sent", and a fresh
     * connection per POST would cost a TLS handshake, more than the probe. So the choice is made
     * per operation ({@link Retry}): money POSTs ({@link Retry#NEVER}: checkout transaction
     * create, void, refund create) are streamed and pay the probe; POSTs whose repeat leaves only
     * an orphan ({@link Retry#ORPHAN_IF_REPEATED}: invoice create, card token create) and keyed
     * POSTs stay buffered and cost what a raw call costs. The price of streaming on Jersey: the JDK
     * drops the body of a 401 answer, so Payop's message is missing from that exception (type,
     * status and advice remain). Fixed-length streaming would need a Content-Length header, which
     * Jersey answers with a WARNING on every request. Other implementations ignore the property:
     * RESTEasy's Apache HttpClient engine never re-sends a POST whose request was sent, and checks
     * a pooled connection for staleness only after 2 s idle.
     */
    static final String JERSEY_ENTITY_PROCESSING = "jersey.config.client.request.entity.processing";

    private final Client client;
    private final boolean ownsClient;
    private final String apiBase;
    private final String bearer;
    private final String userAgent;
    private final RetryPolicy retryPolicy;
    private final JsonCodec json;
    private final Sleeper sleeper;
    private final ErrorMapper errors;
    private final Redactor redactor;
    private final TokenWatch tokenWatch;

    public Transport(Client client, boolean ownsClient, URI apiBase, String jwtToken, String userAgent,
            RetryPolicy retryPolicy, JsonCodec json, Sleeper sleeper, List<String> secrets, TokenWatch tokenWatch) {
        this.client = client;
        this.ownsClient = ownsClient;
        String base = apiBase.toString();
        this.apiBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.bearer = jwtToken == null ? null : "Bearer " + jwtToken;
        this.userAgent = userAgent;
        this.retryPolicy = retryPolicy;
        this.json = json;
        this.sleeper = sleeper;
        this.errors = new ErrorMapper(json);
        this.redactor = new Redactor(secrets);
        this.tokenWatch = tokenWatch;
    }

    public JsonCodec json() {
        return json;
    }

    public boolean hasJwtToken() {
        return bearer != null;
    }

    /**
     * Sends the request, retrying where {@link RetryPolicy} allows.
     *
     * @throws PayopApiException for an HTTP error answer
     * @throws PayopConnectionException when no answer arrived
     * @throws PayopResponseException when a success answer cannot be read
     */
    public ApiResponse execute(ApiRequest request) {
        try {
            return attempt(request);
        } catch (PayopException e) {
            throw e.initRequestMethod(request.method());
        }
    }

    private ApiResponse attempt(ApiRequest request) {
        if (request.authenticated() && bearer == null) {
            throw new IllegalStateException("Cannot " + request.operation() + ": Payop requires a JWT token for "
                    + request.describe() + ". Create one in the Payop dashboard and pass it to"
                    + " PayopClient.builder().jwtToken(...) (or set payop.jwt-token).");
        }
        Redactor redact = redactor.with(request.redact());
        boolean repeatable = request.retry().clientMayRetry();
        for (int attempt = 1; ; attempt++) {
            boolean last = !repeatable || attempt >= retryPolicy.maxAttempts();
            long started = System.nanoTime();
            Duration delay;
            try (Response response = send(request)) {
                int status = response.getStatus();
                if (status < 100 || status > 599) {
                    // HttpURLConnection reports an unparseable answer as status -1.
                    throw new ProcessingException(new IOException("Invalid HTTP answer (status " + status + ")"));
                }
                byte[] body = readBody(response);
                if (request.authenticated()) {
                    tokenWatch.observe(status);
                }
                LOG.log(System.Logger.Level.DEBUG, () -> request.describe() + " -> " + status + " in "
                        + (System.nanoTime() - started) / 1_000_000 + " ms");
                if (status >= 200 && status < 300) {
                    return errors.checkSuccess(request, success(request, status, response.getHeaderString("identifier"), body),
                            redact);
                }
                Duration retryAfter = status == 429 ? RetryAfter.parse(response.getHeaderString("Retry-After")) : null;
                boolean transientStatus = status == 429 || status == 502 || status == 503 || status == 504;
                boolean waitAcceptable = retryAfter == null || retryAfter.compareTo(retryPolicy.maxRetryAfter()) <= 0;
                if (last || !transientStatus || !waitAcceptable) {
                    throw errors.toException(request, status, body, retryAfter, redact);
                }
                delay = retryAfter != null ? retryAfter : backoff(attempt);
                logRetry(request, "HTTP " + status, attempt, delay);
            } catch (ProcessingException e) {
                PayopConnectionException failure = connectionFailure(request, e, redact);
                boolean retryableFailure = !(rootCause(e) instanceof SSLException) && isIo(e);
                if (last || !retryableFailure) {
                    throw failure;
                }
                delay = backoff(attempt);
                logRetry(request, failure.getClass().getSimpleName(), attempt, delay);
            }
            pause(request, delay);
        }
    }

    private Response send(ApiRequest request) {
        Invocation.Builder call = client.target(URI.create(apiBase + request.pathAndQuery()))
                .request(MediaType.APPLICATION_JSON_TYPE)
                .header("User-Agent", userAgent);
        if (request.authenticated()) {
            call.header("Authorization", bearer);
        }
        if (request.idempotencyKey() != null) {
            call.header("idempotency-key", request.idempotencyKey());
        }
        if (request.body() == null) {
            // Payop's docs ask for Content-Type on every call, and it has answered 415 without it.
            return call.header("Content-Type", MediaType.APPLICATION_JSON).method(request.method());
        }
        if (request.retry().exactlyOnce()) {
            // Streamed so that HttpURLConnection cannot re-send it (see JERSEY_ENTITY_PROCESSING).
            call.property(JERSEY_ENTITY_PROCESSING, "CHUNKED");
        }
        return call.method(request.method(), Entity.entity(request.body(), MediaType.APPLICATION_JSON_TYPE));
    }

    private static byte[] readBody(Response response) {
        int declared = response.getLength();
        if (declared > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        // Not gated on hasEntity(): RESTEasy answers false for a body without a Content-Type.
        InputStream entity;
        try {
            entity = declared == 0 ? null : response.readEntity(InputStream.class);
        } catch (IllegalStateException e) {
            entity = null; // no entity at all
        }
        if (entity == null) {
            return new byte[0];
        }
        try (InputStream in = entity) {
            // One array of the declared length, not InputStream.readNBytes's 8 KB chunks and copy.
            byte[] bytes = new byte[declared >= 0 ? declared : 1024];
            int n = 0;
            while (true) {
                if (n == bytes.length) {
                    int next = in.read(); // at the declared length: the end of stream we expect
                    if (next < 0) {
                        return bytes;
                    }
                    if (n >= MAX_BODY_BYTES) {
                        throw tooLarge();
                    }
                    // No length, or more than declared: grow.
                    bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_BODY_BYTES, Math.max(1024L, bytes.length * 2L)));
                    bytes[n++] = (byte) next;
                    continue;
                }
                int r = in.read(bytes, n, bytes.length - n);
                if (r < 0) {
                    return Arrays.copyOf(bytes, n);
                }
                n += r;
            }
        } catch (IOException e) {
            throw new ProcessingException(e);
        }
    }

    private static ProcessingException tooLarge() {
        return new ProcessingException(new IOException("Payop's answer exceeds " + MAX_BODY_BYTES + " bytes"));
    }

    private ApiResponse success(ApiRequest request, int status, String identifier, byte[] body) {
        JsonValue parsed = JsonValue.NULL;
        boolean hasIdentifier = identifier != null && !identifier.isBlank();
        if (body.length > 0) {
            try {
                parsed = json.parse(body);
            } catch (JsonException | IllegalStateException e) {
                if (hasIdentifier) {
                    // The id header is Payop's documented answer to a create; the body is decoration.
                    return new ApiResponse(status, identifier.trim(), JsonValue.NULL);
                }
                throw new PayopResponseException("Payop answered " + status + " to " + request.describe()
                        + " but the body is not JSON, so the result of '" + request.operation()
                        + "' is unknown; check it in the Payop dashboard before repeating it.", status);
            }
        }
        return new ApiResponse(status, hasIdentifier ? identifier.trim() : null, parsed);
    }

    private PayopConnectionException connectionFailure(ApiRequest request, ProcessingException e, Redactor redact) {
        Throwable root = rootCause(e);
        String cause = redact.apply(root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + root.getMessage()));
        String where = "Could not " + request.operation() + " (" + request.describe() + " to " + apiBase + "): ";
        boolean connectTimeout = root instanceof SocketTimeoutException
                && String.valueOf(root.getMessage()).toLowerCase(Locale.ROOT).contains("connect");
        boolean neverSent = root instanceof ConnectException || root instanceof UnknownHostException
                || root instanceof NoRouteToHostException || connectTimeout;
        String consequence = neverSent || "GET".equals(request.method())
                ? ""
                : " The request may have reached Payop: check its result before sending it again.";
        if (root instanceof SocketTimeoutException) {
            return new PayopTimeoutException(where + "no answer within the "
                    + (connectTimeout ? "connect" : "read") + " timeout (" + cause + ")." + consequence, !neverSent, e);
        }
        if (root instanceof SSLException) {
            return new PayopConnectionException(where + "the TLS handshake failed (" + cause
                    + "). Check the JVM trust store and any TLS-intercepting proxy; the client never"
                    + " disables certificate checks.", false, e);
        }
        if (neverSent) {
            return new PayopConnectionException(where + "the connection could not be opened (" + cause
                    + "). Check the API URL, DNS and outbound firewall rules.", false, e);
        }
        return new PayopConnectionException(where + "the connection failed (" + cause + ")." + consequence, true, e);
    }

    private Duration backoff(int attempt) {
        long initial = retryPolicy.initialBackoff().toMillis();
        long cap = retryPolicy.maxBackoff().toMillis();
        long ceiling = Math.min(cap, initial << Math.min(attempt - 1, 20));
        if (ceiling <= 0) {
            return Duration.ZERO;
        }
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
    }

    private void logRetry(ApiRequest request, String why, int attempt, Duration delay) {
        LOG.log(System.Logger.Level.INFO, () -> "PAYOP-HTTP-001 " + request.describe() + " failed with " + why
                + "; retry " + attempt + " of " + (retryPolicy.maxAttempts() - 1) + " in " + delay.toMillis() + " ms");
    }

    private void pause(ApiRequest request, Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PayopException("Interrupted while waiting to retry " + request.describe(), e);
        }
    }

    private static boolean isIo(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
