package io.github.payop4j.ipn.servlet;

import io.github.payop4j.config.SettingsSource;
import io.github.payop4j.config.PayopConfigurationException;
import io.github.payop4j.config.PayopSettings;
import io.github.payop4j.config.Role;
import io.github.payop4j.config.Setting;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import java.util.Set;

/**
 * Registers {@link PayopIpnServlet} when the jar is in a WAR: at {@code payop.ipn.path}
 * (default {@code /payop/ipn}), loaded on startup, with its pipeline built and validated here so
 * that a misconfiguration fails the deployment instead of the first IPN. Set
 * {@code payop.ipn.enabled=false} to skip it, or declare a servlet named {@value #SERVLET_NAME}
 * in web.xml to map it yourself. Settings: see {@link ServletSettingsSource}.
 */
public final class PayopIpnInitializer implements ServletContainerInitializer {

    public static final String SERVLET_NAME = "payop-ipn";

    private static final System.Logger LOG = System.getLogger("io.github.payop4j.ipn.servlet");

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        // Before anything can fail: a second JAX-RS/JSON implementation may be why something does.
        BundledImplementations.check(context).ifPresent(warning -> LOG.log(System.Logger.Level.WARNING, warning));
        boolean adapter = cdiAdapterPresent(context.getClassLoader());
        boolean supplied = context.getAttribute(PayopIpnServlet.PROCESSOR_ATTRIBUTE) != null;
        SettingsSource source = ServletSettingsSource.of(context);
        PayopSettings settings;
        try {
            // With the adapter, it validates and reports (from MicroProfile Config, the same model):
            // the endpoint needs only its path here. A supplied processor brings its own settings.
            settings = adapter || supplied ? PayopSettings.read(source) : PayopSettings.read(source, Role.IPN);
        } catch (PayopConfigurationException e) {
            if (adapter) {
                return; // the adapter fails the deployment with the same problems, named once
            }
            throw new ServletException("The Payop IPN endpoint is misconfigured: " + e.getMessage(), e);
        }
        if (!adapter) {
            for (String warning : PayopSettings.warnings(source, ServletSettingsSource.names(context))) {
                LOG.log(System.Logger.Level.WARNING, warning);
            }
        }
        if (!settings.ipnEnabled()) {
            LOG.log(System.Logger.Level.INFO, "PAYOP-IPN-104 Payop IPN endpoint disabled ("
                    + Setting.IPN_ENABLED.key() + "=false)");
            return;
        }
        if (!supplied && !adapter) {
            buildProcessorNow(settings, context);
        }
        ServletRegistration.Dynamic registration = context.addServlet(SERVLET_NAME, PayopIpnServlet.class);
        if (registration == null) {
            LOG.log(System.Logger.Level.INFO, "PAYOP-IPN-104 A servlet named " + SERVLET_NAME
                    + " is already declared; its own mapping applies");
            return;
        }
        registration.setLoadOnStartup(1);
        Set<String> conflicts = registration.addMapping(settings.ipnPath());
        if (!conflicts.isEmpty()) {
            throw new ServletException("Cannot map the Payop IPN endpoint to " + settings.ipnPath()
                    + ": already mapped to another servlet; set " + Setting.IPN_PATH.key() + " to a free path");
        }
    }

    /**
     * Builds the pipeline here rather than in the servlet's {@code init()}: WildFly deploys a WAR
     * whose load-on-startup servlet failed to initialise and then answers every IPN with 500, while
     * an initializer's exception fails the deployment on every server, as a misconfiguration must.
     */
    private static void buildProcessorNow(PayopSettings settings, ServletContext context) throws ServletException {
        IpnEndpoint.Built built;
        try {
            built = IpnEndpoint.build(settings, context.getClassLoader());
        } catch (RuntimeException e) {
            throw new ServletException("The Payop IPN endpoint is misconfigured: " + e.getMessage(), e);
        }
        context.setAttribute(PayopIpnServlet.PROCESSOR_ATTRIBUTE, built.processor());
        if (built.client() != null) {
            context.addListener(new ServletContextListener() {
                @Override
                public void contextDestroyed(ServletContextEvent event) {
                    built.client().close();
                }
            });
        }
    }

    /**
     * With payop-jaxrs-adapter in the WAR, the pipeline comes from CDI: its listener puts it into
     * the context attribute after initializers have run, so none is built here.
     */
    private static boolean cdiAdapterPresent(ClassLoader loader) {
        try {
            Class.forName("io.github.payop4j.jaxrs.ipn.IpnProcessorPublisher", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
