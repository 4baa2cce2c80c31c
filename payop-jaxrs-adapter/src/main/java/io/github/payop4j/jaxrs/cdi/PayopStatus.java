package io.github.payop4j.jaxrs.cdi;

import io.github.payop4j.PayopClient;
import io.github.payop4j.config.PayopConfigurationException;
import io.github.payop4j.config.PayopSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
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
 */
@ApplicationScoped
public class PayopStatus {

    private final PayopExtension extension;
    private final Instance<PayopClient> client;

    /** For the CDI proxy only. */
    protected PayopStatus() {
        this(null, null);
    }

    @Inject
    public PayopStatus(PayopExtension extension, Instance<PayopClient> client) {
        this.extension = extension;
        this.client = client;
    }

    /**
     * @param up whether payop4j can work
     * @param reason why not (what to fix), or {@code null} when up
     * @param data details to show (never a secret)
     */
    public record Report(boolean up, String reason, Map<String, Object> data) {
    }

    public Report report() {
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
        PayopClient payop = client.get();
        Optional<Instant> expiry = payop.tokenExpiresAt();
        expiry.ifPresent(e -> data.put("jwtTokenExpiresAt", e.toString()));
        Optional<String> problem = payop.tokenProblem();
        if (problem.isPresent()) {
            data.put("jwtToken", problem.get());
            return new Report(false, problem.get(), data);
        }
        return new Report(true, null, data);
    }
}
