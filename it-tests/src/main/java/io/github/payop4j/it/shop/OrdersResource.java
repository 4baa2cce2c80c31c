package io.github.payop4j.it.shop;

import io.github.payop4j.PayopClient;
import io.github.payop4j.invoice.CheckoutLanguage;
import io.github.payop4j.invoice.CreatedInvoice;
import io.github.payop4j.invoice.InvoiceRequest;
import io.github.payop4j.invoice.Payer;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A deliberately naive checkout: every order costs {@value #PRICE} {@value #CURRENCY}, and
 * {@code POST /shop/orders/{id}/pay} creates a Payop invoice and answers 303 to the hosted page.
 * The client is built per request from MicroProfile Config; the real CDI adapter comes later.
 */
@Path("orders")
public class OrdersResource {

    static final String PRICE = "12.50";
    static final String CURRENCY = "EUR";

    @POST
    @Path("{id}/pay")
    public Response pay(@PathParam("id") String orderId) {
        Config config = ConfigProvider.getConfig();
        try (PayopClient payop = PayopClient.builder()
                .publicKey(config.getValue("payop.public-key", String.class))
                .secretKey(config.getValue("payop.secret-key", String.class))
                .apiUrl(config.getValue("payop.api-url", String.class))
                .build()) {
            CreatedInvoice invoice = payop.invoices().create(InvoiceRequest.builder()
                    .orderId(orderId)
                    .amount(PRICE)
                    .currency(CURRENCY)
                    .description("Order " + orderId)
                    .payer(Payer.withEmail("buyer@example.com"))
                    .language(CheckoutLanguage.EN)
                    .build());
            return Response.seeOther(invoice.hostedPageUrl()).build();
        }
    }
}
