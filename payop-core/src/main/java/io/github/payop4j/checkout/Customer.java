package io.github.payop4j.checkout;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The payer as the checkout transaction describes them; the values must match the invoice's payer.
 *
 * @param email required
 * @param name required by Payop for checkout
 * @param ip the payer's IP address; without it Payop uses the shop server's address
 * @param extraFields method-specific fields (for example {@code date_of_birth})
 */
public record Customer(String email, String name, String ip, Map<String, String> extraFields) {

    public Customer {
        Objects.requireNonNull(email, "customer email");
        Objects.requireNonNull(name, "customer name");
        extraFields = extraFields == null ? Map.of() : Map.copyOf(extraFields);
    }

    public static Customer of(String email, String name) {
        return new Customer(email, name, null, Map.of());
    }

    public Customer ip(String value) {
        return new Customer(email, name, value, extraFields);
    }

    public Customer field(String field, String value) {
        Map<String, String> more = new LinkedHashMap<>(extraFields);
        more.put(field, value);
        return new Customer(email, name, ip, more);
    }
}
