package io.github.payop4j.jaxrs.ipn;

import io.github.payop4j.config.PayopSettings;
import io.github.payop4j.ipn.IpnProcessor;
import io.github.payop4j.ipn.servlet.PayopIpnServlet;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Gives payop-ipn-servlet the CDI-built pipeline. Context listeners run before servlets loaded
 * at startup are initialised, so the servlet finds the processor in its context attribute and
 * does not build one of its own. With {@code payop.ipn.enabled=false} there is no endpoint, and
 * no pipeline is built.
 */
@WebListener
public class IpnProcessorPublisher implements ServletContextListener {

    /** The servlet context attribute the servlet reads. */
    public static final String PROCESSOR_ATTRIBUTE = PayopIpnServlet.PROCESSOR_ATTRIBUTE;

    @Inject
    PayopSettings settings;

    @Inject
    Instance<IpnProcessor> processor;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (settings.ipnEnabled()) {
            event.getServletContext().setAttribute(PROCESSOR_ATTRIBUTE, processor.get());
        }
    }
}
