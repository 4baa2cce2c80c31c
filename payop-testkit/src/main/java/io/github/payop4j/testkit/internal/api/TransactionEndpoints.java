package io.github.payop4j.testkit.internal.api;

import io.github.payop4j.testkit.Operation;
import io.github.payop4j.testkit.internal.http.Json;
import io.github.payop4j.testkit.internal.http.Reply;
import io.github.payop4j.testkit.internal.http.Req;
import io.github.payop4j.testkit.internal.http.Route;
import io.github.payop4j.testkit.internal.state.Payment;
import io.github.payop4j.testkit.internal.state.Store;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;

/** Transaction reads: v2 details, the legacy v1 details, filter by ids and IBANs. All need the JWT. */
public final class TransactionEndpoints {

    /** The emulated merchant's user id, as the filter answer carries it. */
    static final int USER_ID = 10215;

    private final Store store;

    public TransactionEndpoints(Store store) {
        this.store = store;
    }

    public List<Route> routes() {
        return List.of(
                Route.of("GET", "/v2/transactions/([^/]+)", Operation.GET_TRANSACTION, Route.Auth.JWT, this::v2),
                Route.of("GET", "/v1/transactions/filter", Operation.FILTER_TRANSACTIONS, Route.Auth.JWT, this::filter),
                Route.of("GET", "/v1/transactions/ibans", Operation.TRANSACTION_IBANS, Route.Auth.JWT, this::ibans),
                Route.of("GET", "/v1/transactions/([^/]+)", Operation.GET_TRANSACTION_LEGACY, Route.Auth.JWT,
                        this::legacy));
    }

    private Reply v2(Req req, Matcher m) {
        Payment p = store.payment(m.group(1));
        if (p == null) {
            return Reply.json(404, Json.message("Transaction not found"));
        }
        synchronized (store) {
            // Payop's documented v2 answer has no "status" next to "data".
            JsonObject data = Json.object()
                    .add("identifier", p.id)
                    .add("amount", Json.number(p.invoice.amount))
                    .add("currency", p.invoice.currency)
                    .add("state", p.state)
                    .add("error", p.error)
                    .add("createdAt", p.createdAt)
                    .add("orderId", p.invoice.orderId)
                    .add("resultUrl", Json.stringOrNull(p.invoice.resultUrl))
                    .build();
            return Reply.json(Json.object().add("data", data).build());
        }
    }

    private static List<String> ids(Req req) {
        String list = req.query().get("query[identifiers]");
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private Reply filter(Req req, Matcher m) {
        JsonArrayBuilder data = Json.array();
        synchronized (store) {
            for (String id : ids(req)) {
                Payment p = store.payment(id);
                if (p != null) {
                    data.add(filterView(p));
                }
            }
        }
        return Reply.json(Json.envelope(data.build()));
    }

    private static JsonObject filterView(Payment p) {
        JsonArrayBuilder schedules = Json.array();
        for (long[] s : p.schedules) {
            schedules.add(Json.object().add("from", s[0]).add("to", s[1]).add("time", s[2]));
        }
        JsonArrayBuilder attributes = Json.array();
        if (p.iban != null) {
            attributes.add(Json.object().add("type", 2).add("value", p.iban));
        }
        return Json.object()
                .add("identifier", p.id)
                .add("userIdentifier", USER_ID)
                .add("pid", p.id)
                .add("type", 7)
                .add("state", p.state)
                .add("error", p.error)
                .add("orderIdentifier", p.invoice.orderId)
                .add("amount", p.invoice.amount)
                .add("currency", p.invoice.currency)
                .add("paymentMethod", p.method.identifier())
                .add("totalCommission", "0")
                .add("totalCommissionCurrency", p.invoice.currency)
                .add("createdAt", p.createdAt)
                .add("updatedAt", p.updatedAt == null ? p.createdAt : p.updatedAt)
                .add("schedules", schedules)
                .add("canResendIpn", true)
                .add("hasChargeback", false)
                .add("mcc", JsonValue.NULL)
                .add("payAmount", p.invoice.amount)
                .add("payCurrency", p.payCurrency == null ? p.invoice.currency : p.payCurrency)
                .add("attributes", attributes)
                .add("refundsExternal", JsonValue.EMPTY_JSON_ARRAY)
                .add("credit", JsonValue.NULL)
                .build();
    }

    private Reply ibans(Req req, Matcher m) {
        JsonObjectBuilder data = Json.object();
        synchronized (store) {
            for (String id : ids(req)) {
                Payment p = store.payment(id);
                data.add(id, Json.stringOrNull(p == null ? null : p.iban));
            }
        }
        return Reply.json(Json.envelope(data.build()));
    }

    private Reply legacy(Req req, Matcher m) {
        Payment p = store.payment(m.group(1));
        if (p == null) {
            return Reply.json(404, Json.message("Transaction not found"));
        }
        synchronized (store) {
            return Reply.json(Json.object().add("data", legacyView(p)).build());
        }
    }

    private JsonObject legacyView(Payment p) {
        JsonObject payer = p.customer == null ? JsonValue.EMPTY_JSON_OBJECT : p.customer;
        JsonArrayBuilder payerInformation = Json.array();
        String email = Json.text(payer, "email");
        String name = Json.text(payer, "name");
        if (email != null) {
            payerInformation.add(Json.object().add("type", 1).add("value", email));
        }
        if (name != null) {
            payerInformation.add(Json.object().add("type", 3).add("value", name));
        }
        JsonValue card = p.card == null ? Json.PHP_EMPTY : Json.object()
                .add("bin", p.card.bin()).add("lastDigits", p.card.lastDigits())
                .add("paymentSystem", p.card.bin().startsWith("5") ? "mastercard" : "visa")
                .add("country", "DE").add("holderName", p.card.holderName()).build();
        String amount = p.invoice.amount;
        return Json.object()
                .add("identifier", p.id)
                .add("walletIdentifier", "1")
                .add("type", 7)
                .add("amount", Json.number(amount))
                .add("currency", p.invoice.currency)
                .add("payAmount", Json.number(amount))
                .add("payCurrency", p.payCurrency == null ? p.invoice.currency : p.payCurrency)
                .add("state", p.state)
                .add("error", p.error)
                .add("cardMetadata", card)
                .add("commission", Json.array().add(Json.object().add("identifier", "1").add("type", 1)
                        .add("percent", 0).add("amount", 0).add("totalValue", 0).add("strategy", 1)
                        .add("merchantPercent", 0).add("payerPercent", 0).add("merchantAmount", 0).add("payerAmount", 0)
                        .add("transactionIdentifier", p.id)))
                .add("exchange", JsonValue.EMPTY_JSON_ARRAY)
                .add("createdAt", p.createdAt)
                .add("updatedAt", p.updatedAt == null ? JsonValue.NULL : jakarta.json.Json.createValue(p.updatedAt))
                .add("orderId", p.invoice.orderId)
                .add("description", p.invoice.description == null ? "" : p.invoice.description)
                .add("productAmount", Json.number(amount))
                .add("productCurrency", p.invoice.currency)
                .add("pageDetails", JsonValue.EMPTY_JSON_ARRAY)
                .add("language", p.invoice.language)
                .add("paymentMethodIdentifier", Integer.toString(p.method.identifier()))
                .add("payerInformation", payerInformation)
                .add("geoInformation", Json.object().add("ip", "127.0.0.1")
                        .add("city", Json.object().add("name", "Localhost"))
                        .add("region", Json.object().add("iso", "DE-BE").add("name", "Berlin"))
                        .add("country", Json.object().add("iso", "DE").add("name", "Germany"))
                        .add("continent", Json.object().add("code", "EU")))
                .add("resultUrl", Json.stringOrNull(p.invoice.resultUrl))
                .add("failUrl", Json.stringOrNull(p.invoice.failPath))
                .add("pid", p.id)
                .add("application", Json.object().add("identifier", store.settings.projectId())
                        .add("name", "Payop emulator project").add("info", "payop-testkit"))
                .build();
    }
}
