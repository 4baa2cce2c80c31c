package io.github.payop4j.checkout;

import java.time.Duration;
import java.util.Map;

/**
 * What the shop should do with the payer now, derived from "check invoice status".
 *
 * <p>Switch over it exhaustively:
 * <pre>{@code
 * switch (step) {
 *     case NextStep.Redirect r -> redirect(r.url());
 *     case NextStep.SubmitForm f -> renderAutoSubmittingForm(f.url(), f.fields());
 *     case NextStep.Poll p -> showWaitingPage(p.after());
 *     case NextStep.Succeeded s -> redirect(s.url());
 *     case NextStep.Failed f -> redirect(f.url());
 *     case NextStep.Unknown u -> showWaitingPage(...);
 * }
 * }</pre>
 * The final payment result always comes from the IPN, never from this step.
 */
public sealed interface NextStep {

    /** Send the browser to {@code url} with a GET (a payment provider's page). */
    record Redirect(String url) implements NextStep {
    }

    /**
     * Make the browser POST {@code fields} to {@code url} as
     * {@code application/x-www-form-urlencoded}: the 3-D Secure case. This must happen in the
     * payer's browser, never from the server.
     */
    record SubmitForm(String url, Map<String, String> fields) implements NextStep {
        public SubmitForm {
            fields = Map.copyOf(fields);
        }
    }

    /** Nothing to do yet: ask again after {@code after}. */
    record Poll(Duration after) implements NextStep {
    }

    /** Payop reports success; send the payer to {@code url} (may be empty). */
    record Succeeded(String url) implements NextStep {
    }

    /** Payop reports failure; send the payer to {@code url} (may be empty). */
    record Failed(String url) implements NextStep {
    }

    /**
     * An answer the documented rules do not cover (Payop's "exceptional case": contact
     * support). {@code status} is what Payop sent.
     */
    record Unknown(String status) implements NextStep {
    }
}
