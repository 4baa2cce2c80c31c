package io.github.payop4j.testkit.internal.api;

import io.github.payop4j.testkit.EmulatedPaymentMethod;
import io.github.payop4j.testkit.Operation;
import io.github.payop4j.testkit.internal.http.Json;
import io.github.payop4j.testkit.internal.http.Reply;
import io.github.payop4j.testkit.internal.http.Req;
import io.github.payop4j.testkit.internal.http.Route;
import io.github.payop4j.testkit.internal.state.InvoiceState;
import io.github.payop4j.testkit.internal.state.Store;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;

/** {@code /v1/invoices} and the project's payment methods. */
public final class InvoiceEndpoints {

    private final Store store;

    public InvoiceEndpoints(Store store) {
        this.store = store;
    }

    public List<Route> routes() {
        return List.of(
                Route.of("POST", "/v1/invoices/create", Operation.CREATE_INVOICE, Route.Auth.PUBLIC, this::create),
                Route.of("GET", "/v1/invoices/([^/]+)", Operation.GET_INVOICE, Route.Auth.PUBLIC, this::get),
                Route.of("GET", "/v1/instrument-settings/payment-methods/available-for-application/([^/]+)",
                        Operation.PAYMENT_METHODS, Route.Auth.JWT, this::methods));
    }

    private Reply create(Req req, Matcher m) {
        JsonObject body = Json.parseObject(req.body());
        if (body == null) {
            return Reply.json(400, Json.message("Invalid JSON in the request body"));
        }
        JsonObject order = Json.obj(body, "order");
        JsonObject payer = Json.obj(body, "payer");
        String orderId = Json.text(order, "id");
        String amount = Json.text(order, "amount");
        String currency = Json.text(order, "currency");
        Validation v = new Validation();
        String publicKey = Json.text(body, "publicKey");
        if (v.required("publicKey", publicKey) && !publicKey.equals(store.settings.publicKey())) {
            v.fail("publicKey", "Project with such public key not found.");
        }
        if (order == null) {
            v.fail("order", Validation.BLANK);
        }
        v.required("order.id", orderId);
        v.amount("order.amount", amount);
        v.currency("order.currency", currency);
        if (order != null && !(order.get("items") instanceof JsonArray) && !(order.get("items") instanceof JsonObject)) {
            v.fail("order.items", "This value should not be null.");
        }
        v.email("payer.email", Json.text(payer, "email"));
        String signature = Json.text(body, "signature");
        v.required("signature", signature);
        if (!v.ok()) {
            return v.reply();
        }
        if (!signatureMatches(signature, amount, currency, orderId)) {
            return Reply.json(422, Json.message("Wrong signature"));
        }
        Integer methodId = number(body.get("paymentMethod"));
        if (body.containsKey("paymentMethod") && body.get("paymentMethod") != JsonValue.NULL) {
            EmulatedPaymentMethod method = store.settings.method(methodId);
            if (method == null || !method.currencies().contains(currency)) {
                return Reply.json(422, Json.message("Method must be enabled to use it"));
            }
        }
        JsonValue items = order.get("items");
        InvoiceState invoice = new InvoiceState(Store.newId(), orderId, amount, currency,
                Json.text(order, "description"), items instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY,
                payer, methodId, language(Json.text(body, "language")), Json.text(body, "resultUrl"),
                Json.text(body, "failPath"), Json.obj(body, "metadata"), Store.now());
        store.add(invoice);
        return Reply.json(Json.envelope(jakarta.json.Json.createValue(invoice.id))).withHeader("identifier", invoice.id);
    }

    /** Payop's rule, checked independently of payop-core: SHA-256 of amount:currency:id:secret, hex. */
    private boolean signatureMatches(String signature, String amount, String currency, String orderId) {
        String payload = amount + ":" + currency + ":" + orderId + ":" + store.settings.secretKey();
        try {
            byte[] expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(payload.getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, signature.trim().toLowerCase(java.util.Locale.ROOT)
                    .getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String language(String requested) {
        if (requested == null || !requested.matches("[A-Za-z]{2}")) {
            return "en";
        }
        return requested.toLowerCase(java.util.Locale.ROOT);
    }

    static Integer number(JsonValue v) {
        if (v instanceof JsonNumber n && n.isIntegral()) {
            return n.intValue();
        }
        if (v instanceof jakarta.json.JsonString s && s.getString().matches("[0-9]{1,9}")) {
            return Integer.valueOf(s.getString());
        }
        return null;
    }

    private Reply get(Req req, Matcher m) {
        InvoiceState invoice = store.invoice(m.group(1));
        if (invoice == null) {
            return Reply.json(404, Json.message("Invoice not found"));
        }
        synchronized (store) {
            return Reply.json(Json.envelope(view(invoice)));
        }
    }

    private JsonObject view(InvoiceState invoice) {
        JsonObjectBuilder b = Json.object()
                .add("identifier", invoice.id)
                .add("status", invoice.status)
                .add("type", 1)
                .add("amount", Json.number(invoice.amount))
                .add("currency", invoice.currency)
                .add("orderIdentifier", invoice.orderId)
                .add("items", invoice.items)
                .add("resultUrl", Json.stringOrNull(invoice.resultUrl))
                .add("failUrl", Json.stringOrNull(invoice.failPath))
                .add("payer", invoice.payer == null ? Json.PHP_EMPTY : invoice.payer);
        EmulatedPaymentMethod method = store.settings.method(invoice.paymentMethod);
        if (method == null) {
            b.add("paymentMethod", JsonValue.NULL);
        } else {
            b.add("paymentMethod", Json.object().add("identifier", method.identifier()).add("formType", method.formType()));
        }
        // The invoice's transaction, as Payop's invoice answer names it (its older reference shows
        // "transactionIdentifier"): how a shop that never got the IPN finds the payment.
        b.add("transactionIdentifier", Json.stringOrNull(invoice.payment == null ? null : invoice.payment.id));
        return b.add("createdAt", invoice.createdAt).build();
    }

    private Reply methods(Req req, Matcher m) {
        if (!m.group(1).equals(store.settings.projectId())) {
            return Reply.json(403, Json.message("Access denied."));
        }
        JsonArrayBuilder data = Json.array();
        for (EmulatedPaymentMethod method : store.settings.methods()) {
            JsonArrayBuilder fields = Json.array();
            for (String field : method.requiredFields()) {
                fields.add(Json.object().add("name", field).add("type", fieldType(field)).add("required", true));
            }
            data.add(Json.object()
                    .add("identifier", method.identifier())
                    .add("type", method.type())
                    .add("formType", method.formType())
                    .add("title", method.title())
                    .add("logo", "https://payop.com/assets/images/payment_methods/" + method.identifier() + ".jpg")
                    .add("parentIdentifier", JsonValue.NULL)
                    .add("pmIdentifier", java.util.UUID.nameUUIDFromBytes(
                            ("method-" + method.identifier()).getBytes(StandardCharsets.UTF_8)).toString())
                    .add("currencies", strings(method.currencies()))
                    .add("countries", strings(method.countries()))
                    .add("config", Json.object().add("fields", fields)));
        }
        return Reply.json(Json.envelope(data.build()));
    }

    static String fieldType(String field) {
        return switch (field) {
            case "email" -> "email";
            case "phone" -> "phone";
            default -> "text";
        };
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder a = Json.array();
        values.forEach(a::add);
        return a;
    }
}
