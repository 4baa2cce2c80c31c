package io.github.payop4j.jaxrs.cdi;

import io.github.payop4j.config.PayopConfigurationException;
import io.github.payop4j.config.PayopSettings;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: up when the Payop configuration is valid. It never calls Payop, so a load balancer
 * probing it every few seconds does not spend Payop's rate limit. Registered by
 * {@link PayopExtension} only when the server has MicroProfile Health; it carries no scope
 * annotation so that bean discovery alone never loads it.
 */
@Readiness
public class PayopReadinessCheck implements HealthCheck {

    static final String NAME = "payop";

    private final PayopExtension extension;

    @Inject
    public PayopReadinessCheck(PayopExtension extension) {
        this.extension = extension;
    }

    @Override
    public HealthCheckResponse call() {
        // The constructor, not HealthCheckResponse.named(): it needs no provider from the server.
        Map<String, Object> data = new LinkedHashMap<>();
        Optional<PayopConfigurationException> failure = extension.failure();
        if (failure.isEmpty()) {
            PayopSettings s = extension.settings();
            data.put("apiUrl", s.apiUrl().toString());
            data.put("directPayments", s.canListPaymentMethods());
            data.put("ipnVerifiedWithApi", s.ipnEnabled() && s.verifyIpnWithApi());
            return new HealthCheckResponse(NAME, HealthCheckResponse.Status.UP, Optional.of(data));
        }
        data.put("configurationProblems", failure.get().problems().size());
        return new HealthCheckResponse(NAME, HealthCheckResponse.Status.DOWN, Optional.of(data));
    }
}
