package io.github.payop4j.testkit.internal.http;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.payop4j.testkit.ApiFault;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bridge to WireMock: the emulator's catch-all stub names this transformer, which answers
 * from the emulator's state. Because it is an ordinary stub at low priority, a test's own stubs
 * win over it, and WireMock still records every request for {@code verify}.
 */
public final class EmulatorTransformer implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "payop-emulator";

    private static final String HTML_ERROR = "<html>\r\n<head><title>%1$d %2$s</title></head>\r\n<body>\r\n"
            + "<center><h1>%1$d %2$s</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    private final java.util.function.Supplier<Router> router;

    public EmulatorTransformer(java.util.function.Supplier<Router> router) {
        this.router = router;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        LoggedRequest request = serveEvent.getRequest();
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpHeader h : request.getHeaders().all()) {
            headers.put(h.key(), h.firstValue());
        }
        Req req = Req.of(request.getMethod().getName(), request.getUrl(), headers, request.getBodyAsString(),
                request.getClientIp());
        Router.Outcome outcome = router.get().handle(req);
        ApiFault fault = outcome.fault();
        if (fault == null || fault.kind() == ApiFault.Kind.SLOW) {
            ResponseDefinitionBuilder b = toDefinition(outcome.reply());
            if (fault != null) {
                b.withFixedDelay((int) Math.min(Integer.MAX_VALUE, fault.duration().toMillis()));
            }
            return b.build();
        }
        return switch (fault.kind()) {
            case RATE_LIMITED -> toDefinition(Reply.json(429, Json.message("Too many requests from ip"))
                    .withHeader("Retry-After", Long.toString(seconds(fault)))).build();
            case SERVER_ERROR -> toDefinition(Reply.json(fault.status(), serverError(outcome.operation()))).build();
            case HTML_ERROR_PAGE -> toDefinition(Reply.html(fault.status(),
                    String.format(HTML_ERROR, fault.status(), reason(fault.status())))).build();
            default -> ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        };
    }

    /** Payop's documented 500 body; the wallet endpoint documents its own (a list of messages). */
    private static jakarta.json.JsonObject serverError(io.github.payop4j.testkit.Operation operation) {
        if (operation == io.github.payop4j.testkit.Operation.WALLET_BALANCES) {
            return Json.object().add("message", Json.array().add(Json.object().add("message",
                    "cURL error 7: Failed to connect to engine-service port 80 after 1 ms: Could not connect to server")))
                    .build();
        }
        return Json.message("Something went wrong, try again or contact support.");
    }

    private static long seconds(ApiFault fault) {
        long millis = fault.duration().toMillis();
        return (millis + 999) / 1000;
    }

    private static String reason(int status) {
        return switch (status) {
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Temporarily Unavailable";
            case 504 -> "Gateway Time-out";
            default -> "Server Error";
        };
    }

    private static ResponseDefinitionBuilder toDefinition(Reply reply) {
        ResponseDefinitionBuilder b = ResponseDefinitionBuilder.responseDefinition().withStatus(reply.status())
                .withBody(reply.body());
        reply.headers().forEach(b::withHeader);
        return b;
    }
}
