package io.github.payop4j.demo.shop.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * The shop's pages run only their own script and style, load nothing from elsewhere and are not
 * framed; pages are not cached, because they show an order's live state.
 */
public class SecurityHeaders implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        var h = response.getHeaders();
        h.putSingle("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none';"
                + " base-uri 'none'; frame-ancestors 'none'");
        h.putSingle("X-Content-Type-Options", "nosniff");
        h.putSingle("Referrer-Policy", "same-origin");
        if (!h.containsKey("Cache-Control")) {
            h.putSingle("Cache-Control", "no-store");
        }
    }
}
