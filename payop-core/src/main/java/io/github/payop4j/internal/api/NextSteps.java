package io.github.payop4j.internal.api;

import static io.github.payop4j.internal.json.JsonFields.nonBlank;
import static io.github.payop4j.internal.json.JsonFields.object;
import static io.github.payop4j.internal.json.JsonFields.textMap;

import io.github.payop4j.checkout.NextStep;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Locale;

/**
 * Payop's "check status" answer turned into one {@link NextStep}.
 *
 * <p>Payop documents the checks in order: a non-empty {@code form} means redirect (POST is
 * 3-D Secure), then pending without URL means poll, then success / fail mean redirect to the
 * result page. A success or fail answer may also carry a {@code form} pointing at the result
 * page, so a final status is tested first: the shop learns the outcome and still gets the URL.
 */
final class NextSteps {

    /** Payop: "repeat after 5-10 seconds". */
    static final Duration POLL_DELAY = Duration.ofSeconds(5);

    private NextSteps() {
    }

    static NextStep from(JsonObject data) {
        String status = nonBlank(data, "status");
        String normalized = status == null ? "" : status.toLowerCase(Locale.ROOT);
        JsonObject form = object(data, "form");
        String formUrl = nonBlank(form, "url");
        String url = nonBlank(data, "url");
        if (url == null) {
            url = formUrl;
        }
        if (url == null && "success".equals(normalized) || url == null && "fail".equals(normalized)) {
            // The legacy transaction check returns the result page in "txid" (a documented quirk).
            String txid = nonBlank(data, "txid");
            if (txid != null && (txid.startsWith("http://") || txid.startsWith("https://"))) {
                url = txid;
            }
        }
        switch (normalized) {
            case "success":
                return new NextStep.Succeeded(url == null ? "" : url);
            case "fail":
            case "failed":
                return new NextStep.Failed(url == null ? "" : url);
            case "pending":
                if (formUrl != null) {
                    String method = nonBlank(form, "method");
                    if (method != null && method.equalsIgnoreCase("POST")) {
                        return new NextStep.SubmitForm(formUrl, textMap(form.get("fields")));
                    }
                    return new NextStep.Redirect(formUrl);
                }
                return url == null ? new NextStep.Poll(POLL_DELAY) : new NextStep.Redirect(url);
            default:
                return new NextStep.Unknown(status == null ? "" : status);
        }
    }
}
