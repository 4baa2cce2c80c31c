package io.github.payop4j.testkit.internal.page;

import io.github.payop4j.testkit.EmulatedPaymentMethod;
import io.github.payop4j.testkit.TestCards;
import io.github.payop4j.testkit.internal.api.CheckoutEndpoints;
import io.github.payop4j.testkit.internal.api.Links;
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
import jakarta.json.JsonObjectBuilder;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The hosted checkout at {@code {checkoutUrl}/{locale}/payment/invoice-preprocessing/{invoiceId}},
 * the issuer's 3-D Secure page and the bank page. Plain HTML forms and 303 redirects, so a test
 * drives them with a real browser and a person with any browser.
 */
public final class HostedPages {

    private static final Set<String> PAYER_KEYS = Set.of("email", "name", "phone");

    private final Store store;
    private final PaymentFlow flow;
    private final Links links;

    public HostedPages(Store store, PaymentFlow flow, Links links) {
        this.store = store;
        this.flow = flow;
        this.links = links;
    }

    public List<Route> routes() {
        String page = "/checkout/([a-zA-Z]{2})/payment/invoice-preprocessing/([^/]+)";
        return List.of(
                Route.of("GET", page, null, Route.Auth.PUBLIC, this::show),
                Route.of("POST", page, null, Route.Auth.PUBLIC, this::submit),
                Route.of("POST", "/checkout/acs", null, Route.Auth.PUBLIC, this::acs),
                Route.of("POST", "/checkout/3ds-result", null, Route.Auth.PUBLIC, this::threeDsResult),
                Route.of("GET", "/checkout/bank/([^/]+)", null, Route.Auth.PUBLIC, this::bank),
                Route.of("POST", "/checkout/bank/([^/]+)", null, Route.Auth.PUBLIC, this::bankDecision),
                Route.of("GET", "/checkout/([a-zA-Z]{2})/payment/success-page/?", null, Route.Auth.PUBLIC,
                        (r, m) -> Reply.html(200, PageViews.result(true, ""))),
                Route.of("GET", "/checkout/([a-zA-Z]{2})/payment/fail-page/?", null, Route.Auth.PUBLIC,
                        (r, m) -> Reply.html(200, PageViews.result(false, ""))));
    }

    private Reply show(Req req, Matcher m) {
        InvoiceState invoice = store.invoice(m.group(2));
        if (invoice == null) {
            return Reply.html(404, PageViews.notFound("Invoice " + m.group(2) + " does not exist."));
        }
        synchronized (store) {
            Reply done = finished(invoice);
            if (done != null) {
                return done;
            }
            EmulatedPaymentMethod method = chosenMethod(invoice, req.query().get("method"));
            String pageUrl = req.path();
            if (method == null) {
                List<EmulatedPaymentMethod> usable = store.settings.methods().stream()
                        .filter(x -> x.currencies().contains(invoice.currency)).toList();
                return Reply.html(200, PageViews.chooseMethod(invoice, usable, pageUrl));
            }
            return Reply.html(200, PageViews.payForm(invoice, method, prefill(invoice), Map.of(), pageUrl));
        }
    }

    /** An invoice whose payment is decided sends the payer on, as Payop's page does. */
    private Reply finished(InvoiceState invoice) {
        Payment p = invoice.payment;
        if (p != null && p.state == Payment.ACCEPTED) {
            return Reply.seeOther(links.success(invoice));
        }
        if (p != null && p.state == Payment.FAILED) {
            return Reply.seeOther(links.failure(invoice));
        }
        return null;
    }

    private EmulatedPaymentMethod chosenMethod(InvoiceState invoice, String requested) {
        if (invoice.payment != null) {
            return invoice.payment.method;
        }
        if (invoice.paymentMethod != null) {
            return store.settings.method(invoice.paymentMethod);
        }
        try {
            return requested == null ? null : store.settings.method(Integer.valueOf(requested));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, String> prefill(InvoiceState invoice) {
        Map<String, String> values = new HashMap<>();
        if (invoice.payer != null) {
            invoice.payer.forEach((k, v) -> {
                if (v instanceof jakarta.json.JsonString s) {
                    values.put(k, s.getString());
                }
            });
            JsonObject extra = Json.obj(invoice.payer, "extraFields");
            if (extra != null) {
                extra.forEach((k, v) -> {
                    if (v instanceof jakarta.json.JsonString s) {
                        values.put(k, s.getString());
                    }
                });
            }
        }
        return values;
    }

    private Reply submit(Req req, Matcher m) {
        InvoiceState invoice = store.invoice(m.group(2));
        if (invoice == null) {
            return Reply.html(404, PageViews.notFound("Invoice " + m.group(2) + " does not exist."));
        }
        Map<String, String> form = req.form();
        String action = form.getOrDefault("action", "pay");
        synchronized (store) {
            Reply done = finished(invoice);
            if (done != null) {
                return done;
            }
            if ("abandon".equals(action)) {
                return Reply.seeOther(links.failure(invoice));
            }
            EmulatedPaymentMethod method = chosenMethod(invoice, form.get("method"));
            if (method == null) {
                return Reply.seeOther(req.path());
            }
            Map<String, String> errors = new LinkedHashMap<>();
            JsonObjectBuilder payer = Json.object();
            JsonObjectBuilder extra = Json.object();
            for (String field : method.requiredFields()) {
                String value = form.get(field);
                if (value == null || value.isBlank()) {
                    errors.put(field, "This value should not be blank.");
                } else if (PAYER_KEYS.contains(field)) {
                    payer.add(field, value.trim());
                } else {
                    extra.add(field, value.trim());
                }
            }
            CardOnFile card = null;
            if (method.isCard() && invoice.payment == null) {
                JsonObject cardJson = Json.object().add("pan", form.getOrDefault("pan", ""))
                        .add("expirationDate", form.getOrDefault("expirationDate", ""))
                        .add("cvv", form.getOrDefault("cvv", "")).add("holderName", form.getOrDefault("holderName", ""))
                        .build();
                card = CheckoutEndpoints.checkCard(cardJson, invoice.id);
                if (card == null) {
                    errors.putAll(errorTexts(cardJson));
                }
            }
            if (!errors.isEmpty()) {
                return Reply.html(422, PageViews.payForm(invoice, method, form, errors, req.path()));
            }
            Payment p = invoice.payment;
            if (p == null) {
                if (card != null) {
                    card = withOutcome(card, action);
                }
                p = flow.start(invoice, method, payer.add("extraFields", extra).build(), card, null);
            }
            if (!p.isFinal() && !method.isCard()) {
                p.step = Payment.Step.BANK;
                switch (action) {
                    case "pay" -> flow.accept(p);
                    case "fail" -> flow.fail(p, PaymentFlow.DECLINED_BY_BANK);
                    default -> {
                        return Reply.seeOther(links.bank(p));
                    }
                }
            }
            return next(p);
        }
    }

    /** The tester's button beats the card: "challenge" asks for 3-D Secure, "fail" declines. */
    private static CardOnFile withOutcome(CardOnFile card, String action) {
        CardOnFile.Outcome outcome = switch (action) {
            case "challenge" -> CardOnFile.Outcome.THREE_D_SECURE;
            case "fail" -> CardOnFile.Outcome.DECLINED;
            default -> card.outcome();
        };
        return new CardOnFile(card.invoiceId(), card.bin(), card.lastDigits(), card.holderName(), outcome,
                card.expiresAt());
    }

    private static Map<String, String> errorTexts(JsonObject cardJson) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonObject message = Json.obj(Json.parseObject(CheckoutEndpoints.cardErrorsJson(cardJson)), "message");
        if (message != null) {
            message.forEach((k, v) -> out.put(k, v.asJsonArray().getString(0)));
        }
        return out;
    }

    private Reply next(Payment p) {
        if (p.state == Payment.ACCEPTED) {
            return Reply.seeOther(links.success(p.invoice));
        }
        if (p.state == Payment.FAILED) {
            return Reply.seeOther(links.failure(p.invoice));
        }
        return switch (p.step) {
            case THREE_D_SECURE -> Reply.html(200, PageViews.redirectToAcs(p, links));
            case BANK -> Reply.seeOther(links.bank(p));
            default -> Reply.seeOther(links.hostedPage(p.invoice));
        };
    }

    private Reply acs(Req req, Matcher m) {
        Map<String, String> form = req.form();
        Payment p = store.payment(form.get("MD"));
        if (p == null) {
            return Reply.html(404, PageViews.notFound("No payment waits for 3-D Secure under this MD."));
        }
        synchronized (store) {
            String termUrl = form.getOrDefault("TermUrl", links.threeDsResult());
            return Reply.html(200, PageViews.acs(p, termUrl));
        }
    }

    private Reply threeDsResult(Req req, Matcher m) {
        Map<String, String> form = req.form();
        Payment p = store.payment(form.get("MD"));
        if (p == null) {
            return Reply.html(404, PageViews.notFound("No payment waits for 3-D Secure under this MD."));
        }
        synchronized (store) {
            if (!p.isFinal()) {
                if ("pass".equals(form.get("action"))) {
                    flow.accept(p);
                } else {
                    flow.fail(p, TestCards.THREE_D_SECURE_FAILED_MESSAGE);
                }
            }
            return next(p);
        }
    }

    private Reply bank(Req req, Matcher m) {
        Payment p = store.payment(m.group(1));
        if (p == null) {
            return Reply.html(404, PageViews.notFound("No transfer " + m.group(1) + "."));
        }
        synchronized (store) {
            return p.isFinal() ? next(p) : Reply.html(200, PageViews.bank(p, req.path()));
        }
    }

    private Reply bankDecision(Req req, Matcher m) {
        Payment p = store.payment(m.group(1));
        if (p == null) {
            return Reply.html(404, PageViews.notFound("No transfer " + m.group(1) + "."));
        }
        synchronized (store) {
            if (!p.isFinal()) {
                if ("pay".equals(req.form().get("action"))) {
                    flow.accept(p);
                } else {
                    flow.fail(p, PaymentFlow.DECLINED_BY_BANK);
                }
            }
            return next(p);
        }
    }
}
