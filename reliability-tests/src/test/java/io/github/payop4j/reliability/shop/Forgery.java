package io.github.payop4j.reliability.shop;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/** Forged IPNs, made from a real IPN body of the emulator by changing what a forger would change. */
public final class Forgery {

    private Forgery() {
    }

    /** The same IPN claiming "accepted" (state 2, no error) instead of what Payop said. */
    public static byte[] claimAccepted(byte[] body) {
        JsonObject root = read(body);
        JsonObject tx = root.getJsonObject("transaction");
        return write(Json.createObjectBuilder(root).add("transaction", Json.createObjectBuilder(tx).add("state", 2)
                .add("error", Json.createObjectBuilder().add("message", "").add("code", ""))).build());
    }

    /** An "accepted" IPN for an order and invoice of the shop, with a transaction Payop never had. */
    public static byte[] inventedTransaction(byte[] template, String transactionId, String invoiceId, String orderId) {
        JsonObject root = read(claimAccepted(template));
        JsonObject invoice = root.getJsonObject("invoice");
        JsonObject tx = root.getJsonObject("transaction");
        return write(Json.createObjectBuilder(root)
                .add("invoice", Json.createObjectBuilder(invoice).add("id", invoiceId).add("txid", transactionId))
                .add("transaction", Json.createObjectBuilder(tx).add("id", transactionId)
                        .add("order", Json.createObjectBuilder().add("id", orderId)))
                .build());
    }

    private static JsonObject read(byte[] body) {
        return Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8))).readObject();
    }

    private static byte[] write(JsonObject o) {
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }
}
