package io.github.payop4j.demo.shop;

/** One line of an order; prices are exact decimal strings. */
public record OrderLine(String sku, String name, int quantity, String unitPrice, String lineTotal) {
}
