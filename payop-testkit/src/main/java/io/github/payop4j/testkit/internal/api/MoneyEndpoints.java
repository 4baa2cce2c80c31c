package io.github.payop4j.testkit.internal.api;

import io.github.payop4j.testkit.Operation;
import io.github.payop4j.testkit.internal.http.Json;
import io.github.payop4j.testkit.internal.http.Reply;
import io.github.payop4j.testkit.internal.http.Req;
import io.github.payop4j.testkit.internal.http.Route;
import io.github.payop4j.testkit.internal.state.Payment;
import io.github.payop4j.testkit.internal.state.RefundFlow;
import io.github.payop4j.testkit.internal.state.RefundState;
import io.github.payop4j.testkit.internal.state.Store;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/** Refunds and wallet balances: the money that leaves after a payment. JWT everywhere. */
public final class MoneyEndpoints {

    private final Store store;
    private final RefundFlow refunds;

    public MoneyEndpoints(Store store, RefundFlow refunds) {
        this.store = store;
        this.refunds = refunds;
    }

    public List<Route> routes() {
        return List.of(
                Route.of("POST", "/v1/refunds/create", Operation.CREATE_REFUND, Route.Auth.JWT, this::createRefund),
                Route.of("GET", "/v1/refunds/user-refunds", Operation.GET_REFUNDS, Route.Auth.JWT, this::listRefunds),
                Route.of("GET", "/v1/wallets/get-balances", Operation.WALLET_BALANCES, Route.Auth.JWT_WALLET,
                        this::balances));
    }

    private Reply createRefund(Req req, Matcher m) {
        JsonObject body = Json.parseObject(req.body());
        if (body == null) {
            return Reply.json(400, Json.message("Invalid JSON in the request body"));
        }
        Validation v = new Validation();
        String txid = Json.text(body, "transactionIdentifier");
        v.required("transactionIdentifier", txid);
        Integer type = InvoiceEndpoints.number(body.get("refundType"));
        if (type == null || type != 1 && type != 2) {
            v.fail("refundType", "The value you selected is not a valid choice.");
        }
        String amount = null;
        if (type != null && type == 2) {
            JsonValue raw = body.get("amount");
            amount = raw instanceof JsonNumber n ? n.bigDecimalValue().toPlainString() : Json.text(body, "amount");
            v.amount("amount", amount);
        }
        if (!v.ok()) {
            return v.reply();
        }
        Payment p = store.payment(txid);
        if (p == null) {
            return Reply.json(404, Json.message("Transaction not found"));
        }
        RefundFlow.Result result = refunds.create(p, amount, Json.obj(body, "metadata"));
        if (result.refusal() != null) {
            return Reply.json(422, Json.message(result.refusal()));
        }
        return Reply.json(Json.envelope(jakarta.json.Json.createValue(""))).withHeader("identifier", result.refund().id);
    }

    private Reply listRefunds(Req req, Matcher m) {
        String only = req.query().get("query[identifier]");
        JsonArrayBuilder data = Json.array();
        synchronized (store) {
            for (RefundState r : store.refunds()) {
                if (only == null || only.equals(r.id)) {
                    data.add(Json.object()
                            .add("identifier", r.id)
                            .add("status", r.status)
                            .add("amount", Json.number(r.amount))
                            .add("currency", r.source.invoice.currency)
                            .add("sourceTransaction", Json.object().add("identifier", r.source.id)
                                    .add("amount", Json.number(r.source.invoice.amount))
                                    .add("currency", r.source.invoice.currency))
                            .add("metadata", Json.objectOrPhpEmpty(r.metadata)));
                }
            }
        }
        return Reply.json(Json.envelope(data.build()));
    }

    private Reply balances(Req req, Matcher m) {
        String filter = req.query().get("currency");
        Set<String> wanted = filter == null || filter.isBlank() ? null
                : Arrays.stream(filter.split(",")).map(String::trim).collect(Collectors.toSet());
        if (wanted != null) {
            for (String code : wanted) {
                if (!code.matches("[A-Z]{3}")) {
                    return Reply.json(400, Json.fieldErrors(Map.of("currencies [0]", Validation.CURRENCY)));
                }
            }
        }
        boolean total = "1".equals(req.query().get("includeTotal")) || "true".equals(req.query().get("includeTotal"));
        JsonArrayBuilder currencies = Json.array();
        synchronized (store) {
            for (Map.Entry<String, BigDecimal> e : store.available().entrySet()) {
                if (wanted != null && !wanted.contains(e.getKey())) {
                    continue;
                }
                BigDecimal pending = store.pending(e.getKey());
                JsonObjectBuilder balance = Json.object()
                        .add("available", money(e.getValue()))
                        .add("referral", "0.00")
                        .add("pending", money(pending))
                        .add("reserve", "0.00");
                if (total) {
                    balance.add("total", money(e.getValue().add(pending)));
                }
                currencies.add(Json.object().add("code", e.getKey()).add("balance", balance));
            }
        }
        // Documented without Payop's usual {"data": ...} envelope.
        return Reply.json(Json.object().add("snapshotAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .add("currencies", currencies).build());
    }

    /** Balances as strings with at least two decimals, as Payop shows them ("1000.50"). */
    static String money(BigDecimal value) {
        return value.scale() < 2 ? value.setScale(2).toPlainString() : value.toPlainString();
    }
}
