package io.github.payop4j.it.webshop;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/** One row of {@code shop_order}. */
public record ShopOrder(String id, String amount, String currency, String email, String status, int paidCount,
        String txId, String refundId, String refundStatus) {

    public String toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", id).add("amount", amount).add("currency", currency)
                .add("email", email).add("status", status).add("paidCount", paidCount);
        put(b, "txId", txId);
        put(b, "refundId", refundId);
        put(b, "refundStatus", refundStatus);
        return b.build().toString();
    }

    private static void put(JsonObjectBuilder b, String name, String value) {
        if (value == null) {
            b.addNull(name);
        } else {
            b.add(name, value);
        }
    }
}
