package io.github.payop4j.jaxrs.internal;

import io.github.payop4j.checkout.NextStep;
import io.github.payop4j.config.PayopSettings;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link NextStep} as the front end sees it. URLs from Payop are only passed on when they are
 * absolute http(s) URLs: anything else (a {@code javascript:} URL, garbage) is treated as an
 * answer to wait on, never put into a Location header or a form action.
 *
 * @param type redirect, submit-form, poll, succeeded, failed or unknown
 * @param url where to send the browser, or {@code null}
 * @param method GET or POST for redirect and submit-form, else {@code null}
 * @param fields the form fields of submit-form, else empty
 * @param retryAfterSeconds when to ask again for poll and unknown, else {@code null}
 */
record StepView(String type, String url, String method, Map<String, String> fields, Integer retryAfterSeconds) {

    static final int UNKNOWN_RETRY_SECONDS = 5;

    StepView {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    static StepView of(NextStep step, String invoiceId, PayopSettings settings) {
        if (step instanceof NextStep.Redirect r) {
            return safe(r.url()) ? new StepView("redirect", r.url(), "GET", null, null) : unknown();
        }
        if (step instanceof NextStep.SubmitForm f) {
            return safe(f.url()) ? new StepView("submit-form", f.url(), "POST", f.fields(), null) : unknown();
        }
        if (step instanceof NextStep.Poll p) {
            int seconds = (int) Math.max(1, Math.min(60, p.after().toSeconds()));
            return new StepView("poll", null, null, null, seconds);
        }
        if (step instanceof NextStep.Succeeded s) {
            return new StepView("succeeded", finalUrl(s.url(), settings.resultUrl(), invoiceId), null, null, null);
        }
        if (step instanceof NextStep.Failed f) {
            return new StepView("failed", finalUrl(f.url(), settings.failUrl(), invoiceId), null, null, null);
        }
        return unknown();
    }

    private static StepView unknown() {
        return new StepView("unknown", null, null, null, UNKNOWN_RETRY_SECONDS);
    }

    /** Payop's result page, else the shop's configured one with the invoice id filled in. */
    private static String finalUrl(String fromPayop, Optional<String> configured, String invoiceId) {
        if (safe(fromPayop)) {
            return fromPayop;
        }
        return configured.map(u -> u.replace("{{invoiceId}}", URLEncoder.encode(invoiceId, StandardCharsets.UTF_8))
                .replace("{{txid}}", "")).orElse(null);
    }

    static boolean safe(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI u = new URI(url.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return u.isAbsolute() && u.getHost() != null && (scheme.equals("https") || scheme.equals("http"));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    JsonObject toJson(JsonIo json, String invoiceId) {
        JsonObjectBuilder b = json.builders().createObjectBuilder().add("invoiceId", invoiceId).add("type", type);
        if (url == null) {
            b.addNull("url");
        } else {
            b.add("url", url);
        }
        if (method == null) {
            b.addNull("method");
        } else {
            b.add("method", method);
        }
        JsonObjectBuilder f = json.builders().createObjectBuilder();
        fields.forEach(f::add);
        b.add("fields", f);
        if (retryAfterSeconds == null) {
            b.addNull("retryAfterSeconds");
        } else {
            b.add("retryAfterSeconds", retryAfterSeconds);
        }
        return b.build();
    }
}
