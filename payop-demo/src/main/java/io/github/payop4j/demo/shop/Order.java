package io.github.payop4j.demo.shop;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order as the shop stores it. Amounts are decimal strings; sums are exact ({@link BigDecimal}).
 *
 * @param paidBy the Payop transaction that paid it, or {@code null}
 * @param failure Payop's reason for the last failed attempt, or {@code null}
 * @param review an IPN anomaly about this order that a person should look at, or {@code null}
 */
public record Order(String id, String customerEmail, String customerName, String currency, String total,
        OrderStatus status, String paidBy, String failure, String review, Instant createdAt, List<OrderLine> lines,
        List<Refund> refunds) {

    public Order {
        lines = List.copyOf(lines);
        refunds = List.copyOf(refunds);
    }

    /** Not paid yet: the customer may (try to) pay it. */
    public boolean payable() {
        return status != OrderStatus.PAID;
    }

    /** What Payop confirmed as refunded. */
    public String refunded() {
        return sum(refunds.stream().filter(Refund::accepted).toList()).toPlainString();
    }

    /** What the back office may still refund: the total less accepted and open refunds. */
    public String refundable() {
        if (status != OrderStatus.PAID) {
            return "0.00";
        }
        BigDecimal open = sum(refunds.stream().filter(r -> !r.rejected()).toList());
        return new BigDecimal(total).subtract(open).max(BigDecimal.ZERO).setScale(2).toPlainString();
    }

    /** What a customer reads. */
    public String label() {
        return switch (status) {
            case NEW -> "Awaiting payment";
            case PENDING -> "Payment in progress";
            case FAILED -> "Payment failed";
            case PAID -> {
                BigDecimal refunded = new BigDecimal(refunded());
                if (refunded.signum() == 0) {
                    yield "Paid";
                }
                yield refunded.compareTo(new BigDecimal(total)) >= 0 ? "Refunded" : "Partially refunded";
            }
        };
    }

    /**
     * Refuses a refund the back office may not send: not paid, more than is left, or finer than
     * cents (the shop's sums keep two decimals; Payop would take "1.005").
     */
    public void checkRefund(BigDecimal amount) {
        if (paidBy == null) {
            throw new IllegalArgumentException("Order " + id + " is not paid, so there is nothing to refund.");
        }
        if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("A refund is a positive amount in " + currency
                    + " with at most two decimals, not " + amount.toPlainString() + ".");
        }
        if (amount.compareTo(new BigDecimal(refundable())) > 0) {
            throw new IllegalArgumentException("At most " + refundable() + " " + currency + " of order " + id
                    + " can still be refunded.");
        }
    }

    /** A CSS-friendly word for {@link #label()}. */
    public String labelClass() {
        return label().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }

    private static BigDecimal sum(List<Refund> list) {
        return list.stream().map(r -> new BigDecimal(r.amount())).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
