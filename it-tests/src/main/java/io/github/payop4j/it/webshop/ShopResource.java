package io.github.payop4j.it.webshop;

import io.github.payop4j.ipn.IpnProcessor;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The shop's own endpoints (storefront and staff), under {@code /shop}. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class ShopResource {

    @Inject
    ShopService shop;

    @Inject
    Faults faults;

    /** The adapter's IPN pipeline (a CDI singleton): its delivery counts are what a shop's monitoring reads. */
    @Inject
    IpnProcessor ipn;

    @POST
    @Path("orders")
    public Response create(@FormParam("amount") String amount, @FormParam("currency") String currency,
            @FormParam("email") String email) {
        return Response.status(201).entity(shop.create(amount, currency, email).toJson()).build();
    }

    @GET
    @Path("orders/{id}")
    public Response order(@PathParam("id") String id) {
        return shop.find(id).map(o -> Response.ok(o.toJson())).orElse(Response.status(404)).build();
    }

    @POST
    @Path("admin/orders/{id}/refund")
    public Response refund(@PathParam("id") String id) {
        return Response.ok("{\"refundId\": \"" + shop.refund(id) + "\"}").build();
    }

    @POST
    @Path("admin/payouts")
    public Response payout(@FormParam("amount") String amount, @FormParam("currency") String currency,
            @FormParam("email") String email, @FormParam("batch") String batch) {
        return Response.ok(shop.payout(amount, currency, email, batch)).build();
    }

    @GET
    @Path("admin/events/{objectId}")
    public String events(@PathParam("objectId") String objectId) {
        return shop.events(objectId);
    }

    @GET
    @Path("admin/journal/{objectId}")
    public String journal(@PathParam("objectId") String objectId) {
        return shop.journal(objectId);
    }

    /** How many IPN deliveries this application answered, per outcome ({@code PROCESSED}, {@code DUPLICATE}...). */
    @GET
    @Path("admin/ipn-counts")
    public String ipnCounts() {
        JsonObjectBuilder counts = Json.createObjectBuilder();
        ipn.counts().forEach((outcome, n) -> counts.add(outcome.name(), n));
        return counts.build().toString();
    }

    @POST
    @Path("admin/faults/{orderId}")
    public Response failNextCredit(@PathParam("orderId") String orderId) {
        faults.failNextCredit(orderId);
        return Response.noContent().build();
    }
}
