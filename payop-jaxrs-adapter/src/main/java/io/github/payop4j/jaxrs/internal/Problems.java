package io.github.payop4j.jaxrs.internal;

import io.github.payop4j.error.PayopApiException;
import io.github.payop4j.error.PayopAuthenticationException;
import io.github.payop4j.error.PayopConnectionException;
import io.github.payop4j.error.PayopException;
import io.github.payop4j.error.PayopPermissionException;
import io.github.payop4j.error.PayopRateLimitException;
import io.github.payop4j.error.PayopServerException;
import io.github.payop4j.error.PayopTimeoutException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Turns any failure into an {@code application/problem+json} answer (RFC 9457) that is safe to
 * show a browser: no stack trace, no Payop internals, no secrets, no card data. What the operator
 * needs (Payop's message, the exception) goes to the log under an incident id that the answer
 * carries as {@code instance}.
 */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";
    /** Problem types are tag URIs (RFC 4151): stable names, not links. */
    static final String TYPE_PREFIX = "tag:payop4j.github.io,2025:problem:";

    private static final System.Logger LOG = System.getLogger(Problems.class.getName());
    private static final String MAY_HAVE_REACHED = " The payment may already have been submitted: check the"
            + " order's status before paying again.";

    private final JsonIo json;

    Problems(JsonIo json) {
        this.json = json;
    }

    Response toResponse(Throwable t) {
        if (t instanceof CardDataFailure c) {
            return toResponse(c.failure(), new Redaction(c.cardValues()));
        }
        return toResponse(t, new Redaction(List.of()));
    }

    private Response toResponse(Throwable t, Redaction redaction) {
        if (t instanceof CheckoutProblem p) {
            return render(p, null);
        }
        if (t instanceof PayopException e) {
            return payop(e, redaction);
        }
        if (t instanceof WebApplicationException e) {
            return webApplication(e);
        }
        String incident = incident();
        String message = "PAYOP4J-2900 Unexpected failure in a checkout endpoint, incident " + incident;
        if (redaction.isEmpty()) {
            LOG.log(Level.ERROR, message, t);
        } else {
            // The exception messages may hold card data: log the trace as redacted text.
            LOG.log(Level.ERROR, message + "\n" + redaction.apply(trace(t)));
        }
        return render(CheckoutProblem.of(500, "internal-error", "Internal error",
                "The payment could not be processed because of an error in the shop. Please try again later."),
                incident);
    }

    private Response payop(PayopException payopFailure, Redaction redaction) {
        String incident = incident();
        Redacted e = new Redacted(payopFailure, redaction);
        // Payop's message is for the operator: core has already cut secrets and card numbers out of it.
        CheckoutProblem p;
        if (e.original() instanceof PayopRateLimitException r) {
            Duration wait = r.retryAfter().orElse(Duration.ofSeconds(5));
            p = new CheckoutProblem(503, "provider-busy", "Payment provider busy",
                    "The payment provider is busy. Please try again in a moment.", null, wait);
            LOG.log(Level.WARNING, "PAYOP4J-2001 Payop rate limit reached, incident " + incident + ": " + e.getMessage());
        } else if (e.original() instanceof PayopAuthenticationException
                || e.original() instanceof PayopPermissionException) {
            p = CheckoutProblem.of(502, "provider-rejected", "Payment provider rejected the request",
                    "The payment provider refused this shop's request. The shop has to fix its Payop settings;"
                            + " please try again later or use another payment method.");
            LOG.log(Level.ERROR, "PAYOP4J-2002 Payop refused the shop's credentials or permissions, incident "
                    + incident + " (check payop.public-key, payop.secret-key, payop.jwt-token, payop.project-id): "
                    + e.getMessage());
        } else if (e.original() instanceof PayopServerException s) {
            boolean unavailable = s.httpStatus() == 503;
            p = CheckoutProblem.of(unavailable ? 503 : 502, "provider-failed", "Payment provider failed",
                    "The payment provider failed to process the payment. Please try again later."
                            + (mayHaveTakenEffect(e) ? MAY_HAVE_REACHED : ""));
            LOG.log(Level.WARNING, "PAYOP4J-2003 Payop failed, incident " + incident + ": " + e.getMessage());
        } else if (e.original() instanceof PayopApiException a) {
            // A 2xx flagged "status": 0 that still names a transaction may have gone through.
            p = mayHaveTakenEffect(e)
                    ? CheckoutProblem.of(502, "provider-failed", "Payment provider failed",
                            "The payment provider did not confirm the payment request." + MAY_HAVE_REACHED)
                    : CheckoutProblem.of(502, "provider-rejected", "Payment provider rejected the request",
                            "The payment provider did not accept the payment request. Please check your details, try"
                                    + " another payment method, or contact the shop.");
            LOG.log(Level.WARNING, "PAYOP4J-2004 Payop rejected a request with HTTP " + a.httpStatus()
                    + ", incident " + incident + ": " + e.getMessage());
        } else if (e.original() instanceof PayopTimeoutException t) {
            p = CheckoutProblem.of(504, "provider-timeout", "Payment provider did not answer in time",
                    "The payment provider did not answer in time. Please try again later."
                            + (mayHaveTakenEffect(e) ? MAY_HAVE_REACHED : ""));
            LOG.log(Level.WARNING, "PAYOP4J-2005 Payop timed out, incident " + incident + ": " + e.getMessage());
        } else if (e.original() instanceof PayopConnectionException c) {
            p = mayHaveTakenEffect(e)
                    ? CheckoutProblem.of(502, "provider-unreachable", "Payment provider connection failed",
                            "The connection to the payment provider broke." + MAY_HAVE_REACHED)
                    : new CheckoutProblem(503, "provider-unreachable", "Payment provider unreachable",
                            "The payment provider cannot be reached. Please try again in a moment.", null,
                            Duration.ofSeconds(10));
            LOG.log(Level.WARNING, "PAYOP4J-2006 Payop unreachable, incident " + incident + ": " + e.getMessage());
        } else {
            p = CheckoutProblem.of(502, "provider-failed", "Payment provider failed",
                    "The payment provider sent an answer the shop could not use. Please try again later.");
            LOG.log(Level.WARNING, "PAYOP4J-2007 Unusable answer from Payop, incident " + incident + ": "
                    + e.getMessage());
        }
        return render(p, incident);
    }

    /** Whether the failed call may still have changed something at Payop (a POST with unknown outcome). */
    private static boolean mayHaveTakenEffect(Redacted e) {
        return e.original().requestMayHaveTakenEffect();
    }

    /** The exception chain with its frames, as text. */
    private static String trace(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            b.append(c == t ? "" : "Caused by: ").append(c).append('\n');
            for (StackTraceElement frame : c.getStackTrace()) {
                b.append("\tat ").append(frame).append('\n');
            }
        }
        return b.toString();
    }

    /** The values to cut out of log text (card data of the request at hand). */
    private record Redaction(List<String> values) {
        boolean isEmpty() {
            return values.isEmpty();
        }

        String apply(String text) {
            String out = text == null ? "" : text;
            for (String v : values) {
                if (v != null && v.length() >= 3) {
                    out = out.replace(v, "[redacted]");
                }
            }
            return out;
        }
    }

    /** A Payop failure whose message is read through the redaction. */
    private record Redacted(PayopException original, Redaction redaction) {
        String getMessage() {
            return redaction.apply(original.getMessage());
        }
    }

    private Response webApplication(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        String detail;
        switch (status) {
            case 404: detail = "There is no checkout endpoint at this address."; break;
            case 405: detail = "This checkout endpoint does not answer this HTTP method."; break;
            case 406: detail = "This checkout endpoint cannot answer in the requested media type."; break;
            case 415: detail = "This checkout endpoint does not accept this content type; send JSON."; break;
            default: detail = status >= 500 ? "The request could not be processed." : "The request was not accepted.";
        }
        if (status >= 500) {
            LOG.log(Level.WARNING, "PAYOP4J-2901 Server error in a checkout endpoint", e);
        }
        Response r = render(CheckoutProblem.of(status, "http-" + status, title, detail), null);
        if (original != null && original.getHeaderString(HttpHeaders.ALLOW) != null) {
            return Response.fromResponse(r).header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW)).build();
        }
        return r;
    }

    Response render(CheckoutProblem p, String incident) {
        JsonObjectBuilder body = json.builders().createObjectBuilder()
                .add("type", TYPE_PREFIX + p.type())
                .add("title", p.title())
                .add("status", p.status())
                .add("detail", p.detail());
        if (incident != null) {
            body.add("instance", incident);
        }
        if (!p.fields().isEmpty()) {
            JsonArrayBuilder fields = json.builders().createArrayBuilder();
            for (FieldError f : p.fields()) {
                fields.add(json.builders().createObjectBuilder().add("name", f.name()).add("reason", f.reason()));
            }
            body.add("fields", fields);
        }
        Response.ResponseBuilder r = Response.status(p.status())
                .type(MEDIA_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(json.write(body.build()));
        if (p.retryAfter() != null) {
            r.header(HttpHeaders.RETRY_AFTER, Math.max(1, p.retryAfter().toSeconds()));
        }
        return r.build();
    }

    private static String incident() {
        return "urn:uuid:" + UUID.randomUUID();
    }
}
