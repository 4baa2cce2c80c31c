package io.github.payop4j.jaxrs.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * What the payer does next for an invoice: as JSON for single-page front ends, or as a browser
 * endpoint that redirects, submits the 3-D Secure form, or waits. Payop sends the payer back to
 * {@code continue} (it is the checkout's {@code checkStatusUrl}). The final result of a payment
 * is the IPN's, never this.
 */
@ApplicationScoped
@Path(InvoiceResource.PATH)
public class InvoiceResource {

    public static final String PATH = "payop/invoices/{invoiceId}";

    private final CheckoutService service;
    private final SecureRandom random;

    /**
     * For the CDI proxy, and public because RESTEasy (WildFly) first looks for a public
     * constructor it could call itself, and refuses the resource if there is none, before it
     * lets CDI create the bean through the {@code @Inject} constructor.
     */
    public InvoiceResource() {
        this.service = null;
        this.random = null;
    }

    @Inject
    public InvoiceResource(CheckoutService service) {
        this.service = service;
        this.random = new SecureRandom();
    }

    /** {@code {"invoiceId", "type", "url", "method", "fields", "retryAfterSeconds"}}. */
    @GET
    @Path("next-step")
    public Response nextStep(@PathParam("invoiceId") String invoiceId) {
        return guard(() -> Response.ok(service.json().write(service.nextStep(invoiceId).toJson(service.json(), invoiceId)),
                MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CACHE_CONTROL, "no-store").build());
    }

    /** 303 to the next page, an auto-submitting 3-D Secure form, or a page that polls itself. */
    @GET
    @Path("continue")
    public Response continuePayment(@PathParam("invoiceId") String invoiceId) {
        return guard(() -> browser(service.nextStep(invoiceId)));
    }

    private Response browser(StepView step) {
        switch (step.type()) {
            case "redirect":
                return Response.seeOther(URI.create(step.url())).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
            case "submit-form": {
                String nonce = nonce();
                return html(service.pages().submitForm(step.url(), step.fields(), nonce), nonce);
            }
            case "succeeded":
            case "failed":
                if (step.url() != null) {
                    return Response.seeOther(URI.create(step.url())).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
                }
                return html(service.pages().finished(step.type().equals("succeeded")), null);
            default:
                return html(service.pages().processing(step.retryAfterSeconds()), null);
        }
    }

    private Response html(String page, String nonce) {
        // Only the auto-submit script may run; the page loads nothing but its styles.
        return Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Security-Policy", service.pages().contentSecurityPolicy(nonce))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private String nonce() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private Response guard(Supplier<Response> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return service.problems().toResponse(e);
        }
    }
}
