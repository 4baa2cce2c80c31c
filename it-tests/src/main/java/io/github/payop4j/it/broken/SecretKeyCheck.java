package io.github.payop4j.it.broken;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The shape of the adapter's future fail-fast check: at application start-up, a missing
 * {@code payop.secret-key} must fail the deployment with a message that names the key.
 * The tests deploy it without that key and expect the deployment to fail.
 */
@ApplicationScoped
public class SecretKeyCheck {

    public static final String MESSAGE = "payop.secret-key is missing";

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (ConfigProvider.getConfig().getOptionalValue("payop.secret-key", String.class).isEmpty()) {
            throw new IllegalStateException(MESSAGE);
        }
    }
}
