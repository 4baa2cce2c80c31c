package io.github.payop4j.jaxrs.cdi;

import io.github.payop4j.PayopClient;
import io.github.payop4j.config.ConfigProblem;
import io.github.payop4j.config.PayopConfigurationException;
import io.github.payop4j.config.PayopSettings;
import io.github.payop4j.config.Role;
import io.github.payop4j.config.SettingsSource;
import io.github.payop4j.jaxrs.PayopOrders;
import io.github.payop4j.jaxrs.config.MicroProfileSettingsSource;
import io.github.payop4j.jaxrs.internal.PageTemplate;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessBean;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Fails the deployment, with one message naming every offending setting, when the Payop
 * configuration is missing or invalid, or when the shop has no {@link PayopOrders} bean. A shop
 * thus learns about a typo at deployment, not at its first customer's payment. The adapter plays
 * both roles ({@link Role#CHECKOUT} and {@link Role#IPN}); reading and validation are payop-core's.
 *
 * <p>Also registers the readiness check, but only when the server has MicroProfile Health.
 */
public class PayopExtension implements Extension {

    private static final System.Logger LOG = System.getLogger(PayopExtension.class.getName());
    private static final String HEALTH_CHECK = "org.eclipse.microprofile.health.HealthCheck";

    /** The settings, or why there are none; read once per deployment. */
    private record Reading(PayopSettings settings, PayopConfigurationException failure) {
    }

    private volatile Reading reading;
    /** The application's client, once produced: the readiness check reads its token's state. */
    private volatile PayopClient client;

    /**
     * The shop's PayopOrders beans, collected as the container discovers them. Asking the
     * BeanManager in AfterDeploymentValidation instead fails on Payara, where the one handed to an
     * extension from a WEB-INF/lib jar sees none of the application's beans.
     */
    private final Set<Bean<?>> ordersBeans = ConcurrentHashMap.newKeySet();

    void registerReadinessCheck(@Observes BeforeBeanDiscovery event, BeanManager beans) {
        if (isVisible(HEALTH_CHECK)) {
            // Not a discovered bean (it has no bean-defining annotation), so a server without MP
            // Health never loads it.
            event.addAnnotatedType(beans.createAnnotatedType(PayopReadinessCheck.class),
                    PayopReadinessCheck.class.getName());
        }
    }

    void collectOrders(@Observes ProcessBean<?> event) {
        Bean<?> bean = event.getBean();
        if (bean.getTypes().contains(PayopOrders.class)) {
            ordersBeans.add(bean);
        }
    }

    void validate(@Observes AfterDeploymentValidation event, BeanManager beans) {
        Reading read = read();
        if (read.failure() != null) {
            event.addDeploymentProblem(read.failure());
        } else if (read.settings().pagesTemplate().isPresent()) {
            try {
                PageTemplate.load(read.settings().pagesTemplate().get()); // the shop's template: missing, a script?
            } catch (IllegalStateException e) {
                event.addDeploymentProblem(e);
            }
        }
        String ordersProblem = ordersProblem(ordersBeans, beans);
        if (ordersProblem != null) {
            event.addDeploymentProblem(new IllegalStateException(ordersProblem));
        }
    }

    /**
     * The settings read at deployment (read now if the deployment has not happened here).
     *
     * @throws PayopConfigurationException if they are invalid
     */
    PayopSettings settings() {
        Reading r = current();
        if (r.failure() != null) {
            throw r.failure();
        }
        return r.settings();
    }

    void clientCreated(PayopClient created) {
        this.client = created;
    }

    Optional<PayopClient> client() {
        return Optional.ofNullable(client);
    }

    /** Why the settings are invalid, if they are. */
    Optional<PayopConfigurationException> failure() {
        return Optional.ofNullable(current().failure());
    }

    private Reading current() {
        Reading r = reading;
        return r != null ? r : read();
    }

    private Reading read() {
        Reading r;
        try {
            r = new Reading(MicroProfileConfig.read(), null);
        } catch (PayopConfigurationException e) {
            r = new Reading(null, e);
        } catch (LinkageError | IllegalStateException e) {
            r = new Reading(null, new PayopConfigurationException(List.of(new ConfigProblem("payop.*",
                    "MicroProfile Config is not available (" + e.getClass().getSimpleName() + "). WildFly's and"
                    + " Payara's default configurations provide it; on another server enable MicroProfile Config."))));
        }
        reading = r;
        return r;
    }

    private static String ordersProblem(Set<Bean<?>> found, BeanManager beans) {
        if (found.isEmpty()) {
            return "payop4j needs your orders: implement " + PayopOrders.class.getName() + " as a CDI bean, for"
                    + " example an @ApplicationScoped class whose findPayable(orderId) returns the order the current"
                    + " customer may pay now and whose findForIpn(orderId) returns any order's amount and currency"
                    + " for IPN verification, paid or not.";
        }
        if (found.size() == 1) {
            return null;
        }
        try {
            // Several: fine only if one is a selected alternative.
            beans.resolve(Set.copyOf(found));
            return null;
        } catch (AmbiguousResolutionException e) {
            return "payop4j found several " + PayopOrders.class.getSimpleName() + " beans ("
                    + found.stream().map(b -> b.getBeanClass().getName()).sorted().collect(Collectors.joining(", "))
                    + "); keep one, or make one an @Alternative with @Priority.";
        }
    }

    private static boolean isVisible(String className) {
        try {
            Class.forName(className, false, PayopExtension.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Kept apart so that a server without MicroProfile Config fails with a message, not a linkage error. */
    private static final class MicroProfileConfig {
        static PayopSettings read() {
            org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
            SettingsSource source = MicroProfileSettingsSource.of(config);
            for (String warning : PayopSettings.warnings(source, MicroProfileSettingsSource.names(config))) {
                LOG.log(Level.WARNING, warning);
            }
            return PayopSettings.read(source, Role.CHECKOUT, Role.IPN);
        }
    }
}
