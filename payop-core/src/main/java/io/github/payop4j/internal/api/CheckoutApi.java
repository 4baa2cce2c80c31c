package io.github.payop4j.internal.api;

import static io.github.payop4j.internal.json.JsonFields.epochSeconds;
import static io.github.payop4j.internal.json.JsonFields.flag;
import static io.github.payop4j.internal.json.JsonFields.nonBlank;
import static io.github.payop4j.internal.json.JsonFields.objectOrEmpty;

import io.github.payop4j.checkout.Card;
import io.github.payop4j.checkout.CardToken;
import io.github.payop4j.checkout.Checkout;
import io.github.payop4j.checkout.CheckoutRequest;
import io.github.payop4j.checkout.CheckoutResult;
import io.github.payop4j.checkout.Customer;
import io.github.payop4j.checkout.NextStep;
import io.github.payop4j.error.PayopResponseException;
import io.github.payop4j.internal.http.ApiRequest;
import io.github.payop4j.internal.http.ApiResponse;
import io.github.payop4j.internal.http.Expect;
import io.github.payop4j.internal.http.Uris;
import io.github.payop4j.internal.json.JsonFields;
import io.github.payop4j.internal.json.JsonOut;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Objects;

/** {@link Checkout} over {@code /v1/payment-tools} and {@code /v1/checkout}. */
public final class CheckoutApi implements Checkout {

    private final ApiContext ctx;

    public CheckoutApi(ApiContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CardToken createCardToken(String invoiceId, Card card) {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(card, "card");
        JsonObject body = ctx.builders().createObjectBuilder()
                .add("invoiceIdentifier", invoiceId)
                .add("pan", card.pan())
                .add("expirationDate", card.expirationDate())
                .add("cvv", card.cvv())
                .add("holderName", card.holderName())
                .build();
        // If Payop ever echoes card data in an error, it is cut out of the exception message.
        // A repeat only leaves a second token for the same invoice that expires unused: harmless,
        // so the body is not streamed; see Retry.ORPHAN_IF_REPEATED.
        ApiRequest request = ApiRequest.postOrphanIfRepeated("create a card token for invoice " + invoiceId,
                "/v1/payment-tools/card-token/create", ctx.json().writeUtf8(body), false)
                .redacting(List.of(card.pan(), card.cvv())).expecting(Expect.OBJECT);
        ApiResponse response = ctx.transport().execute(request);
        JsonObject data = objectOrEmpty(JsonFields.data(response.body()));
        String token = nonBlank(data, "token");
        if (token == null) {
            throw new PayopResponseException("Payop answered " + response.status()
                    + " to create a card token but sent no token; ask the payer to try again.", response.status())
                    .initRequestMethod("POST");
        }
        return new CardToken(token, epochSeconds(data, "expired_at"));
    }

    @Override
    public CheckoutResult createTransaction(CheckoutRequest request) {
        Objects.requireNonNull(request, "request");
        JsonBuilderFactory f = ctx.builders();
        JsonObjectBuilder body = f.createObjectBuilder()
                .add("invoiceIdentifier", request.invoiceId())
                .add("customer", customer(f, request.customer()))
                .add("checkStatusUrl", request.checkStatusUrl());
        if (request.payCurrency() != null) {
            body.add("payCurrency", request.payCurrency().code());
        }
        if (request.paymentMethod() != null) {
            body.add("paymentMethod", request.paymentMethod());
        }
        List<String> redact = List.of();
        if (request.cardToken() != null) {
            body.add("cardToken", request.cardToken().token());
            redact = List.of(request.cardToken().token());
        }
        ApiRequest call = ApiRequest.post("create a checkout transaction for invoice " + request.invoiceId(),
                "/v1/checkout/create", ctx.json().writeUtf8(body.build()), false).redacting(redact)
                .expecting(Expect.OBJECT);
        return result(ctx.transport().execute(call));
    }

    private static JsonObjectBuilder customer(JsonBuilderFactory f, Customer c) {
        JsonObjectBuilder b = f.createObjectBuilder().add("email", c.email()).add("name", c.name());
        JsonOut.putIfPresent(b, "ip", c.ip());
        return JsonOut.putIfNotEmpty(f, b, "extraFields", c.extraFields());
    }

    @Override
    public NextStep checkInvoiceStatus(String invoiceId) {
        ApiResponse response = ctx.transport().execute(ApiRequest.get("check the status of invoice " + invoiceId,
                "/v1/checkout/check-invoice-status/" + Uris.segment(invoiceId), false).expecting(Expect.OBJECT));
        return NextSteps.from(objectOrEmpty(JsonFields.data(response.body())));
    }

    @Override
    public NextStep checkTransactionStatus(String transactionId) {
        ApiResponse response = ctx.transport().execute(ApiRequest.get("check the status of transaction " + transactionId,
                "/v1/checkout/check-transaction-status/" + Uris.segment(transactionId), false)
                .expecting(Expect.OBJECT));
        return NextSteps.from(objectOrEmpty(JsonFields.data(response.body())));
    }

    @Override
    public CheckoutResult voidTransaction(String invoiceId) {
        JsonObject body = ctx.builders().createObjectBuilder().add("invoiceIdentifier", invoiceId).build();
        return result(ctx.transport().execute(ApiRequest.post("void the transaction of invoice " + invoiceId,
                "/v1/checkout/void", ctx.json().writeUtf8(body), false).expecting(Expect.OBJECT)));
    }

    private static CheckoutResult result(ApiResponse response) {
        JsonObject data = objectOrEmpty(JsonFields.data(response.body()));
        String message = JsonFields.text(data, "message");
        return new CheckoutResult(Boolean.TRUE.equals(flag(data, "isSuccess")), message == null ? "" : message,
                nonBlank(data, "txid"), response.identifier());
    }
}
