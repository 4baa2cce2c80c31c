package io.github.payop4j.internal.api;

import static io.github.payop4j.internal.json.JsonFields.code;
import static io.github.payop4j.internal.json.JsonFields.currency;
import static io.github.payop4j.internal.json.JsonFields.decimal;
import static io.github.payop4j.internal.json.JsonFields.firstText;
import static io.github.payop4j.internal.json.JsonFields.objectOrEmpty;
import static io.github.payop4j.internal.json.JsonFields.objects;

import io.github.payop4j.internal.http.ApiRequest;
import io.github.payop4j.internal.http.ApiResponse;
import io.github.payop4j.internal.http.Expect;
import io.github.payop4j.internal.http.Uris;
import io.github.payop4j.internal.json.JsonFields;
import io.github.payop4j.internal.json.JsonOut;
import io.github.payop4j.refund.Refund;
import io.github.payop4j.refund.RefundRequest;
import io.github.payop4j.refund.RefundStatus;
import io.github.payop4j.refund.Refunds;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link Refunds} over {@code /v1/refunds}. */
public final class RefundsApi implements Refunds {

    private final ApiContext ctx;

    public RefundsApi(ApiContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String create(RefundRequest request) {
        Objects.requireNonNull(request, "request");
        JsonObjectBuilder body = ctx.builders().createObjectBuilder()
                .add("transactionIdentifier", request.transactionId())
                .add("refundType", request.refundType());
        if (request.amount() != null) {
            // Payop documents the refund amount as a JSON number; its literal is the exact decimal.
            body.add("amount", JsonOut.exactNumber(request.amount().value()));
        }
        if (!request.metadata().isEmpty()) {
            body.add("metadata", JsonOut.toJson(ctx.builders(), request.metadata()));
        }
        String operation = "refund transaction " + request.transactionId();
        ApiResponse response = ctx.transport().execute(ApiRequest.post(operation, "/v1/refunds/create",
                ctx.json().writeUtf8(body.build()), true).expecting(Expect.ID));
        return InvoicesApi.createdId(response);
    }

    @Override
    public Optional<Refund> get(String refundId) {
        var response = ctx.transport().execute(ApiRequest.get("read refund " + refundId,
                "/v1/refunds/user-refunds?" + Uris.phpQuery("identifier", List.of(refundId)), true));
        return objects(JsonFields.data(response.body())).stream().map(RefundsApi::parse)
                .filter(r -> refundId.equals(r.id())).findFirst();
    }

    @Override
    public List<Refund> list() {
        var response = ctx.transport().execute(ApiRequest.get("list refunds", "/v1/refunds/user-refunds", true));
        return objects(JsonFields.data(response.body())).stream().map(RefundsApi::parse).toList();
    }

    public static Refund parse(JsonObject o) {
        Integer status = code(o, "status");
        if (status == null) {
            status = code(o, "state");
        }
        JsonObject source = objectOrEmpty(o, "sourceTransaction");
        return new Refund(firstText(o, "identifier", "refundId", "id"), RefundStatus.of(status), status,
                decimal(o, "amount"), currency(o, "currency"), firstText(source, "identifier", "id"),
                decimal(source, "amount"), currency(source, "currency"), objectOrEmpty(o, "metadata"), o);
    }
}
