package io.github.payop4j.bench.ipn;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The baseline of the IPN load run: what any endpoint must do at least (read the body, answer
 * 200 "ok"), in the same server, so the ratio shows what the pipeline and journal cost.
 */
public final class BareIpnServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final byte[] OK = "ok".getBytes(StandardCharsets.US_ASCII);

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try (InputStream in = req.getInputStream()) {
            in.readAllBytes();
        }
        resp.setContentType("text/plain");
        resp.setContentLength(OK.length);
        resp.getOutputStream().write(OK);
    }
}
