package io.github.payop4j.testkit;

import io.github.payop4j.PayopClient;
import io.github.payop4j.invoice.CreatedInvoice;
import io.github.payop4j.invoice.InvoiceRequest;
import io.github.payop4j.invoice.OrderItem;
import io.github.payop4j.invoice.Payer;

/** Invoices the tests create through PayopClient, as a shop would. */
final class Invoices {

    private Invoices() {
    }

    static CreatedInvoice create(PayopClient client, String orderId, String amount, Integer method) {
        return client.invoices().create(request(orderId, amount, method).build());
    }

    static InvoiceRequest.Builder request(String orderId, String amount, Integer method) {
        InvoiceRequest.Builder b = InvoiceRequest.builder()
                .orderId(orderId)
                .amount(amount)
                .currency("EUR")
                .description("Order " + orderId)
                .item(new OrderItem("sku-1", "Coffee beans", amount))
                .payer(Payer.withEmail("jane@example.com").name("Jane Doe"))
                .resultUrl("https://shop.example/paid?invoice={{invoiceId}}&tx={{txid}}")
                .failPath("https://shop.example/failed?invoice={{invoiceId}}");
        return method == null ? b : b.paymentMethod(method);
    }
}
