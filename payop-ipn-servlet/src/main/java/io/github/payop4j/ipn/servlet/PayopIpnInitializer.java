package io.github.payop4j.ipn.servlet;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import java.util.Set;

/**
 * Registers {@link PayopIpnServlet} when the jar is in a WAR: at {@code payop.ipn.path}
 * (default {@code /payop/ipn}), loaded on startup so a misconfiguration fails the deployment
 * instead of the first IPN. Set {@code payop.ipn.enabled=false} to skip it, or declare a
 * servlet named {@value #SERVLET_NAME} in web.xml to map it yourself.
 */
public final class PayopIpnInitializer implements ServletContainerInitializer {

    public static final String SERVLET_NAME = "payop-ipn";

    private static final System.Logger LOG = System.getLogger("io.github.payop4j.ipn.servlet");

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        IpnSettings settings = IpnSettings.from(context);
        if (!settings.flag(IpnSettings.ENABLED, true)) {
            LOG.log(System.Logger.Level.INFO, "PAYOP-IPN-104 Payop IPN endpoint disabled (" + IpnSettings.ENABLED
                    + "=false)");
            return;
        }
        String path = settings.get(IpnSettings.PATH, IpnSettings.DEFAULT_PATH);
        if (!path.startsWith("/") || path.contains("*") || path.contains("..")) {
            throw new ServletException(IpnSettings.PATH + " must be an exact path starting with /, was \"" + path
                    + "\"");
        }
        ServletRegistration.Dynamic registration = context.addServlet(SERVLET_NAME, PayopIpnServlet.class);
        if (registration == null) {
            LOG.log(System.Logger.Level.INFO, "PAYOP-IPN-104 A servlet named " + SERVLET_NAME
                    + " is already declared; its own mapping applies");
            return;
        }
        registration.setLoadOnStartup(1);
        Set<String> conflicts = registration.addMapping(path);
        if (!conflicts.isEmpty()) {
            throw new ServletException("Cannot map the Payop IPN endpoint to " + path + ": already mapped to "
                    + "another servlet; set " + IpnSettings.PATH + " to a free path");
        }
        boolean supplied = context.getAttribute(PayopIpnServlet.PROCESSOR_ATTRIBUTE) != null;
        if (!supplied && !cdiAdapterPresent(context.getClassLoader())) {
            buildProcessorNow(settings, context);
        }
    }

    /**
     * Builds the pipeline here rather than in the servlet's {@code init()}: WildFly deploys a WAR
     * whose load-on-startup servlet failed to initialise and then answers every IPN with 500, while
     * an initializer's exception fails the deployment on every server, as a misconfiguration must.
     */
    private static void buildProcessorNow(IpnSettings settings, ServletContext context) throws ServletException {
        ProcessorFactory.Built built;
        try {
            built = ProcessorFactory.build(settings, context.getClassLoader());
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
