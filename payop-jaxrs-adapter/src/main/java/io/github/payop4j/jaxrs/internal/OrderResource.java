package io.github.payop4j.jaxrs.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Starting a payment for one of the shop's orders: hosted page, direct integration, server-to-server card.
 *
 * <p>Every method turns its own failures into problem answers instead of relying on an exception
 * mapper, so the endpoints behave the same when a scanning shop application serves them too.
 */
@ApplicationScoped
@Path(OrderResource.PATH)
public class OrderResource {

    public static final String PATH = "payop/orders/{orderId}";

    private final CheckoutService service;

    /**
     * For the CDI proxy, and public because RESTEasy (WildFly) first looks for a public
     * constructor it could call itself, and refuses the resource if there is none, before it
     * lets CDI create the bean through the {@code @Inject} constructor.
     */
    public OrderResource() {
        this.service = null;
    }

    @Inject
    public OrderResource(CheckoutService service) {
        this.service = service;
    }

    /**
     * Creates an invoice and answers 303 See Other to Payop's hosted page. The payer's email
     * (and name, phone) are taken from the order, or from these parameters when the order has none;
     * a parameter that differs from the order's value is refused (422).
     */
    @GET
    @Path("hosted-page")
    public Response hostedPage(@PathParam("orderId") String orderId, @QueryParam("method") String method,
            @QueryParam("email") String email, @QueryParam("name") String name, @QueryParam("phone") String phone) {
        return guard(() -> seeOther(orderId, method, new PayerInput(email, name, phone, Map.of())));
    }

    /**
     * The same for a POST, typically a "Pay" button's form. The parameters may come in the query
     * string or a form body: the servlet request merges both, so one method serves a form, an
     * empty POST and a POST with a query string alike (two JAX-RS methods split by
     * {@code @Consumes} would send a body-less POST to the form one, which then fails).
     */
    @POST
    @Path("hosted-page")
    public Response hostedPagePost(@PathParam("orderId") String orderId, @Context HttpServletRequest request) {
        return guard(() -> seeOther(orderId, parameter(request, "method"), new PayerInput(parameter(request, "email"),
                parameter(request, "name"), parameter(request, "phone"), Map.of())));
    }

    /** The payment methods that accept the order's currency, with the payer fields each asks for. */
    @GET
    @Path("payment-methods")
    public Response paymentMethods(@PathParam("orderId") String orderId) {
        return guard(() -> json(service.paymentMethods(orderId)));
    }

    /**
     * Direct integration: {@code {"paymentMethod": id, "payer": {"email", "name", "phone", "fields": {..}}}}
     * → {@code {"invoiceId", "transactionId", "next", "continue", "payer": {"email" (masked), "sources"}}}.
     */
    @POST
    @Path("direct")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response direct(@PathParam("orderId") String orderId, InputStream body,
            @Context HttpServletRequest request, @Context UriInfo uriInfo) {
        return guard(() -> json(service.direct(orderId, body, remoteAddress(request), uriInfo.getBaseUri())));
    }

    /**
     * Server-to-server card payment (PCI DSS merchants):
     * {@code {"pan", "expirationDate", "cvv", "holderName", "email", "name", "paymentMethod"?}}
     * → the same answer as {@link #direct}. The card data is never logged, stored or echoed.
     */
    @POST
    @Path("card")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response card(@PathParam("orderId") String orderId, InputStream body,
            @Context HttpServletRequest request, @Context UriInfo uriInfo) {
        return guard(() -> json(service.card(orderId, body, remoteAddress(request), uriInfo.getBaseUri())));
    }

    private Response seeOther(String orderId, String method, PayerInput payer) {
        return Response.seeOther(service.hostedPage(orderId, method, payer))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private static Response json(String body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static String parameter(HttpServletRequest request, String name) {
        return request == null ? null : request.getParameter(name);
    }

    /** The payer's address as the server sees it; behind a proxy, configure the server to rewrite it. */
    private static String remoteAddress(HttpServletRequest request) {
        return request == null ? null : request.getRemoteAddr();
    }

    private Response guard(Supplier<Response> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return service.problems().toResponse(e);
        }
    }
}
