package io.github.payop4j.jaxrs.admin;

import io.github.payop4j.config.PayopSettings;
import io.github.payop4j.ipn.IpnJournal;
import io.github.payop4j.ipn.IpnOutcome;
import io.github.payop4j.ipn.IpnProcessor;
import io.github.payop4j.ipn.IpnResult;
import io.github.payop4j.jaxrs.cdi.PayopExtension;
import io.github.payop4j.jaxrs.cdi.PayopStatus;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonStructure;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator's view of the IPN journal, at {@value #PATH} below the WAR's context root, for
 * users in the role {@value #ROLE} only: the container enforces it ({@link ServletSecurity}) with
 * the shop's authentication (its {@code login-config} or a Jakarta Security mechanism), so a
 * request without credentials gets the mechanism's 401 and an authenticated user without the role
 * 403. See the README, "Running it for months".
 *
 * <pre>
 * GET  /payop-admin/status                      readiness (the JWT token's expiry or refusal, the configuration)
 * GET  /payop-admin/deliveries?outcome=ANOMALY  newest deliveries with an outcome (ANOMALY, RETRY_LATER, PROCESSED), limit=50
 * GET  /payop-admin/deliveries/{id}             one delivery, with its raw body
 * POST /payop-admin/deliveries/{id}/redrive     run it through the pipeline again
 * GET  /payop-admin/claims/stuck                claims left processing after the lease
 * POST /payop-admin/reconcile                   one reconciliation sweep now
 * POST /payop-admin/purge                       purge by the retention now
 * </pre>
 */
@WebServlet(name = "payop-admin", urlPatterns = PayopAdminServlet.PATH + "/*")
@ServletSecurity(@HttpConstraint(rolesAllowed = PayopAdminServlet.ROLE))
public class PayopAdminServlet extends HttpServlet {

    public static final String PATH = "/payop-admin";
    public static final String ROLE = "payop-admin";

    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(PayopAdminServlet.class.getName());
    private static final Pattern DELIVERY = Pattern.compile("/deliveries/([0-9]{1,19})(/redrive)?");

    @Inject
    transient PayopSettings settings;

    @Inject
    transient Instance<IpnProcessor> processor;

    @Inject
    transient PayopExtension extension;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!allowed(req, resp)) {
            return;
        }
        String path = path(req);
        AdminJson json = new AdminJson();
        if (path.equals("/status")) {
            PayopStatus.Report r = PayopStatus.of(extension);
            write(resp, r.up() ? 200 : 503, json.status(r));
            return;
        }
        if (!ipn(resp)) {
            return;
        }
        IpnProcessor p = processor.get();
        Matcher m = DELIVERY.matcher(path);
        if (path.equals("/deliveries")) {
            IpnOutcome outcome = outcome(req.getParameter("outcome"));
            Integer limit = limit(req.getParameter("limit"));
            if (outcome == null || limit == null) {
                problem(resp, 400, "Use outcome=ANOMALY, RETRY_LATER or PROCESSED and limit=1..1000.");
                return;
            }
            JsonArrayBuilder out = json.array();
            for (IpnJournal.Entry e : p.journal().entries(outcome, limit)) {
                out.add(json.entry(e, p.journal(), false));
            }
            write(resp, 200, out.build());
        } else if (m.matches() && m.group(2) == null) {
            Optional<IpnJournal.Entry> e = p.journal().entry(deliveryId(m));
            if (e.isEmpty()) {
                problem(resp, 404, "No such delivery in the journal (purged, or never journaled).");
                return;
            }
            write(resp, 200, json.entry(e.get(), p.journal(), true));
        } else if (path.equals("/claims/stuck")) {
            Integer limit = limit(req.getParameter("limit"));
            if (limit == null) {
                problem(resp, 400, "Use limit=1..1000.");
                return;
            }
            JsonArrayBuilder out = json.array();
            p.stuckClaims(limit).forEach(k -> out.add(json.key(k, p.journal())));
            write(resp, 200, out.build());
        } else {
            problem(resp, 404, "Unknown admin resource " + path);
        }
    }

    /** The id in the path; one past a long (19 digits can be) is -1, which no delivery has: a 404, not a 500. */
    private static long deliveryId(Matcher m) {
        try {
            return Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!allowed(req, resp) || !notAForm(req, resp) || !ipn(resp)) {
            return;
        }
        String path = path(req);
        IpnProcessor p = processor.get();
        AdminJson json = new AdminJson();
        Matcher m = DELIVERY.matcher(path);
        String user = req.getUserPrincipal() == null ? "?" : req.getUserPrincipal().getName();
        if (m.matches() && m.group(2) != null) {
            long id = deliveryId(m);
            LOG.log(Level.INFO, "PAYOP4J-3301 " + user + " re-drives IPN delivery " + id);
            Optional<IpnResult> result = p.redrive(id);
            if (result.isEmpty()) {
                problem(resp, 404, "No such delivery in the journal (purged, or never journaled).");
                return;
            }
            write(resp, 200, json.result(result.get()));
        } else if (path.equals("/reconcile")) {
            LOG.log(Level.INFO, "PAYOP4J-3301 " + user + " runs a reconciliation sweep");
            write(resp, 200, json.report(p.reconcile()));
        } else if (path.equals("/purge")) {
            LOG.log(Level.INFO, "PAYOP4J-3301 " + user + " purges the IPN journal");
            write(resp, 200, json.purged(p.purge()));
        } else {
            problem(resp, 404, "Unknown admin resource " + path);
        }
    }

    /** The container enforces the role; this keeps the rule if a deployment descriptor ever maps the servlet without it. */
    private static boolean allowed(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.isUserInRole(ROLE)) {
            return true;
        }
        resp.sendError(req.getUserPrincipal() == null ? 401 : 403);
        return false;
    }

    /**
     * A browser holding the operator's credentials may be made to post a form by another site:
     * form and plain-text posts (the only kinds a cross-site form can send) are refused.
     */
    private static boolean notAForm(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")
                || type.startsWith("text/plain")) {
            problem(resp, 415, "Send admin actions without a body, or as application/json.");
            return false;
        }
        return true;
    }

    private boolean ipn(HttpServletResponse resp) throws IOException {
        if (!settings.ipnEnabled()) {
            problem(resp, 404, "IPNs are off in this deployment (payop.ipn.enabled=false): there is no journal.");
            return false;
        }
        return true;
    }

    private static String path(HttpServletRequest req) {
        String p = req.getPathInfo();
        return p == null || p.isEmpty() ? "/" : p.endsWith("/") && p.length() > 1 ? p.substring(0, p.length() - 1) : p;
    }

    private static IpnOutcome outcome(String value) {
        if (value == null) {
            return IpnOutcome.ANOMALY;
        }
        try {
            IpnOutcome o = IpnOutcome.valueOf(value.trim().toUpperCase(Locale.ROOT));
            return o == IpnOutcome.ANOMALY || o == IpnOutcome.RETRY_LATER || o == IpnOutcome.PROCESSED ? o : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Integer limit(String value) {
        if (value == null) {
            return 50;
        }
        if (!value.matches("[0-9]{1,4}")) {
            return null;
        }
        int n = Integer.parseInt(value);
        return n >= 1 && n <= 1000 ? n : null;
    }

    private static void problem(HttpServletResponse resp, int status, String detail) throws IOException {
        write(resp, status, new AdminJson().problem(status, detail), "application/problem+json");
    }

    private static void write(HttpServletResponse resp, int status, JsonStructure body) throws IOException {
        write(resp, status, body, "application/json");
    }

    private static void write(HttpServletResponse resp, int status, JsonStructure body, String type)
            throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType(type + ";charset=UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
