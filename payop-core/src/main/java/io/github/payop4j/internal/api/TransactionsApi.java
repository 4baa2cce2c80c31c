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
import io.github.payop4j.internal.http.Expect;
import io.github.payop4j.internal.http.Uris;
import io.github.payop4j.internal.json.JsonFields;
import io.github.payop4j.transaction.Transaction;
import io.github.payop4j.transaction.TransactionState;
import io.github.payop4j.transaction.Transactions;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Transactions} over {@code /v2/transactions} and {@code /v1/transactions}. */
public final class TransactionsApi implements Transactions {

    private final ApiContext ctx;

    public TransactionsApi(ApiContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Transaction get(String transactionId) {
        var response = ctx.transport().execute(ApiRequest.get("read transaction " + transactionId,
                "/v2/transactions/" + Uris.segment(transactionId), true).expecting(Expect.OBJECT));
        return parse(objectOrEmpty(JsonFields.data(response.body())), transactionId);
    }

    @Override
    public List<Transaction> filter(Collection<String> transactionIds) {
        var response = ctx.transport().execute(ApiRequest.get("read " + transactionIds.size() + " transactions",
                "/v1/transactions/filter?" + Uris.phpQuery("identifiers", transactionIds), true));
        return objects(JsonFields.data(response.body())).stream().map(o -> parse(o, null)).toList();
    }

    @Override
    public Map<String, Optional<String>> ibans(Collection<String> transactionIds) {
        var response = ctx.transport().execute(ApiRequest.get("read the IBANs of " + transactionIds.size() + " transactions",
                "/v1/transactions/ibans?" + Uris.phpQuery("identifiers", transactionIds), true));
        JsonObject data = object(JsonFields.data(response.body()));
        Map<String, Optional<String>> out = new LinkedHashMap<>();
        if (data != null) {
            data.forEach((id, iban) -> {
                String text = iban == JsonValue.NULL ? null : JsonFields.text(iban);
                out.put(id, Optional.ofNullable(text == null || text.isBlank() ? null : text));
            });
        }
        return Collections.unmodifiableMap(out);
    }

    /** Both response shapes: v2 ({@code orderId}, {@code paymentMethodIdentifier}) and v1 filter. */
    public static Transaction parse(JsonObject o, String requestedId) {
        Integer state = code(o, "state");
        String id = firstText(o, "identifier", "id");
        String error = JsonFields.text(o, "error");
        if (error == null) {
            error = nonBlank(objectOrEmpty(o, "error"), "message");
        }
        Integer method = code(o, "paymentMethod");
        if (method == null) {
            method = code(o, "paymentMethodIdentifier");
        }
        return new Transaction(id == null ? requestedId : id, TransactionState.of(state), state, error,
                firstText(o, "orderId", "orderIdentifier"), decimal(o, "amount"), currency(o, "currency"),
                decimal(o, "payAmount"), currency(o, "payCurrency"), method, epochSeconds(o, "createdAt"),
                epochSeconds(o, "updatedAt"), nonBlank(o, "resultUrl"), o);
    }
}
