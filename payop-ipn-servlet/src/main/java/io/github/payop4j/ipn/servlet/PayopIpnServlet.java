package io.github.payop4j.ipn.servlet;

import io.github.payop4j.PayopClient;
import io.github.payop4j.config.PayopSettings;
import io.github.payop4j.config.Role;
import io.github.payop4j.ipn.IpnDelivery;
import io.github.payop4j.ipn.IpnProcessor;
import io.github.payop4j.ipn.IpnResult;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The Payop IPN endpoint: reads the raw body (capped), hands it with the peer address and
 * forwarding headers to an {@link IpnProcessor}, and answers with the processor's status and a
 * one-word plain-text body. Registered by {@link PayopIpnInitializer} at {@code /payop/ipn}.
 *
 * <p>The processor is, in order: an {@link IpnProcessor} in the servlet context attribute
 * {@value #PROCESSOR_ATTRIBUTE} (how the CDI adapter supplies one; set it before the servlet
 * initialises, for example from a {@code ServletContextListener}), or one built from the
 * {@code payop.*} settings (see {@link ServletSettingsSource}) with handlers found by
 * {@link java.util.ServiceLoader}; {@link PayopIpnInitializer} normally builds that one.
 */
public class PayopIpnServlet extends HttpServlet {

    /** Servlet context attribute holding a ready {@link IpnProcessor}; takes precedence over settings. */
    public static final String PROCESSOR_ATTRIBUTE = "io.github.payop4j.ipn.IpnProcessor";

    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger("io.github.payop4j.ipn.servlet");

    private transient volatile IpnProcessor processor;
    private transient PayopClient ownedClient;

    @Override
    public void init() throws ServletException {
        ServletContext context = getServletContext();
        Object supplied = context.getAttribute(PROCESSOR_ATTRIBUTE);
        if (supplied != null && !(supplied instanceof IpnProcessor)) {
            throw new ServletException("Servlet context attribute " + PROCESSOR_ATTRIBUTE + " holds a "
                    + supplied.getClass().getName() + ", not an io.github.payop4j.ipn.IpnProcessor");
        }
        if (supplied != null) {
            processor = (IpnProcessor) supplied;
        } else {
            try {
                // Only when the initializer did not run (a container without it): it builds the pipeline.
                IpnEndpoint.Built built = IpnEndpoint.build(PayopSettings.read(ServletSettingsSource.of(context),
                        Role.IPN), context.getClassLoader());
                processor = built.processor();
                ownedClient = built.client();
            } catch (RuntimeException e) {
                // Fail the deployment loudly: an endpoint that acknowledged IPNs it cannot handle would lose them.
                throw new ServletException("The Payop IPN endpoint is misconfigured: " + e.getMessage(), e);
            }
        }
        prepareJournal(context.getContextPath().isEmpty() ? "/" : context.getContextPath());
        LOG.log(System.Logger.Level.INFO, () -> "PAYOP-IPN-101 Payop IPN endpoint ready at "
                + context.getContextPath() + mappings() + ": " + processor);
    }

    /**
     * The journal's first-use work at deployment, so a wrong DataSource shows in the deployment's
     * log, not at Payop's first IPN. Not fatal: a database that is still starting must not keep
     * the shop down; until it works, IPNs are answered "retry later" and Payop retries them.
     */
    private void prepareJournal(String contextPath) {
        try {
            processor.journal().prepare();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "PAYOP-IPN-102 The IPN journal of " + contextPath + " is not ready: "
                    + e.getMessage() + ". The endpoint starts anyway: until the journal works it answers every IPN"
                    + " 500 \"retry later\", and Payop retries for 24 hours. Check the journal's DataSource"
                    + " (payop.ipn.datasource, java:comp/DefaultDataSource if unset, or the one given to"
                    + " IpnJournal.jdbc(..)): that its database is reachable, and that this application may create"
                    + " tables in it or finds them there.", e);
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Instant receivedAt = Instant.now();
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            answer(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "method not allowed");
            return;
        }
        IpnProcessor p = processor;
        int max = p.maxBodyBytes();
        long declared = request.getContentLengthLong();
        if (declared > max) {
            answer(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "too large");
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = declared >= 0 ? readDeclared(in, (int) declared) : in.readNBytes(max + 1);
        } catch (IOException e) {
            // The client went away or sent a broken chunked body; if it can still read, tell it.
            answer(response, HttpServletResponse.SC_BAD_REQUEST, "malformed");
            return;
        }
        if (body.length > max) {
            answer(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "too large");
            return;
        }
        IpnDelivery delivery = new IpnDelivery(body, Objects.toString(request.getRemoteAddr(), ""),
                headers(request, "X-Forwarded-For"), headers(request, "Forwarded"), receivedAt);
        IpnResult result;
        try {
            result = p.process(delivery);
        } catch (RuntimeException e) { // process() should never throw; if it does, Payop must retry
            LOG.log(System.Logger.Level.ERROR, "PAYOP-IPN-103 Unexpected failure processing an IPN", e);
            answer(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "retry later");
            return;
        }
        answer(response, result.httpStatus(), result.responseText());
    }

    /**
     * A body of a known length into one array of that length: {@code readNBytes(max + 1)} would
     * read through 8 KB chunks and copy, for a body of well under 2 KB, on every IPN.
     */
    private static byte[] readDeclared(InputStream in, int length) throws IOException {
        byte[] body = new byte[length];
        int read = in.readNBytes(body, 0, length);
        return read == length ? body : Arrays.copyOf(body, read); // the peer stopped early: what came
    }

    private static List<String> headers(HttpServletRequest request, String name) {
        var values = request.getHeaders(name);
        return values == null || !values.hasMoreElements() ? List.of() : Collections.list(values);
    }

    /**
     * One word, plain text, never cached: nothing about the inside leaks to the caller. Written as
     * bytes (the words are ASCII): no writer and no encoder per answer. No Content-Length: writing
     * that many bytes would commit the response at once, before the container can add
     * "Connection: close" for a request body left unread (413), and a client reusing that
     * connection then found it closed (PayopIpnServletTest failed so once on Jetty). The
     * container sets the length itself when the answer completes.
     */
    private static void answer(HttpServletResponse response, int status, String word) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(word.getBytes(StandardCharsets.UTF_8));
    }

    private String mappings() {
        var registration = getServletContext().getServletRegistration(getServletName());
        return registration == null ? "" : String.join(",", registration.getMappings());
    }

    @Override
    public void destroy() {
        if (ownedClient != null) {
            ownedClient.close();
        }
    }
}
