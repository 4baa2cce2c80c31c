package io.github.payop4j.demo.shop.web;

import io.github.payop4j.demo.shop.Customer;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The shop's own forms carry the session's token, so another site cannot post them for a visitor. */
final class Forms {

    private Forms() {
    }

    static void check(Customer customer, String token) {
        if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                customer.formToken().getBytes(StandardCharsets.UTF_8))) {
            throw new WebApplicationException(Response.status(403).type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("This form has expired. Go back, reload the page and try again.").build());
        }
    }
}
