package io.github.payop4j.internal.api;

import static io.github.payop4j.internal.json.JsonFields.currency;
import static io.github.payop4j.internal.json.JsonFields.decimal;
import static io.github.payop4j.internal.json.JsonFields.nonBlank;
import static io.github.payop4j.internal.json.JsonFields.objectOrEmpty;
import static io.github.payop4j.internal.json.JsonFields.objects;

import io.github.payop4j.balance.BalanceQuery;
import io.github.payop4j.balance.CurrencyBalance;
import io.github.payop4j.balance.Wallet;
import io.github.payop4j.balance.WalletBalances;
import io.github.payop4j.internal.http.ApiRequest;
import io.github.payop4j.internal.http.Expect;
import io.github.payop4j.internal.json.JsonFields;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.StringJoiner;

/** {@link Wallet} over {@code /v1/wallets/get-balances}. */
public final class WalletApi implements Wallet {

    private final ApiContext ctx;

    public WalletApi(ApiContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public WalletBalances balances() {
        return balances(BalanceQuery.allCurrencies());
    }

    @Override
    public WalletBalances balances(BalanceQuery selection) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        if (!selection.selectedCurrencies().isEmpty()) {
            StringJoiner codes = new StringJoiner(",");
            selection.selectedCurrencies().forEach(c -> codes.add(c.code()));
            query.add("currency=" + codes);
        }
        if (selection.includesTotals()) {
            query.add("includeTotal=1");
        }
        var response = ctx.transport().execute(
                ApiRequest.get("read wallet balances", "/v1/wallets/get-balances" + query, true).expecting(Expect.OBJECT));
        // This endpoint answers without Payop's usual {"data": ...} envelope; accept both.
        JsonObject root = objectOrEmpty(JsonFields.data(response.body()));
        List<CurrencyBalance> balances = objects(root.get("currencies")).stream().map(c -> {
            JsonObject b = objectOrEmpty(c, "balance");
            return new CurrencyBalance(currency(c, "code"), decimal(b, "available"), decimal(b, "referral"),
                    decimal(b, "pending"), decimal(b, "reserve"), decimal(b, "total"));
        }).toList();
        return new WalletBalances(instant(nonBlank(root, "snapshotAt")), balances);
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
