package io.github.payop4j.demo.shop;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** What the shop sells. Prices are exact decimal strings in {@link #CURRENCY}. */
@ApplicationScoped
public class Catalogue {

    public static final String SHOP_NAME = "Loopback Roasters";
    public static final String CURRENCY = "EUR";

    /**
     * One product.
     *
     * @param hue the colour of its card (0-359), the demo's stand-in for a photo
     */
    public record Product(String sku, String name, String description, String price, int hue) {

        /** The exact price of {@code quantity} of these. */
        public String times(int quantity) {
            return new BigDecimal(price).multiply(BigDecimal.valueOf(quantity)).toPlainString();
        }
    }

    private static final List<Product> PRODUCTS = List.of(
            new Product("ETH-250", "Ethiopia Yirgacheffe", "Washed, 250 g. Jasmine, bergamot, lemon curd.", "12.90", 28),
            new Product("COL-250", "Colombia Huila", "Washed, 250 g. Red apple, panela, cocoa.", "11.50", 8),
            new Product("ESP-1000", "House espresso blend", "1 kg. Dark chocolate, hazelnut, long finish.", "34.00", 350),
            new Product("PER-250", "Peru decaf", "Swiss water, 250 g. Caramel and toasted almond.", "10.90", 200),
            new Product("V60-KIT", "Pour-over kit", "Dripper, 40 filters and a glass server.", "29.95", 160),
            new Product("CUP-01", "Stoneware cup", "Hand-thrown, 180 ml.", "8.00", 260));

    public List<Product> products() {
        return PRODUCTS;
    }

    public Optional<Product> find(String sku) {
        return PRODUCTS.stream().filter(p -> p.sku().equals(sku)).findFirst();
    }
}
