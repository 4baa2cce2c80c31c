package io.github.payop4j.testkit.internal.api;

import io.github.payop4j.internal.crypto.SealedBox;
import io.github.payop4j.testkit.Operation;
import io.github.payop4j.testkit.internal.http.Json;
import io.github.payop4j.testkit.internal.http.Reply;
import io.github.payop4j.testkit.internal.http.Req;
import io.github.payop4j.testkit.internal.http.Route;
import io.github.payop4j.testkit.internal.state.PayoutFlow;
import io.github.payop4j.testkit.internal.state.Store;
import io.github.payop4j.testkit.internal.state.WithdrawalState;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Mass withdrawals: the sealed box is opened with the emulated project's private key, as Payop
 * opens it with the key behind the merchant's certificate; what does not open is refused.
 */
public final class WithdrawalEndpoints {

    /** The emulator's answer to a payload it cannot open (Payop does not document its wording). */
    public static final String CANNOT_DECRYPT = "Can not decrypt withdrawal data: encrypt it with the"
            + " certificate of this project (sodium_crypto_box_seal, then Base64)";

    /** Payop's withdrawal methods: PayDo (15) and bank transfer (20), as the docs describe them. */
    private static final Map<Integer, String[]> METHODS = Map.of(
            15, new String[] {"PayDo", "EUR", "USD"},
            20, new String[] {"Bank Transfer for PBB", "EUR", "GBP"});

    private final Store store;
    private final PayoutFlow payouts;

    public WithdrawalEndpoints(Store store, PayoutFlow payouts) {
        this.store = store;
        this.payouts = payouts;
    }

    public List<Route> routes() {
        return List.of(
                Route.of("POST", "/v1/withdrawals/create-mass", Operation.CREATE_WITHDRAWAL, Route.Auth.JWT, this::create),
                Route.of("GET", "/v1/withdrawals/user-withdrawals", Operation.GET_WITHDRAWALS, Route.Auth.JWT, this::list),
                Route.of("GET", "/v1/instrument-settings/payment-methods/available-withdrawal-for-user",
                        Operation.WITHDRAWAL_METHODS, Route.Auth.JWT, this::methods));
    }

    private Reply create(Req req, Matcher m) {
        JsonObject body = Json.parseObject(req.body());
        String data = Json.text(body, "data");
        if (data == null || data.isBlank()) {
            return Reply.json(422, Json.fieldErrors(Map.of("data", Validation.BLANK)));
        }
        JsonValue opened;
        try {
            byte[] plain = SealedBox.open(Base64.getDecoder().decode(data.trim()), store.settings.payoutSecretKey());
            opened = Json.parse(new String(plain, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Reply.json(422, Json.message(CANNOT_DECRYPT));
        }
        if (!(opened instanceof JsonArray batch) || batch.isEmpty()) {
            return Reply.json(422, Json.fieldErrors(Map.of("data", "The decrypted data must be a non-empty list"
                    + " of withdrawals.")));
        }
        List<PayoutFlow.Payout> valid = new ArrayList<>();
        Validation v = new Validation();
        for (int i = 0; i < batch.size(); i++) {
            JsonObject item = batch.get(i) instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
            String at = "[" + i + "].";
            Integer method = InvoiceEndpoints.number(item.get("method"));
            Integer type = InvoiceEndpoints.number(item.get("type"));
            JsonValue rawAmount = item.get("amount");
            String amount = rawAmount instanceof JsonNumber n ? n.bigDecimalValue().toPlainString()
                    : Json.text(item, "amount");
            String currency = Json.text(item, "currency");
            v.amount(at + "amount", amount);
            v.currency(at + "currency", currency);
            if (type == null || type != 1 && type != 2) {
                v.fail(at + "type", "The value you selected is not a valid choice.");
            }
            String[] known = method == null ? null : METHODS.get(method);
            if (known == null) {
                v.fail(at + "method", "Method " + method + " is not supported for the payouts. Please get in touch"
                        + " with our support or select another method.");
            } else if (currency != null && !List.of(known).subList(1, known.length).contains(currency)) {
                v.fail(at + "currency", Validation.CURRENCY);
            }
            JsonObject additional = Json.obj(item, "additionalData");
            if (additional == null) {
                v.fail(at + "additionalData", Validation.BLANK);
            } else if (method != null && method == 15) {
                v.required(at + "additionalData.direction", Json.text(additional, "direction"));
            }
            if (v.ok()) {
                valid.add(new PayoutFlow.Payout(method, type, amount, currency, additional, Json.obj(item, "metadata")));
            }
        }
        if (!v.ok()) {
            return v.reply();
        }
        List<WithdrawalState> created = payouts.create(req.header("idempotency-key"), valid);
        JsonArrayBuilder out = Json.array();
        for (WithdrawalState w : created) {
            out.add(Json.object().add("id", w.id).add("metadata", Json.objectOrPhpEmpty(w.metadata)));
        }
        return Reply.json(Json.envelope(out.build()));
    }

    private Reply list(Req req, Matcher m) {
        String only = req.query().get("query[identifier]");
        JsonArrayBuilder data = Json.array();
        synchronized (store) {
            for (WithdrawalState w : store.withdrawals()) {
                if (only == null || only.equals(w.id)) {
                    data.add(Json.object()
                            .add("identifier", w.id)
                            .add("status", w.status)
                            .add("method", w.method)
                            .add("type", w.commissionType)
                            .add("amount", Json.number(w.amount))
                            .add("currency", w.currency)
                            .add("comment", w.comment)
                            .add("error", w.error)
                            .add("additionalData", w.additionalData)
                            .add("metadata", Json.objectOrPhpEmpty(w.metadata))
                            .add("createdAt", w.createdAt));
                }
            }
        }
        return Reply.json(Json.envelope(data.build()));
    }

    private Reply methods(Req req, Matcher m) {
        JsonArrayBuilder data = Json.array();
        for (int type : new int[] {15, 20}) {
            String[] known = METHODS.get(type);
            JsonArrayBuilder currencies = Json.array();
            for (int i = 1; i < known.length; i++) {
                currencies.add(known[i]);
            }
            data.add(Json.object().add("type", type).add("name", known[0]).add("currencies", currencies));
        }
        return Reply.json(Json.envelope(data.build()));
    }
}
