package io.github.payop4j.invoice;

import io.github.payop4j.money.Amount;
import java.util.Objects;

/**
 * A line of the order shown to the payer.
 *
 * @param id the shop's item id
 * @param name what the payer sees
 * @param price unit price as a plain decimal string, or {@code null}
 */
public record OrderItem(String id, String name, String price) {

    public OrderItem {
        Objects.requireNonNull(id, "item id");
        Objects.requireNonNull(name, "item name");
        if (price != null && !price.matches("(0|[1-9][0-9]{0,17})(\\.[0-9]{1,8})?")) {
            throw new IllegalArgumentException("Invalid price \"" + price + "\" for item " + id
                    + ": use a plain non-negative decimal such as \"0.90\"");
        }
    }

    public static OrderItem of(String id, String name, Amount price) {
        return new OrderItem(id, name, price.value());
    }
}
