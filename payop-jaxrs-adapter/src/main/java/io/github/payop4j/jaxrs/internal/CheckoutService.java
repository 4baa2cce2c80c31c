package io.github.payop4j.jaxrs.internal;

import io.github.payop4j.PayopClient;
import io.github.payop4j.checkout.Card;
import io.github.payop4j.checkout.CardToken;
import io.github.payop4j.checkout.CheckoutRequest;
import io.github.payop4j.checkout.CheckoutResult;
import io.github.payop4j.checkout.NextStep;
import io.github.payop4j.config.PayopSettings;
import io.github.payop4j.config.Setting;
import io.github.payop4j.error.PayopNotFoundException;
import io.github.payop4j.error.PayopOrderPaidException;
import io.github.payop4j.error.PayopPaymentUnderWayException;
import io.github.payop4j.invoice.CreatedInvoice;
import io.github.payop4j.invoice.InvoiceRequest;
import io.github.payop4j.ipn.IpnProcessor;
import io.github.payop4j.jaxrs.PayopOrder;
import io.github.payop4j.jaxrs.PayopOrders;
import io.github.payop4j.method.PayerField;
import io.github.payop4j.method.PaymentMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.UriBuilder;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The three checkout flows over {@link PayopClient}. Amount, currency, description and items
 * always come from {@link PayopOrders#findPayable}; the browser contributes only payer fields, a payment
 * method id and card data, and only after they are checked.
 */
@ApplicationScoped
public class CheckoutService {

    private static final System.Logger LOG = System.getLogger(CheckoutService.class.getName());

    private final PayopClient client;
    private final PayopSettings settings;
    private final PayopOrders orders;
    private final MethodCatalog catalog;
    private final JsonIo json;
    private final Problems problems;
    private final Pages pages;
    /** The IPN pipeline, whose journal records one invoice per order attempt; {@code null} with IPNs off. */
    private final Supplier<IpnProcessor> attempts;

    /** For the CDI proxy only. */
    protected CheckoutService() {
        this.client = null;
        this.settings = null;
        this.orders = null;
        this.catalog = null;
        this.json = null;
        this.problems = null;
        this.pages = null;
        this.attempts = null;
    }

    @Inject
    public CheckoutService(PayopClient client, PayopSettings settings, Instance<PayopOrders> orders,
            Instance<IpnProcessor> processor) {
        // One instance for the service's lifetime: a dependent bean fetched per request would leak.
        this(client, settings, orders.get(), Clock.systemUTC(), settings.ipnEnabled() ? processor::get : null);
    }

    CheckoutService(PayopClient client, PayopSettings settings, PayopOrders orders, Clock clock,
            Supplier<IpnProcessor> attempts) {
        this.client = client;
        this.settings = settings;
        this.orders = orders;
        this.catalog = new MethodCatalog(client.paymentMethods(), settings.paymentMethodsCache(), clock);
        this.json = new JsonIo();
        this.problems = new Problems(json);
        this.pages = new Pages(settings.pagesTemplate().map(PageTemplate::load).orElse(PageTemplate.BUILT_IN),
                settings.pagesStylesheet().orElse(null));
        this.attempts = attempts;
    }

    Problems problems() {
        return problems;
    }

    JsonIo json() {
        return json;
    }

    Pages pages() {
        return pages;
    }

    PayopSettings settings() {
        return settings;
    }

    /** Hosted page: an invoice for the order, answered with the Payop page to send the payer to. */
    URI hostedPage(String orderId, String methodParam, PayerInput browser) {
        PayopOrder order = order(orderId);
        Integer method = null;
        if (methodParam != null && !methodParam.isBlank()) {
            if (!methodParam.trim().matches("[1-9][0-9]{0,8}")) {
                throw CheckoutProblem.invalidField("method", "must be a payment method id, a whole number such as 381");
            }
            method = Integer.valueOf(methodParam.trim());
            if (settings.canListPaymentMethods() && catalog.find(method, order.currency()).isEmpty()) {
                throw CheckoutProblem.invalidField("method", "is not available for this order's currency");
            }
        }
        PayerCheck.Resolved payer = PayerCheck.resolve(order.payer(), browser, List.of(), false, List.of());
        CreatedInvoice invoice = invoiceFor(invoice(order, payer, method), null);
        LOG.log(Level.INFO, "PAYOP4J-1001 Invoice {0} created for order {1} (hosted page)",
                invoice.invoiceId(), order.orderId());
        return invoice.hostedPageUrl();
    }

    /** The methods that accept the order's currency, with the payer fields each needs. */
    String paymentMethods(String orderId) {
        PayopOrder order = order(orderId);
        requireMethodList("Choosing a payment method in the shop");
        JsonArrayBuilder out = json.builders().createArrayBuilder();
        for (PaymentMethod m : catalog.forCurrency(order.currency())) {
            out.add(method(m));
        }
        return json.write(out.build());
    }

    /** Direct integration: invoice with the payer's fields, then the checkout transaction. */
    String direct(String orderId, InputStream body, String remoteAddress, URI baseUri) {
        PayopOrder order = order(orderId);
        Bodies.Direct request = Bodies.direct(json.readObject(body));
        requireMethodList("Direct payments");
        List<FieldError> errors = new ArrayList<>(request.errors());
        if (request.paymentMethod() == null) {
            if (errors.stream().noneMatch(e -> e.name().equals("paymentMethod"))) {
                errors.add(new FieldError("paymentMethod", "is required: choose one of the order's payment methods"));
            }
            throw CheckoutProblem.invalidFields(errors);
        }
        PaymentMethod method = catalog.find(request.paymentMethod(), order.currency()).orElse(null);
        if (method == null || method.requiresCardToken()) {
            errors.add(0, new FieldError("paymentMethod", method == null ? "is not available for this order's currency"
                    : "is a card method: pay by card through the card endpoint or the hosted page"));
            throw CheckoutProblem.invalidFields(errors);
        }
        PayerCheck.Resolved payer = PayerCheck.resolve(order.payer(), request.payer(), method.fields(), true, errors);
        // As Payop's direct flow documents: the method goes on the checkout, not on the invoice.
        CreatedInvoice invoice = invoiceFor(invoice(order, payer, null), baseUri);
        LOG.log(Level.INFO, "PAYOP4J-1002 Invoice {0} created for order {1} (direct, method {2})",
                invoice.invoiceId(), order.orderId(), String.valueOf(method.id()));
        CheckoutRequest checkout = CheckoutRequest.of(invoice.invoiceId(),
                payer.toCustomer(remoteAddress, PayerCheck.lists(method.fields(), "phone")),
                continueUrl(baseUri, invoice.invoiceId())).paymentMethod(method.id());
        return started(invoice, client.checkout().createTransaction(checkout), payer, baseUri, List.of());
    }

    /** Server-to-server card payment: invoice with a card method, card token, checkout transaction. */
    String card(String orderId, InputStream body, String remoteAddress, URI baseUri) {
        PayopOrder order = order(orderId);
        Bodies.CardPayment request = Bodies.card(json.readObject(body));
        List<FieldError> errors = new ArrayList<>(request.errors());
        PaymentMethod known = cardMethod(request.paymentMethod(), order, errors);
        int method = known == null ? settings.cardMethod() : known.id();
        List<PayerField> fields = known == null ? List.of() : known.fields();
        PayerCheck.Resolved payer = PayerCheck.resolve(order.payer(),
                new PayerInput(request.email(), request.name(), null, null), fields, true, errors);
        Card card = new Card(request.pan(), request.expirationDate(), request.cvv(), request.holderName());
        List<String> cardValues = new ArrayList<>(List.of(request.pan(), request.cvv(), request.expirationDate(),
                request.holderName()));
        try {
            CreatedInvoice invoice = invoiceFor(invoice(order, payer, method), baseUri);
            LOG.log(Level.INFO, "PAYOP4J-1003 Invoice {0} created for order {1} (card, method {2})",
                    invoice.invoiceId(), order.orderId(), String.valueOf(method));
            CardToken token = client.checkout().createCardToken(invoice.invoiceId(), card);
            cardValues.add(token.token());
            CheckoutRequest checkout = CheckoutRequest.of(invoice.invoiceId(),
                    payer.toCustomer(remoteAddress, PayerCheck.lists(fields, "phone")),
                    continueUrl(baseUri, invoice.invoiceId())).paymentMethod(method).cardToken(token);
            return started(invoice, client.checkout().createTransaction(checkout), payer, baseUri, cardValues);
        } catch (RuntimeException e) {
            throw new CardDataFailure(e, cardValues);
        }
    }

    /** Where the payer should go now; an invoice Payop does not know is a 404. */
    StepView nextStep(String invoiceId) {
        if (invoiceId == null || !invoiceId.matches("[A-Za-z0-9._~-]{1,100}")) {
            throw CheckoutProblem.unknownInvoice();
        }
        NextStep step;
        try {
            step = client.checkout().checkInvoiceStatus(invoiceId);
        } catch (PayopNotFoundException e) {
            throw CheckoutProblem.unknownInvoice();
        }
        StepView view = StepView.of(step, invoiceId, settings);
        if (view.type().equals("unknown")) {
            LOG.log(Level.WARNING, "PAYOP4J-1004 Payop answered an invoice status the documented rules do not cover"
                    + " for invoice {0}: {1}; the payer is asked to wait", invoiceId, step);
        }
        return view;
    }

    /**
     * The card method: the one the request names if the project offers it for cards in the
     * order's currency, else {@code payop.card-method}. Without the method list (no JWT token or
     * project id) only the configured method is accepted, and its fields are unknown. A refused
     * method is added to {@code errors}.
     */
    private PaymentMethod cardMethod(Integer requested, PayopOrder order, List<FieldError> errors) {
        if (errors.stream().anyMatch(e -> e.name().equals("paymentMethod"))) {
            return null;
        }
        int wanted = requested == null ? settings.cardMethod() : requested;
        if (!settings.canListPaymentMethods()) {
            if (wanted != settings.cardMethod()) {
                errors.add(new FieldError("paymentMethod", "is not accepted; this shop takes cards with method "
                        + settings.cardMethod()));
            }
            return null;
        }
        Optional<PaymentMethod> m = catalog.find(wanted, order.currency()).filter(PaymentMethod::requiresCardToken);
        if (m.isEmpty()) {
            errors.add(new FieldError("paymentMethod", "is not a card method available for this order's currency"));
            return null;
        }
        return m.get();
    }

    private void requireMethodList(String what) {
        if (!settings.canListPaymentMethods()) {
            LOG.log(Level.WARNING, "PAYOP4J-1005 " + what + " need the payment method list: set "
                    + Setting.JWT_TOKEN.key() + " and " + Setting.PROJECT_ID.key());
            throw CheckoutProblem.notEnabled(what + " are not enabled in this shop; use the hosted payment page.");
        }
    }

    private PayopOrder order(String orderId) {
        if (orderId == null || orderId.isBlank() || orderId.length() > 255) {
            throw CheckoutProblem.unknownOrder();
        }
        Optional<PayopOrder> order = orders.findPayable(orderId);
        if (order == null || order.isEmpty()) {
            throw CheckoutProblem.unknownOrder();
        }
        return order.get();
    }

    /**
     * One invoice per order attempt (with IPNs on, the journal records them): a second "Pay" reuses
     * the order's open invoice. A direct or card payment starts a checkout transaction on it, and
     * Payop takes one per invoice: when the reused invoice has one under way already (the payer's
     * other tab, a 3-D Secure step), the payer is told to continue that one (409) instead of
     * paying the order a second time.
     */
    private CreatedInvoice invoiceFor(InvoiceRequest request, URI startsTransactionAt) {
        if (attempts == null) {
            return client.invoices().create(request);
        }
        try {
            return startsTransactionAt == null ? attempts.get().invoiceFor(request)
                    : attempts.get().invoiceForTransaction(request);
        } catch (PayopOrderPaidException e) {
            LOG.log(Level.WARNING, "PAYOP4J-1008 Checkout of order {0} refused: it was paid by transaction {1}",
                    request.orderId(), e.transactionId());
            throw CheckoutProblem.of(409, "order-paid", "Order already paid", "This order has been paid already.");
        } catch (PayopPaymentUnderWayException e) {
            LOG.log(Level.INFO, "PAYOP4J-1009 Invoice {0} of order {1} has a payment under way; not starting another",
                    e.invoiceId(), request.orderId());
            throw CheckoutProblem.of(409, "payment-under-way", "Payment under way",
                    "A payment of this order is under way: continue it at "
                            + continueUrl(startsTransactionAt, e.invoiceId()) + ", or wait until it fails.");
        }
    }

    private InvoiceRequest invoice(PayopOrder order, PayerCheck.Resolved payer, Integer method) {
        return InvoiceRequest.builder()
                .orderId(order.orderId())
                .amount(order.amount())
                .currency(order.currency())
                .description(order.description())
                .items(order.items())
                .payer(payer.toPayer())
                .language(settings.language())
                .resultUrl(settings.resultUrl().orElse(null))
                .failPath(settings.failUrl().orElse(null))
                .paymentMethod(method)
                .build();
    }

    private String started(CreatedInvoice invoice, CheckoutResult result, PayerCheck.Resolved payer, URI baseUri,
            List<String> cardValues) {
        if (!result.success()) {
            String message = result.message();
            for (String v : cardValues) {
                message = v == null || v.length() < 3 ? message : message.replace(v, "[redacted]");
            }
            LOG.log(Level.WARNING, "PAYOP4J-1006 Payop did not accept the checkout transaction of invoice {0}: {1}",
                    invoice.invoiceId(), message);
            throw CheckoutProblem.of(502, "provider-rejected", "Payment provider rejected the request",
                    "The payment provider did not accept the payment. Please try another payment method.");
        }
        LOG.log(Level.INFO, "PAYOP4J-1007 Checkout transaction {0} created for invoice {1}",
                result.transactionId(), invoice.invoiceId());
        JsonObjectBuilder out = json.builders().createObjectBuilder()
                .add("invoiceId", invoice.invoiceId())
                .add("next", stepUrl(baseUri, invoice.invoiceId(), "next-step").toString())
                .add("continue", continueUrl(baseUri, invoice.invoiceId()));
        if (result.transactionId() == null) {
            out.addNull("transactionId");
        } else {
            out.add("transactionId", result.transactionId());
        }
        // Which payer was used, field by field ("order" or "browser"); values stay out of the answer.
        JsonObjectBuilder sources = json.builders().createObjectBuilder();
        payer.sources().forEach(sources::add);
        JsonObjectBuilder used = json.builders().createObjectBuilder();
        putOrNull(used, "email", payer.maskedEmail());
        out.add("payer", used.add("sources", sources));
        return json.write(out.build());
    }

    private JsonObject method(PaymentMethod m) {
        JsonArrayBuilder fields = json.builders().createArrayBuilder();
        for (PayerField f : m.fields()) {
            JsonObjectBuilder fb = json.builders().createObjectBuilder().add("name", f.name());
            putOrNull(fb, "type", f.type());
            putOrNull(fb, "title", f.title());
            fields.add(fb.add("required", f.required()).add("extraField", f.isExtraField()));
        }
        JsonObjectBuilder b = json.builders().createObjectBuilder().add("id", m.id());
        putOrNull(b, "title", m.title());
        putOrNull(b, "type", m.type());
        putOrNull(b, "formType", m.formType());
        putOrNull(b, "logo", m.logo());
        // Card methods need the card endpoint (PCI DSS) or the hosted page; the rest go direct.
        return b.add("flow", m.requiresCardToken() ? "card" : "direct").add("fields", fields).build();
    }

    private static void putOrNull(JsonObjectBuilder b, String name, String value) {
        if (value == null) {
            b.addNull(name);
        } else {
            b.add(name, value);
        }
    }

    static String continueUrl(URI baseUri, String invoiceId) {
        return stepUrl(baseUri, invoiceId, "continue").toString();
    }

    private static URI stepUrl(URI baseUri, String invoiceId, String step) {
        return UriBuilder.fromUri(baseUri).path(InvoiceResource.PATH).path(step).build(invoiceId);
    }
}
