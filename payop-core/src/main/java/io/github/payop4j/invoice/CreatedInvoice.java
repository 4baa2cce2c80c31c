package io.github.payop4j.invoice;

import java.net.URI;

/**
 * An invoice Payop has just created.
 *
 * @param invoiceId Payop's invoice id (from the {@code identifier} response header)
 * @param hostedPageUrl the page to send the payer to, in the invoice's language
 * @param signature the signature that was sent, for the shop's audit trail
 */
public record CreatedInvoice(String invoiceId, URI hostedPageUrl, String signature) {
}
