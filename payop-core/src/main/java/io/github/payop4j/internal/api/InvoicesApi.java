package io.github.payop4j.internal.api;

import static io.github.payop4j.internal.json.JsonFields.code;
import static io.github.payop4j.internal.json.JsonFields.currency;
import static io.github.payop4j.internal.json.JsonFields.decimal;
import static io.github.payop4j.internal.json.JsonFields.epochSeconds;
import static io.github.payop4j.internal.json.JsonFields.firstText;
import static io.github.payop4j.internal.json.JsonFields.nonBlank;
import static io.github.payop4j.internal.json.JsonFields.object;
import static io.github.payop4j.internal.json.JsonFields.objectOrEmpty;
import static io.github.payop4j.internal.json.JsonFields.objects;

import io.github.payop4j.internal.http.ApiRequest;
import io.github.payop4j.internal.http.ApiResponse;
import io.github.payop4j.internal.http.Expect;
import io.github.payop4j.internal.http.Uris;
import io.github.payop4j.internal.json.JsonFields;
import io.github.payop4j.internal.json.JsonOut;
import io.github.payop4j.invoice.CheckoutLanguage;
import io.github.payop4j.invoice.CreatedInvoice;
import io.github.payop4j.invoice.Invoice;
import io.github.payop4j.invoice.InvoicePaymentMethod;
import io.github.payop4j.invoice.InvoiceRequest;
import io.github.payop4j.invoice.InvoiceStatus;
import io.github.payop4j.invoice.Invoices;
import io.github.payop4j.invoice.OrderItem;
import io.github.payop4j.invoice.Payer;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.util.Objects;

/** {@link Invoices} over Payop's {@code /v1/invoices} endpoints. */
public final class InvoicesApi implements Invoices {

    private final ApiContext ctx;

    public InvoicesApi(ApiContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CreatedInvoice create(InvoiceRequest request) {
        Objects.requireNonNull(request, "request");
        String operation = "create an invoice for order " + request.orderId();
        // The strings signed here are the very strings written into the body below.
        String amount = request.amount().value();
        String currency = request.currency().code();
        String signature = Signature.invoice(amount, currency, request.orderId(), ctx.secretKey(operation));

        JsonBuilderFactory f = ctx.builders();
        JsonArrayBuilder items = f.createArrayBuilder();
        for (OrderItem item : request.items()) {
            items.add(JsonOut.putIfPresent(f.createObjectBuilder().add("id", item.id()).add("name", item.name()),
                    "price", item.price()));
        }
        JsonObjectBuilder order = f.createObjectBuilder()
                .add("id", request.orderId())
                .add("amount", amount)
                .add("currency", currency)
                .add("items", items);
        JsonOut.putIfPresent(order, "description", request.description());

        JsonObjectBuilder body = f.createObjectBuilder()
                .add("publicKey", ctx.publicKey(operation))
                .add("order", order)
                .add("signature", signature)
                .add("payer", payer(f, request.payer()));
        if (request.paymentMethod() != null) {
            body.add("paymentMethod", request.paymentMethod());
        }
        if (request.language() != null) {
            body.add("language", request.language().code());
        }
        JsonOut.putIfPresent(body, "resultUrl", request.resultUrl());
        JsonOut.putIfPresent(body, "failPath", request.failPath());
        if (request.metadata() != null) {
            body.add("metadata", JsonOut.toJson(f, request.metadata()));
        }

        // A repeat would leave a second, unpaid invoice that nobody is sent to: harmless, so the
        // body is not streamed (no stale-connection probe on Jersey); see Retry.ORPHAN_IF_REPEATED.
        ApiResponse response = ctx.transport().execute(ApiRequest.postOrphanIfRepeated(operation,
                "/v1/invoices/create", ctx.json().writeUtf8(body.build()), false).expecting(Expect.ID));
        String invoiceId = createdId(response);
        CheckoutLanguage language = request.language() == null ? CheckoutLanguage.EN : request.language();
        return new CreatedInvoice(invoiceId, hostedPageUrl(invoiceId, language), signature);
    }

    /**
     * An invoice created earlier, as {@link #create} answered then: the signature of the strings
     * that were signed and sent ({@code amount} exactly as recorded), the hosted page in {@code language}.
     */
    public CreatedInvoice existing(String invoiceId, String amount, String currency, String orderId,
            CheckoutLanguage language) {
        String signature = Signature.invoice(amount, currency, orderId, ctx.secretKey("reuse invoice " + invoiceId));
        return new CreatedInvoice(invoiceId, hostedPageUrl(invoiceId, language == null ? CheckoutLanguage.EN
                : language), signature);
    }

    /**
     * The transaction of an invoice as Payop reports it, if it has one: {@code transactionIdentifier}
     * (Payop's invoice answer), or {@code txid}, or {@code transaction.identifier}.
     */
    public static String transactionOf(Invoice invoice) {
        JsonObject raw = invoice.raw();
        if (raw == null) {
            return null;
        }
        String tx = firstText(raw, "transactionIdentifier", "txid");
        if (tx == null) {
            JsonObject t = object(raw, "transaction");
            tx = t == null ? null : firstText(t, "identifier", "id");
        }
        return tx == null || tx.isBlank() ? null : tx.trim();
    }

    /**
     * The id of a created invoice or refund: the {@code identifier} header, else (older API
     * versions; Payop says it will disappear) the body's data. {@link Expect#ID} ensures one is there.
     */
    static String createdId(ApiResponse response) {
        return response.identifier() != null ? response.identifier()
                : JsonFields.text(JsonFields.data(response.body())).trim();
    }

    private static JsonObjectBuilder payer(JsonBuilderFactory f, Payer payer) {
        JsonObjectBuilder b = f.createObjectBuilder().add("email", payer.email());
        JsonOut.putIfPresent(b, "name", payer.name());
        JsonOut.putIfPresent(b, "phone", payer.phone());
        return JsonOut.putIfNotEmpty(f, b, "extraFields", payer.extraFields());
    }

    @Override
    public Invoice get(String invoiceId) {
        ApiResponse response = ctx.transport().execute(ApiRequest.get("read invoice " + invoiceId,
                "/v1/invoices/" + Uris.segment(invoiceId), false).expecting(Expect.OBJECT));
        JsonObject data = objectOrEmpty(JsonFields.data(response.body()));
        return parse(data, invoiceId);
    }

    static Invoice parse(JsonObject data, String requestedId) {
        JsonObject method = object(data, "paymentMethod");
        InvoicePaymentMethod paymentMethod = method == null || method.isEmpty() ? null
                : new InvoicePaymentMethod(code(method, "identifier"), nonBlank(method, "formType"));
        JsonObject payer = objectOrEmpty(data, "payer");
        Integer status = code(data, "status");
        String id = firstText(data, "identifier", "id");
        return new Invoice(id == null ? requestedId : id, InvoiceStatus.of(status), status,
                decimal(data, "amount"), currency(data, "currency"), firstText(data, "orderIdentifier", "orderId"),
                objects(data.get("items")), nonBlank(data, "resultUrl"), firstText(data, "failUrl", "failPath"),
                nonBlank(payer, "email"), paymentMethod, epochSeconds(data, "createdAt"), data);
    }

    @Override
    public URI hostedPageUrl(String invoiceId, CheckoutLanguage language) {
        Objects.requireNonNull(language, "language");
        String base = ctx.checkoutBase().toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/" + language.code() + "/payment/invoice-preprocessing/" + Uris.segment(invoiceId));
    }
}
