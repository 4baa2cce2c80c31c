package io.github.payop4j.jaxrs.cdi;

import io.github.payop4j.PayopClient;
import io.github.payop4j.config.PayopConfigurationException;
import io.github.payop4j.config.PayopSettings;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether payop4j can work in this deployment, and why not: the one answer the MicroProfile
 * Health readiness check and the admin status endpoint both give. Down when the configuration is
 * invalid, or the JWT token has expired or the Payop API refused it (401): then IPNs cannot be
 * confirmed (they are answered 503 and Payop retries), and transactions, refunds and payouts fail.
 * It never calls Payop itself, so a load balancer probing it does not spend Payop's rate limit.
 *
 * <p>Not a bean: everything comes from the {@link PayopExtension}, which every bean can inject
 * (on Payara the readiness check, added by the extension, sees no other bean of the adapter).
 */
public final class PayopStatus {

    private PayopStatus() {
    }

    /**
     * @param up whether payop4j can work
     * @param reason why not (what to fix), or {@code null} when up
     * @param data details to show (never a secret)
     */
    public record Report(boolean up, String reason, Map<String, Object> data) {
    }

    public static Report of(PayopExtension extension) {
        Map<String, Object> data = new LinkedHashMap<>();
        Optional<PayopConfigurationException> failure = extension.failure();
        if (failure.isPresent()) {
            data.put("configurationProblems", failure.get().problems().size());
            return new Report(false, "the Payop configuration is invalid: " + failure.get().problems().size()
                    + " setting(s) to fix, see the deployment log", data);
        }
        PayopSettings s = extension.settings();
        data.put("apiUrl", s.apiUrl().toString());
        data.put("directPayments", s.canListPaymentMethods());
        data.put("ipnVerifiedWithApi", s.ipnEnabled() && s.verifyIpnWithApi());
        // The client knows whether the API refused the token; before it exists, the settings know its expiry.
        Optional<PayopClient> payop = extension.client();
        Optional<Instant> expiry = payop.isPresent() ? payop.get().tokenExpiresAt() : s.jwtTokenExpiresAt();
        expiry.ifPresent(e -> data.put("jwtTokenExpiresAt", e.toString()));
        Optional<String> problem = payop.isPresent() ? payop.get().tokenProblem() : s.jwtTokenProblem();
        if (problem.isPresent()) {
            data.put("jwtToken", problem.get());
            return new Report(false, problem.get(), data);
        }
        return new Report(true, null, data);
    }
}
