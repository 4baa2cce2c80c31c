package io.github.payop4j.jaxrs.cdi;

import io.github.payop4j.PayopClient;
import io.github.payop4j.config.PayopSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.lang.System.Logger.Level;

/**
 * Makes the configured {@link PayopClient} injectable: {@code @Inject PayopClient payop;}, and
 * the validated settings: {@code @Inject PayopSettings settings;}.
 *
 * <p>The client is one instance per application, closed when the application stops. It is
 * produced {@code @Singleton} rather than {@code @ApplicationScoped} because {@link PayopClient}
 * is final and a normal-scoped bean must be proxyable; injection points see no difference.
 */
@ApplicationScoped
public class PayopProducer {

    private static final System.Logger LOG = System.getLogger(PayopProducer.class.getName());

    private final PayopExtension extension;

    /** For the CDI proxy only. */
    protected PayopProducer() {
        this.extension = null;
    }

    @Inject
    public PayopProducer(PayopExtension extension) {
        this.extension = extension;
    }

    /** The validated {@code payop.*} settings. */
    @Produces
    @Dependent
    public PayopSettings settings() {
        return extension.settings();
    }

    @Produces
    @Singleton
    public PayopClient client(PayopSettings settings) {
        PayopClient client = settings.clientBuilder().appInfo("payop-jaxrs-adapter").build();
        extension.clientCreated(client);
        LOG.log(Level.INFO, "PAYOP4J-3002 Payop client created: " + client);
        return client;
    }

    void close(@Disposes PayopClient client) {
        client.close();
    }
}
