package io.github.payop4j.invoice;

import io.github.payop4j.money.Amount;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A line of the order shown to the payer.
 *
 * @param id the shop's item id
 * @param name what the payer sees
 * @param price unit price as a plain decimal string, or {@code null}
 */
public record OrderItem(String id, String name, String price) {

    // Compiled once: String.matches compiles its pattern on every call.
    private static final Pattern PRICE = Pattern.compile("(0|[1-9][0-9]{0,17})(\\.[0-9]{1,8})?");

    public OrderItem {
        Objects.requireNonNull(id, "item id");
        Objects.requireNonNull(name, "item name");
        if (price != null && !PRICE.matcher(price).matches()) {
            throw new IllegalArgumentException("Invalid price \"" + price + "\" for item " + id
                    + ": use a plain non-negative decimal such as \"0.90\"");
        }
    }

    public static OrderItem of(String id, String name, Amount price) {
        return new OrderItem(id, name, price.value());
    }
}
