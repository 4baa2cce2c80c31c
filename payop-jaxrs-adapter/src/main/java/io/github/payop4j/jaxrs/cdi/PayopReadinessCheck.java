package io.github.payop4j.jaxrs.cdi;

import io.github.payop4j.jaxrs.config.ConfigResult;
import io.github.payop4j.jaxrs.config.PayopSettings;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: up when the Payop configuration is valid. It never calls Payop, so a load balancer
 * probing it every few seconds does not spend Payop's rate limit. Registered by
 * {@link PayopExtension} only when the server has MicroProfile Health; it carries no scope
 * annotation so that bean discovery alone never loads it.
 */
@Readiness
public class PayopReadinessCheck implements HealthCheck {

    private final PayopExtension extension;

    @Inject
    public PayopReadinessCheck(PayopExtension extension) {
        this.extension = extension;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("payop");
        ConfigResult result = extension.result();
        if (result instanceof ConfigResult.Valid valid) {
            PayopSettings s = valid.settings();
            return b.up()
                    .withData("apiUrl", s.apiUrl().toString())
                    .withData("directPayments", s.canListPaymentMethods())
                    .withData("ipnVerifiedWithApi", s.ipn().verifyWithApi())
                    .build();
        }
        ConfigResult.Invalid invalid = (ConfigResult.Invalid) result;
        return b.down().withData("problems", invalid.problems().size()).build();
    }
}
