package io.github.payop4j.reliability.shop;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /reliability/ipn-lookups}: the {@link IpnLookups} summary, for the test to read. */
@WebServlet("/reliability/ipn-lookups")
public class IpnLookupsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient IpnLookups lookups;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(lookups.summary());
    }
}
