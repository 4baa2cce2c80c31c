package io.github.payop4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.github.payop4j.PayopClient;
import io.github.payop4j.invoice.CreatedInvoice;
import io.github.payop4j.invoice.InvoiceRequest;
import io.github.payop4j.invoice.Payer;
import io.github.payop4j.ipn.IpnEvent;
import io.github.payop4j.ipn.IpnJournal;
import io.github.payop4j.ipn.IpnProcessor;
import io.github.payop4j.ipn.ReconciliationReport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * payop-core's invoice records and reconciliation sweep against the emulator, which keeps
 * invoices and transactions as Payop does: no IPN URL is set, so no IPN ever arrives, and the
 * sweep finds the payment by asking (the invoice names its transaction).
 */
@PayopEmulatorTest
class ReconciliationAgainstTheEmulatorTest {

    @Test
    void anOrderPaidWithoutAnyIpnIsCreditedByTheSweepOnce(PayopEmulator payop, PayopClient client) throws Exception {
        List<IpnEvent> events = new CopyOnWriteArrayList<>();
        IpnProcessor shop = IpnProcessor.builder(client).handler(events::add).journal(IpnJournal.inMemory())
                .reconcileAfter(Duration.ofSeconds(1)).reconcileEvery(Duration.ofSeconds(1)).build();
        InvoiceRequest request = InvoiceRequest.builder().orderId("order-41").amount("19.90").currency("EUR")
                .payer(Payer.withEmail("jane@example.com")).resultUrl("https://shop.example/paid").build();

        CreatedInvoice invoice = shop.invoiceFor(request);
        assertEquals(invoice, shop.invoiceFor(request), "the second click reuses the open invoice");
        String tx = payop.pay(invoice.invoiceId());

        Thread.sleep(1100);
        ReconciliationReport report = shop.reconcile();
        assertEquals(1, report.applied(), report.toString());
        IpnEvent.PaymentAccepted paid = assertInstanceOf(IpnEvent.PaymentAccepted.class, events.get(0));
        assertEquals(tx, paid.objectId());
        assertEquals("order-41", paid.orderId());

        Thread.sleep(1100);
        assertEquals(0, shop.reconcile().checked(), "settled");
        assertEquals(1, events.size());
    }
}
