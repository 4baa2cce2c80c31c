package io.github.payop4j.testkit.internal.state;

import io.github.payop4j.testkit.internal.Settings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the emulated Payop knows. One lock (this object) guards it all: requests arrive on
 * WireMock's threads, settlements on the emulator's scheduler, and a payment touches an invoice,
 * a transaction and the wallet at once.
 */
public final class Store {

    public final Settings settings;
    public final Notifier notifier;
    final Map<String, InvoiceState> invoices = new LinkedHashMap<>();
    final Map<String, Payment> payments = new LinkedHashMap<>();
    final Map<String, CardOnFile> cardTokens = new LinkedHashMap<>();
    final Map<String, RefundState> refunds = new LinkedHashMap<>();
    final Map<String, WithdrawalState> withdrawals = new LinkedHashMap<>();
    /** idempotency-key to the ids of the payouts it created, in order. */
    final Map<String, List<String>> payoutKeys = new LinkedHashMap<>();
    final Wallet wallet = new Wallet();
    private boolean tokenization;

    public Store(Settings settings, Notifier notifier) {
        this.settings = settings;
        this.notifier = notifier;
        reset();
    }

    public synchronized void reset() {
        invoices.clear();
        payments.clear();
        cardTokens.clear();
        refunds.clear();
        withdrawals.clear();
        payoutKeys.clear();
        wallet.clear();
        settings.openingBalances().forEach((currency, amount) -> wallet.open(currency, new BigDecimal(amount)));
        tokenization = settings.cardTokenization();
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static long now() {
        return System.currentTimeMillis() / 1000;
    }

    public synchronized void add(InvoiceState invoice) {
        invoices.put(invoice.id, invoice);
    }

    public synchronized InvoiceState invoice(String id) {
        return id == null ? null : invoices.get(id);
    }

    public synchronized Payment payment(String id) {
        return id == null ? null : payments.get(id);
    }

    public synchronized List<Payment> payments() {
        return new ArrayList<>(payments.values());
    }

    public synchronized void addToken(String token, CardOnFile card) {
        cardTokens.put(token, card);
    }

    public synchronized CardOnFile token(String token) {
        return token == null ? null : cardTokens.get(token);
    }

    public synchronized RefundState refund(String id) {
        return id == null ? null : refunds.get(id);
    }

    public synchronized List<RefundState> refunds() {
        return new ArrayList<>(refunds.values());
    }

    public synchronized WithdrawalState withdrawal(String id) {
        return id == null ? null : withdrawals.get(id);
    }

    public synchronized List<WithdrawalState> withdrawals() {
        return new ArrayList<>(withdrawals.values());
    }

    public synchronized Map<String, BigDecimal> available() {
        return wallet.available();
    }

    public synchronized BigDecimal pending(String currency) {
        return wallet.pending(currency);
    }

    public synchronized boolean tokenization() {
        return tokenization;
    }

    public synchronized void tokenization(boolean enabled) {
        tokenization = enabled;
    }
}
