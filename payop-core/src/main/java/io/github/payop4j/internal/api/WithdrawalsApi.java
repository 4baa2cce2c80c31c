package io.github.payop4j.internal.api;

import static io.github.payop4j.internal.json.JsonFields.code;
import static io.github.payop4j.internal.json.JsonFields.currencies;
import static io.github.payop4j.internal.json.JsonFields.currency;
import static io.github.payop4j.internal.json.JsonFields.decimal;
import static io.github.payop4j.internal.json.JsonFields.epochSeconds;
import static io.github.payop4j.internal.json.JsonFields.firstText;
import static io.github.payop4j.internal.json.JsonFields.nonBlank;
import static io.github.payop4j.internal.json.JsonFields.objectOrEmpty;
import static io.github.payop4j.internal.json.JsonFields.objects;

import io.github.payop4j.internal.crypto.SealedBox;
import io.github.payop4j.internal.http.ApiRequest;
import io.github.payop4j.internal.http.ApiResponse;
import io.github.payop4j.internal.http.Uris;
import io.github.payop4j.internal.json.JsonFields;
import io.github.payop4j.internal.json.JsonOut;
import io.github.payop4j.withdrawal.CreatedWithdrawal;
import io.github.payop4j.withdrawal.MassWithdrawalResult;
import io.github.payop4j.withdrawal.Withdrawal;
import io.github.payop4j.withdrawal.WithdrawalMethod;
import io.github.payop4j.withdrawal.WithdrawalRequest;
import io.github.payop4j.withdrawal.WithdrawalStatus;
import io.github.payop4j.withdrawal.Withdrawals;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** {@link Withdrawals} over {@code /v1/withdrawals}, payloads sealed with libsodium's sealed box. */
public final class WithdrawalsApi implements Withdrawals {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private final ApiContext ctx;

    public WithdrawalsApi(ApiContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public MassWithdrawalResult createMass(List<WithdrawalRequest> payouts) {
        return createMass(payouts, UUID.randomUUID().toString());
    }

    @Override
    public MassWithdrawalResult createMass(List<WithdrawalRequest> payouts, String idempotencyKey) {
        if (payouts == null || payouts.isEmpty()) {
            throw new IllegalArgumentException("A mass withdrawal needs at least one payout");
        }
        if (idempotencyKey == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new IllegalArgumentException("The idempotency key must be 1 to 255 visible ASCII characters,"
                    + " for example a UUID");
        }
        String operation = "create a mass withdrawal of " + payouts.size() + " payouts";
        byte[] certificate = ctx.certificate(operation).publicKey();
        JsonBuilderFactory f = ctx.builders();
        JsonArrayBuilder batch = f.createArrayBuilder();
        for (WithdrawalRequest p : payouts) {
            JsonObjectBuilder item = f.createObjectBuilder()
                    .add("method", p.method())
                    .add("type", p.commissionType())
                    .add("amount", JsonOut.exactNumber(p.amount().value()))
                    .add("currency", p.currency().code())
                    .add("additionalData", JsonOut.toJson(f, p.additionalData()));
            if (!p.metadata().isEmpty()) {
                item.add("metadata", JsonOut.toJson(f, p.metadata()));
            }
            batch.add(item);
        }
        byte[] sealed = SealedBox.seal(ctx.json().writeUtf8(batch.build()), certificate);
        JsonObject body = f.createObjectBuilder().add("data", Base64.getEncoder().encodeToString(sealed)).build();

        ApiResponse response = ctx.transport().execute(
                ApiRequest.post(operation, "/v1/withdrawals/create-mass", ctx.json().writeUtf8(body), true)
                        .withIdempotencyKey(idempotencyKey));
        List<CreatedWithdrawal> created = objects(JsonFields.data(response.body())).stream()
                .map(o -> new CreatedWithdrawal(firstText(o, "id", "identifier"), objectOrEmpty(o, "metadata")))
                .toList();
        return new MassWithdrawalResult(idempotencyKey, created);
    }

    @Override
    public Optional<Withdrawal> get(String withdrawalId) {
        var response = ctx.transport().execute(ApiRequest.get("read withdrawal " + withdrawalId,
                "/v1/withdrawals/user-withdrawals?" + Uris.phpQuery("identifier", List.of(withdrawalId)), true));
        return objects(JsonFields.data(response.body())).stream().map(WithdrawalsApi::parse)
                .filter(w -> withdrawalId.equals(w.id())).findFirst();
    }

    @Override
    public List<Withdrawal> list() {
        var response = ctx.transport().execute(
                ApiRequest.get("list withdrawals", "/v1/withdrawals/user-withdrawals", true));
        return objects(JsonFields.data(response.body())).stream().map(WithdrawalsApi::parse).toList();
    }

    @Override
    public List<WithdrawalMethod> methods() {
        var response = ctx.transport().execute(ApiRequest.get("list withdrawal methods",
                "/v1/instrument-settings/payment-methods/available-withdrawal-for-user", true));
        return objects(JsonFields.data(response.body())).stream()
                .map(o -> new WithdrawalMethod(code(o, "type"), nonBlank(o, "name"), currencies(o.get("currencies"))))
                .toList();
    }

    public static Withdrawal parse(JsonObject o) {
        Integer status = code(o, "status");
        if (status == null) {
            status = code(o, "state");
        }
        Integer method = code(o, "method");
        if (method == null) {
            method = code(o, "paymentMethod");
        }
        return new Withdrawal(firstText(o, "identifier", "withdrawalId", "id"), WithdrawalStatus.of(status), status,
                decimal(o, "amount"), currency(o, "currency"), method, nonBlank(o, "comment"),
                objectOrEmpty(o, "metadata"), epochSeconds(o, "createdAt"), o);
    }
}
