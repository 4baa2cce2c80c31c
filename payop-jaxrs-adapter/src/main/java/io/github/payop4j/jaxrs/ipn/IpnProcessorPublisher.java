package io.github.payop4j.jaxrs.ipn;

import io.github.payop4j.ipn.IpnProcessor;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Gives payop-ipn-servlet the CDI-built pipeline. Context listeners run before servlets loaded
 * at startup are initialised, so the servlet finds the processor in its context attribute and
 * does not build one of its own from context parameters.
 */
@WebListener
public class IpnProcessorPublisher implements ServletContextListener {

    /** Must equal {@code io.github.payop4j.ipn.servlet.PayopIpnServlet.PROCESSOR_ATTRIBUTE} (a test checks it). */
    public static final String PROCESSOR_ATTRIBUTE = "io.github.payop4j.ipn.IpnProcessor";

    @Inject
    IpnProcessor processor;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().setAttribute(PROCESSOR_ATTRIBUTE, processor);
    }
}
