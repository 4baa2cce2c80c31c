package io.github.payop4j.testkit.internal.http;

import io.github.payop4j.testkit.ApiFault;
import io.github.payop4j.testkit.Operation;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Finds the route of a request, checks the JWT where Payop requires it, applies an injected fault,
 * and turns what an endpoint throws into Payop's 500 (a bug in the emulator must still answer).
 */
public final class Router {

    /** What a request resolved to: the reply, and the fault to apply around it (or null). */
    public record Outcome(Reply reply, ApiFault fault, Operation operation) {
        Outcome(Reply reply, ApiFault fault) {
            this(reply, fault, null);
        }
    }

    private static final System.Logger LOG = System.getLogger("io.github.payop4j.testkit");

    private final List<Route> routes;
    private final byte[] bearer;
    private final Faults faults;

    public Router(List<Route> routes, String jwtToken, Faults faults) {
        this.routes = List.copyOf(routes);
        this.bearer = ("Bearer " + jwtToken).getBytes(StandardCharsets.UTF_8);
        this.faults = faults;
    }

    public Outcome handle(Req req) {
        for (Route route : routes) {
            Matcher m = route.path().matcher(req.path());
            if (!m.matches() || !route.method().equals(req.method())) {
                continue;
            }
            Reply denied = authenticate(route, req);
            if (denied != null) {
                return new Outcome(denied, null);
            }
            if (route.operation() != null && "POST".equals(req.method()) && !isJson(req.header("Content-Type"))) {
                return new Outcome(Reply.json(415, Json.message("Unsupported media type. Only json allowed")), null);
            }
            ApiFault fault = route.operation() == null ? null : faults.take(route.operation());
            if (fault != null && fault.kind() != ApiFault.Kind.SLOW) {
                return new Outcome(null, fault, route.operation());
            }
            return new Outcome(run(route, req, m), fault, route.operation());
        }
        boolean pathKnown = routes.stream().anyMatch(r -> r.path().matcher(req.path()).matches());
        if (pathKnown) {
            return new Outcome(Reply.json(405, Json.message("No route found for \"" + req.method() + " "
                    + req.path() + "\": Method Not Allowed")), null);
        }
        return new Outcome(Reply.json(404, Json.message("No route found for \"" + req.method() + " "
                + req.path() + "\"")), null);
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
    }

    private static Reply run(Route route, Req req, Matcher m) {
        try {
            return route.handler().apply(req, m);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "PAYOP-EMU-001 The emulator failed on " + req.method() + " "
                    + req.path() + "; answering Payop's 500. This is a bug in payop-testkit.", e);
            return Reply.json(500, Json.message("Something went wrong, try again or contact support."));
        }
    }

    private Reply authenticate(Route route, Req req) {
        if (route.auth() == Route.Auth.PUBLIC) {
            return null;
        }
        String header = req.header("Authorization");
        boolean wallet = route.auth() == Route.Auth.JWT_WALLET;
        if (header == null || header.isBlank()) {
            return Reply.json(401, Json.message(wallet ? "Unable find authenticated user"
                    : "Full authentication is required to access this resource."));
        }
        if (!MessageDigest.isEqual(bearer, header.trim().getBytes(StandardCharsets.UTF_8))) {
            return Reply.json(401, Json.message(wallet ? "Unable find authenticated user"
                    : "Authorization token invalid"));
        }
        return null;
    }
}
