package io.github.payop4j.jaxrs.cdi;

import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: {@link PayopStatus}, up when the Payop configuration is valid and the JWT token
 * neither expired nor was refused by the API; down with the reason otherwise. It never calls
 * Payop. Registered by {@link PayopExtension} only when the server has MicroProfile Health; it
 * carries no scope annotation so that bean discovery alone never loads it.
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
        PayopStatus.Report report = PayopStatus.of(extension);
        Map<String, Object> data = new LinkedHashMap<>(report.data());
        if (!report.up()) {
            data.put("reason", report.reason());
        }
        // The constructor, not HealthCheckResponse.named(): it needs no provider from the server.
        return new HealthCheckResponse(NAME, report.up() ? HealthCheckResponse.Status.UP
                : HealthCheckResponse.Status.DOWN, Optional.of(data));
    }
}
