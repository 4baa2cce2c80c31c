package io.github.payop4j.invoice;

import io.github.payop4j.money.Amount;
import io.github.payop4j.money.CurrencyCode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to invoice. Build with {@link #builder()}; {@code orderId}, {@code amount},
 * {@code currency} and {@code payer} are required.
 */
public final class InvoiceRequest {

    private final String orderId;
    private final Amount amount;
    private final CurrencyCode currency;
    private final String description;
    private final List<OrderItem> items;
    private final Payer payer;
    private final CheckoutLanguage language;
    private final String resultUrl;
    private final String failPath;
    private final Integer paymentMethod;
    private final Map<String, Object> metadata;

    private InvoiceRequest(Builder b) {
        this.orderId = require(b.orderId, "orderId");
        if (orderId.isBlank() || orderId.length() > 255) {
            throw new IllegalArgumentException("orderId must be 1 to 255 characters and not blank");
        }
        this.amount = require(b.amount, "amount");
        this.currency = require(b.currency, "currency");
        this.payer = require(b.payer, "payer");
        this.description = b.description;
        this.items = List.copyOf(b.items);
        this.language = b.language;
        this.resultUrl = checkUrl(b.resultUrl, "resultUrl");
        this.failPath = checkUrl(b.failPath, "failPath");
        this.paymentMethod = b.paymentMethod;
        this.metadata = b.metadata == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
    }

    public static Builder builder() {
        return new Builder();
    }

    public String orderId() {
        return orderId;
    }

    public Amount amount() {
        return amount;
    }

    public CurrencyCode currency() {
        return currency;
    }

    public String description() {
        return description;
    }

    public List<OrderItem> items() {
        return items;
    }

    public Payer payer() {
        return payer;
    }

    /** The checkout language, or {@code null} to let Payop choose. */
    public CheckoutLanguage language() {
        return language;
    }

    public String resultUrl() {
        return resultUrl;
    }

    public String failPath() {
        return failPath;
    }

    /** The preselected payment method id, or {@code null}. */
    public Integer paymentMethod() {
        return paymentMethod;
    }

    /** Merchant metadata echoed back in the IPN, or {@code null}. */
    public Map<String, Object> metadata() {
        return metadata;
    }

    @Override
    public String toString() {
        return "InvoiceRequest[orderId=" + orderId + ", amount=" + amount + ", currency=" + currency
                + ", paymentMethod=" + paymentMethod + "]";
    }

    private static <T> T require(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("InvoiceRequest needs " + name
                    + ": set it with InvoiceRequest.builder()." + name + "(...)");
        }
        return value;
    }

    private static String checkUrl(String url, String name) {
        if (url == null) {
            return null;
        }
        // Template expressions such as {{invoiceId}} are legal here but not in java.net.URI.
        String probe = url.replace("{{invoiceId}}", "x").replace("{{txid}}", "x");
        try {
            URI uri = URI.create(probe);
            if (!uri.isAbsolute() || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                throw new IllegalArgumentException("not absolute");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " \"" + url + "\" is not an absolute http(s) URL;"
                    + " Payop redirects the payer's browser there", e);
        }
        return url;
    }

    /** Collects the invoice's fields; {@link #build()} validates them. */
    public static final class Builder {
        private String orderId;
        private Amount amount;
        private CurrencyCode currency;
        private String description;
        private final List<OrderItem> items = new ArrayList<>();
        private Payer payer;
        private CheckoutLanguage language;
        private String resultUrl;
        private String failPath;
        private Integer paymentMethod;
        private Map<String, Object> metadata;

        private Builder() {
        }

        /** The shop's order id; it is signed and comes back in the IPN. */
        public Builder orderId(String value) {
            this.orderId = value;
            return this;
        }

        public Builder amount(Amount value) {
            this.amount = value;
            return this;
        }

        /** Shorthand for {@code amount(Amount.of(value))}. */
        public Builder amount(String value) {
            return amount(Amount.of(value));
        }

        public Builder currency(CurrencyCode value) {
            this.currency = value;
            return this;
        }

        /** Shorthand for {@code currency(CurrencyCode.of(value))}. */
        public Builder currency(String value) {
            return currency(CurrencyCode.of(value));
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public Builder item(OrderItem item) {
            this.items.add(Objects.requireNonNull(item, "item"));
            return this;
        }

        public Builder items(List<OrderItem> value) {
            this.items.clear();
            value.forEach(this::item);
            return this;
        }

        public Builder payer(Payer value) {
            this.payer = value;
            return this;
        }

        public Builder language(CheckoutLanguage value) {
            this.language = value;
            return this;
        }

        /** Success redirect; may contain {@code {{invoiceId}}} and {@code {{txid}}}. */
        public Builder resultUrl(String value) {
            this.resultUrl = value;
            return this;
        }

        /** Failure redirect; may contain {@code {{invoiceId}}} and {@code {{txid}}}. */
        public Builder failPath(String value) {
            this.failPath = value;
            return this;
        }

        /** Preselects a payment method (required for server-to-server card payments). */
        public Builder paymentMethod(Integer value) {
            this.paymentMethod = value;
            return this;
        }

        /** Strings, whole numbers, BigDecimal, booleans, maps and lists; no floating point. */
        public Builder metadata(Map<String, ?> value) {
            this.metadata = value == null ? null : new LinkedHashMap<>(value);
            return this;
        }

        public InvoiceRequest build() {
            return new InvoiceRequest(this);
        }
    }
}
