package io.github.payop4j.invoice;

import java.net.URI;

/** Invoices: every payment starts with one. */
public interface Invoices {

    /**
     * Creates an invoice, signing {@code amount:currency:orderId:secretKey} with exactly the
     * strings that are sent.
     *
     * @throws io.github.payop4j.error.PayopValidationException for example "Wrong signature"
     */
    CreatedInvoice create(InvoiceRequest request);

    /** Reads an invoice by Payop's id. */
    Invoice get(String invoiceId);

    /**
     * The hosted checkout page for an invoice:
     * {@code {checkoutUrl}/{locale}/payment/invoice-preprocessing/{invoiceId}}. No request is sent.
     */
    URI hostedPageUrl(String invoiceId, CheckoutLanguage language);
}
