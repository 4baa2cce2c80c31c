package io.github.payop4j.internal.ipn;

import static io.github.payop4j.internal.json.JsonFields.code;
import static io.github.payop4j.internal.json.JsonFields.object;
import static io.github.payop4j.internal.json.JsonFields.text;

import io.github.payop4j.internal.json.JsonCodec;
import io.github.payop4j.internal.json.JsonFields;
import io.github.payop4j.internal.json.StrictJsonReader;
import io.github.payop4j.ipn.IpnKind;
import io.github.payop4j.ipn.IpnState;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Reads the three IPN shapes, tolerantly where Payop varies (numbers or strings, PHP's
 * {@code []} for an empty object, unknown fields) and strictly where a wrong value would be
 * dangerous (ids, state, amount, and any key written twice: see {@link StrictJsonReader}).
 * Never throws: anything unusable is a {@link Parsed#error()}.
 */
public final class IpnParser {

    /** IPNs nest four levels; merchant metadata a few more. Deeper is hostile. */
    static final int MAX_DEPTH = 64;
    private static final Pattern ID = Pattern.compile("[\\x21-\\x7e]{1,128}");
    private static final Pattern ORDER_ID = Pattern.compile("[^\\p{Cntrl}\\p{Cs}]{1,255}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Za-z0-9]{2,10}");

    private final StrictJsonReader json;

    public IpnParser(JsonCodec json) {
        this.json = new StrictJsonReader(json, MAX_DEPTH);
    }

    /**
     * The body as text, or {@code null} if it is not UTF-8. JSON-P decoders replace bad bytes
     * silently, and a body that is not UTF-8 is not Payop's, so the decoder reports them. Most
     * bodies are ASCII (PHP's {@code json_encode} escapes other characters unless told not to),
     * and ASCII is taken as is: one exact allocation instead of a decoder, a char buffer and a copy.
     */
    static String utf8(byte[] body) {
        boolean ascii = true;
        for (byte b : body) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(body, StandardCharsets.US_ASCII);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** A notification, or the reason the body is not one. */
    public record Parsed(Notification notification, String error) {
        static Parsed error(String why) {
            return new Parsed(null, why);
        }
    }

    public Parsed parse(byte[] body) {
        if (body.length == 0) {
            return Parsed.error("empty body");
        }
        String text = utf8(body);
        if (text == null) {
            return Parsed.error("invalid UTF-8");
        }
        JsonValue root;
        try {
            // One pass: syntax, duplicate keys and depth (the streaming parser never recurses).
            root = json.read(text);
        } catch (StrictJsonReader.RefusedException e) {
            return Parsed.error(e.getMessage());
        } catch (RuntimeException e) { // JsonException, JsonParsingException, provider quirks
            return Parsed.error("not JSON");
        }
        if (!(root instanceof JsonObject o)) {
            return Parsed.error("not a JSON object");
        }
        try {
            return read(o, text);
        } catch (RuntimeException e) { // a provider throwing on an odd number, say
            return Parsed.error("unreadable field values");
        }
    }

    private Parsed read(JsonObject root, String text) {
        JsonObject tx = object(root, "transaction");
        if (tx == null) {
            return Parsed.error("no transaction object");
        }
        IpnKind kind;
        String id;
        if (tx.containsKey("refundId")) {
            kind = IpnKind.REFUND;
            id = idText(tx.get("refundId"));
        } else if (tx.containsKey("withdrawalId")) {
            kind = IpnKind.WITHDRAWAL;
            id = idText(tx.get("withdrawalId"));
        } else if (tx.containsKey("id")) {
            kind = IpnKind.CHECKOUT;
            id = idText(tx.get("id"));
        } else {
            return Parsed.error("no transaction.id, refundId or withdrawalId");
        }
        if (id == null || !ID.matcher(id).matches()) {
            return Parsed.error("invalid " + kind.name().toLowerCase(java.util.Locale.ROOT) + " id");
        }
        Integer stateCode = code(tx, "state");
        if (stateCode == null) {
            return Parsed.error("missing or invalid transaction.state");
        }
        String error = errorMessage(tx.get("error"));
        IpnState state = IpnState.of(kind, stateCode, error);

        String invoiceId = null;
        String orderId = null;
        String sourceTx = null;
        String amount = null;
        String currency = null;
        if (kind == IpnKind.CHECKOUT) {
            JsonValue invoiceValue = root.get("invoice");
            JsonObject invoice = object(invoiceValue);
            if (invoiceValue != null && invoiceValue != JsonValue.NULL && invoice == null) {
                return Parsed.error("invoice is not an object");
            }
            invoiceId = invoice == null ? null : idText(invoice.get("id"));
            if (invoice != null && invoice.containsKey("id") && (invoiceId == null || !ID.matcher(invoiceId).matches())) {
                return Parsed.error("invalid invoice id");
            }
            String txid = invoice == null ? null : idText(invoice.get("txid"));
            if (txid != null && !txid.isBlank() && !txid.equals(id)) {
                return Parsed.error("invoice.txid differs from transaction.id");
            }
            JsonObject order = object(tx, "order");
            orderId = order == null ? null : idText(order.get("id"));
            if (order != null && order.containsKey("id") && order.get("id") != JsonValue.NULL && orderId == null) {
                return Parsed.error("invalid order id");
            }
            if (orderId != null && (orderId.isBlank() || !ORDER_ID.matcher(orderId).matches())) {
                return Parsed.error("invalid order id");
            }
        } else {
            JsonValue rawAmount = tx.get("amount");
            if (rawAmount != null && rawAmount != JsonValue.NULL) {
                amount = Decimals.normalize(decimalText(rawAmount));
                if (amount == null) {
                    return Parsed.error("invalid amount");
                }
            }
            JsonValue rawCurrency = tx.get("currency");
            currency = rawCurrency instanceof JsonString cs ? cs.getString().trim() : null;
            boolean currencyPresent = rawCurrency != null && rawCurrency != JsonValue.NULL;
            if (currencyPresent && (currency == null || !CURRENCY.matcher(currency).matches())) {
                return Parsed.error("invalid currency");
            }
            if (kind == IpnKind.REFUND) {
                JsonObject source = object(root, "sourceTransaction");
                sourceTx = source == null ? null : idText(source.get("id"));
                if (sourceTx != null && !ID.matcher(sourceTx).matches()) {
                    return Parsed.error("invalid sourceTransaction.id");
                }
            }
        }
        return new Parsed(new Notification(kind, id, invoiceId, orderId, sourceTx, stateCode, state, error, amount,
                JsonFields.currencyCode(currency), text), null);
    }

    /**
     * An id: a string as sent, or an integer (PHP sends ids as numbers at times). A fraction,
     * an exponent or more than 20 digits is not an id, whatever the JSON says.
     */
    private static String idText(JsonValue v) {
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonNumber n) {
            String literal = n.toString();
            return literal.matches("-?[0-9]{1,20}") ? literal : null;
        }
        return null;
    }

    /** {@code error.message}, or {@code error} itself when Payop sends a plain string. */
    private static String errorMessage(JsonValue error) {
        String message = error instanceof JsonObject o ? text(o, "message") : text(error);
        if (message == null || message.isBlank()) {
            return null;
        }
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    /** Amount text without expanding exponents (JsonFields would keep "1E+999999999" anyway). */
    private static String decimalText(JsonValue v) {
        if (v instanceof JsonNumber n) {
            return n.toString();
        }
        if (v instanceof JsonString s) {
            String t = s.getString().trim();
            return t.matches("-?[0-9]{1,40}(\\.[0-9]{1,40})?") ? t : null;
        }
        return null;
    }
}
