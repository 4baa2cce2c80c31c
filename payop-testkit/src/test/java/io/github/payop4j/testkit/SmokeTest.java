package io.github.payop4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.payop4j.invoice.CreatedInvoice;
import io.github.payop4j.invoice.InvoiceStatus;
import io.github.payop4j.transaction.TransactionState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmokeTest {

    @Test
    void invoicePaidAndIpnSent() {
        try (ShopEndpoint shop = ShopEndpoint.alwaysOk();
                PayopEmulator payop = PayopEmulator.builder().ipnUrl(shop.url()).start()) {
            CreatedInvoice invoice = Invoices.create(payop.client(), "o-1", "10.00", null);
            String tx = payop.pay(invoice.invoiceId());
            assertEquals(InvoiceStatus.PAID, payop.client().invoices().get(invoice.invoiceId()).status());
            assertEquals(TransactionState.ACCEPTED, payop.client().transactions().get(tx).state());
            payop.awaitIpnsSettled(Duration.ofSeconds(10));
            assertEquals(1, shop.received().size());
            System.out.println(shop.received());
        }
    }
}
