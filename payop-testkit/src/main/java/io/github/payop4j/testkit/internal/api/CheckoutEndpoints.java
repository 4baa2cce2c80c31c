package io.github.payop4j.testkit.internal.api;

import io.github.payop4j.checkout.Card;
import io.github.payop4j.testkit.EmulatedPaymentMethod;
import io.github.payop4j.testkit.Operation;
import io.github.payop4j.testkit.TestCards;
import io.github.payop4j.testkit.internal.http.Json;
import io.github.payop4j.testkit.internal.http.Reply;
import io.github.payop4j.testkit.internal.http.Req;
import io.github.payop4j.testkit.internal.http.Route;
import io.github.payop4j.testkit.internal.state.CardOnFile;
import io.github.payop4j.testkit.internal.state.InvoiceState;
import io.github.payop4j.testkit.internal.state.Payment;
import io.github.payop4j.testkit.internal.state.PaymentFlow;
import io.github.payop4j.testkit.internal.state.Store;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;

/** Card tokens, checkout transactions, the two status checks and void. None needs the JWT. */
public final class CheckoutEndpoints {

    /** How long a card token lives, as Payop's {@code expired_at} says. */
    static final long TOKEN_SECONDS = 15 * 60;

    private final Store store;
    private final PaymentFlow flow;
    private final Links links;
    private final SecureRandom random = new SecureRandom();

    public CheckoutEndpoints(Store store, PaymentFlow flow, Links links) {
        this.store = store;
        this.flow = flow;
        this.links = links;
    }

    public List<Route> routes() {
        return List.of(
                Route.of("POST", "/v1/payment-tools/card-token/create", Operation.CREATE_CARD_TOKEN, Route.Auth.PUBLIC,
                        this::cardToken),
                Route.of("POST", "/v1/checkout/create", Operation.CREATE_CHECKOUT, Route.Auth.PUBLIC, this::create),
                Route.of("GET", "/v1/checkout/check-invoice-status/([^/]+)", Operation.CHECK_INVOICE_STATUS,
                        Route.Auth.PUBLIC, this::invoiceStatus),
                Route.of("GET", "/v1/checkout/check-transaction-status/([^/]+)", Operation.CHECK_TRANSACTION_STATUS,
                        Route.Auth.PUBLIC, this::transactionStatus),
                Route.of("POST", "/v1/checkout/void", Operation.VOID_TRANSACTION, Route.Auth.PUBLIC, this::voidTx));
    }

    private Reply cardToken(Req req, Matcher m) {
        if (!store.tokenization()) {
            return Reply.json(403, Json.message(
                    "Card tokenization is not available for your application. Please contact support"));
        }
        JsonObject body = Json.parseObject(req.body());
        if (body == null) {
            return Reply.json(400, Json.message("Invalid JSON in the request body"));
        }
        InvoiceState invoice = store.invoice(Json.text(body, "invoiceIdentifier"));
        if (invoice == null) {
            return Reply.json(404, Json.message("Invoice not found"));
        }
        CardOnFile card = checkCard(body, invoice.id);
        if (card == null) {
            return cardErrors(body).reply();
        }
        byte[] raw = new byte[27];
        random.nextBytes(raw);
        String token = Base64.getEncoder().encodeToString(raw);
        store.addToken(token, card);
        return Reply.json(201, Json.envelope(Json.object().add("token", token).add("expired_at", card.expiresAt())
                .build()));
    }

    /** The card the body describes, or null if any field is invalid (then {@link #cardErrors} says which). */
    public static CardOnFile checkCard(JsonObject body, String invoiceId) {
        if (!cardErrors(body).ok()) {
            return null;
        }
        String pan = Json.text(body, "pan").replaceAll("[ -]", "");
        CardOnFile.Outcome outcome = switch (pan) {
            case TestCards.THREE_D_SECURE -> CardOnFile.Outcome.THREE_D_SECURE;
            case TestCards.DECLINED -> CardOnFile.Outcome.DECLINED;
            case TestCards.INSUFFICIENT_FUNDS -> CardOnFile.Outcome.INSUFFICIENT_FUNDS;
            case TestCards.PAID_IPN_LOST -> CardOnFile.Outcome.SUCCESS_IPN_LOST;
            default -> CardOnFile.Outcome.SUCCESS;
        };
        return new CardOnFile(invoiceId, pan.substring(0, 6), pan.substring(pan.length() - 4),
                Json.text(body, "holderName").trim(), outcome, Store.now() + TOKEN_SECONDS);
    }

    /** The 422 body Payop answers for these card fields (the hosted page shows the same texts). */
    public static String cardErrorsJson(JsonObject body) {
        return cardErrors(body).reply().body();
    }

    static Validation cardErrors(JsonObject body) {
        Validation v = new Validation();
        String pan = Json.text(body, "pan");
        if (v.required("pan", pan)) {
            String digits = pan.replaceAll("[ -]", "");
            if (!digits.matches("[0-9]{12,19}") || !Card.passesLuhn(digits)) {
                v.fail("pan", "Invalid card number.");
            }
        }
        String expiry = Json.text(body, "expirationDate");
        if (v.required("expirationDate", expiry) && !validExpiry(expiry.trim())) {
            v.fail("expirationDate", Validation.INVALID);
        }
        String cvv = Json.text(body, "cvv");
        if (v.required("cvv", cvv) && !cvv.trim().matches("[0-9]{3,4}")) {
            v.fail("cvv", Validation.INVALID);
        }
        v.required("holderName", Json.text(body, "holderName"));
        return v;
    }

    private static boolean validExpiry(String mmyy) {
        if (!mmyy.matches("(0[1-9]|1[0-2])/[0-9]{2}")) {
            return false;
        }
        YearMonth expiry = YearMonth.of(2000 + Integer.parseInt(mmyy.substring(3)), Integer.parseInt(mmyy.substring(0, 2)));
        return !expiry.isBefore(YearMonth.now(ZoneOffset.UTC));
    }

    private Reply create(Req req, Matcher m) {
        JsonObject body = Json.parseObject(req.body());
        if (body == null) {
            return Reply.json(400, Json.message("Invalid JSON in the request body"));
        }
        InvoiceState invoice = store.invoice(Json.text(body, "invoiceIdentifier"));
        if (invoice == null) {
            return Reply.json(404, Json.message("Invoice not found"));
        }
        JsonObject customer = Json.obj(body, "customer");
        Validation v = new Validation();
        v.email("customer.email", Json.text(customer, "email"));
        v.required("checkStatusUrl", Json.text(body, "checkStatusUrl"));
        Integer methodId = body.containsKey("paymentMethod") ? InvoiceEndpoints.number(body.get("paymentMethod"))
                : invoice.paymentMethod;
        if (methodId == null) {
            v.fail("paymentMethod", Validation.BLANK);
        }
        if (!v.ok()) {
            return v.reply();
        }
        EmulatedPaymentMethod method = store.settings.method(methodId);
        if (method == null) {
            return Reply.json(422, Json.message("Method must be enabled to use it"));
        }
        CardOnFile card = null;
        if (method.isCard()) {
            String token = Json.text(body, "cardToken");
            card = store.token(token);
            if (card == null || !card.invoiceId().equals(invoice.id) || card.expiresAt() < Store.now()) {
                v.fail("cardToken", token == null ? Validation.BLANK : "Card token is invalid or expired.");
                return v.reply();
            }
        }
        Payment p;
        synchronized (store) {
            if (invoice.payment != null) {
                return Reply.json(422, Json.message("Invoice already has a transaction"));
            }
            p = flow.start(invoice, method, merged(invoice.payer, customer), card, Json.text(body, "payCurrency"));
        }
        return Reply.json(Json.envelope(Json.object().add("isSuccess", true).add("message", "").add("txid", p.id)
                .build())).withHeader("identifier", p.id);
    }

    /** The customer's fields over the invoice's payer: what the method's required fields are checked against. */
    private static JsonObject merged(JsonObject payer, JsonObject customer) {
        var b = Json.object();
        if (payer != null) {
            payer.forEach(b::add);
        }
        if (customer != null) {
            JsonObject extra = Json.obj(payer, "extraFields");
            customer.forEach(b::add);
            JsonObject customerExtra = Json.obj(customer, "extraFields");
            if (extra != null && customerExtra != null) {
                var both = Json.object();
                extra.forEach(both::add);
                customerExtra.forEach(both::add);
                b.add("extraFields", both);
            }
        }
        return b.build();
    }

    private Reply invoiceStatus(Req req, Matcher m) {
        InvoiceState invoice = store.invoice(m.group(1));
        if (invoice == null) {
            return Reply.json(404, Json.message("Invoice not found"));
        }
        synchronized (store) {
            return Reply.json(Json.envelope(StatusViews.invoice(invoice, links)));
        }
    }

    private Reply transactionStatus(Req req, Matcher m) {
        Payment p = store.payment(m.group(1));
        if (p == null) {
            return Reply.json(404, Json.message("Transaction not found"));
        }
        synchronized (store) {
            return Reply.json(Json.envelope(StatusViews.transaction(p, links)));
        }
    }

    private Reply voidTx(Req req, Matcher m) {
        JsonObject body = Json.parseObject(req.body());
        InvoiceState invoice = store.invoice(Json.text(body, "invoiceIdentifier"));
        if (invoice == null) {
            return Reply.json(404, Json.message("Invoice not found"));
        }
        synchronized (store) {
            Payment p = invoice.payment;
            if (p == null || p.isFinal()) {
                return Reply.json(422, Json.message("Only a pending transaction can be voided"));
            }
            flow.voidPending(p);
            return Reply.json(Json.envelope(Json.object().add("isSuccess", true).add("message", "").add("txid", p.id)
                    .build()));
        }
    }
}
