package io.github.payop4j.testkit.internal.api;

import io.github.payop4j.testkit.internal.state.InvoiceState;
import io.github.payop4j.testkit.internal.state.Payment;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The emulator's own URLs: API base, hosted pages, the ACS and bank pages, result pages. */
public record Links(String base) {

    public String checkoutBase() {
        return base + "/checkout";
    }

    public String hostedPage(InvoiceState invoice) {
        return checkoutBase() + "/" + lang(invoice) + "/payment/invoice-preprocessing/" + encode(invoice.id);
    }

    public String acs() {
        return checkoutBase() + "/acs";
    }

    public String threeDsResult() {
        return checkoutBase() + "/3ds-result";
    }

    public String bank(Payment p) {
        return checkoutBase() + "/bank/" + encode(p.id);
    }

    /** Where a successful payer goes: the invoice's resultUrl, or Payop's own success page. */
    public String success(InvoiceState invoice) {
        String url = InvoiceState.fill(invoice.resultUrl, invoice.id, invoice.payment == null ? "" : invoice.payment.id);
        return url != null ? url : checkoutBase() + "/" + lang(invoice) + "/payment/success-page/";
    }

    public String failure(InvoiceState invoice) {
        String url = InvoiceState.fill(invoice.failPath, invoice.id, invoice.payment == null ? "" : invoice.payment.id);
        return url != null ? url : checkoutBase() + "/" + lang(invoice) + "/payment/fail-page/";
    }

    private static String lang(InvoiceState invoice) {
        return invoice.language == null ? "en" : invoice.language;
    }

    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
