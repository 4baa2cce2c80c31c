package io.github.payop4j.demo.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the customer and the back office read about an order: exact sums, labels that follow the IPNs. */
class OrderTest {

    private static Order order(OrderStatus status, Refund... refunds) {
        return new Order("SO-TEST01", "jane@example.com", "Jane", "EUR", "24.40", status, status == OrderStatus.PAID
                ? "tx-1" : null, null, null, Instant.EPOCH, List.of(new OrderLine("ETH-250", "Ethiopia", 2, "12.20",
                "24.40")), List.of(refunds));
    }

    private static Refund refund(String amount, String status) {
        return new Refund("r-" + amount + status, "SO-TEST01", amount, status, Instant.EPOCH);
    }

    @Test
    void onlyAcceptedRefundsCountAsRefundedAndOpenOnesAreNotRefundableTwice() {
        Order o = order(OrderStatus.PAID, refund("5.00", "ACCEPTED"), refund("3.10", "REQUESTED"),
                refund("2.00", "REJECTED"));
        assertEquals("5.00", o.refunded());
        assertEquals("16.30", o.refundable());
        assertEquals("Partially refunded", o.label());
        assertFalse(o.payable());
    }

    @Test
    void aRefundFinerThanCentsOrLargerThanWhatIsLeftIsRefused() {
        Order o = order(OrderStatus.PAID, refund("5.00", "ACCEPTED"));
        // A refund of 1.005 once reached Payop and the order's refundable() then threw on every page.
        assertTrue(assertThrows(IllegalArgumentException.class, () -> o.checkRefund(new BigDecimal("1.005")))
                .getMessage().contains("at most two decimals"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> o.checkRefund(new BigDecimal("19.41")))
                .getMessage().contains("At most 19.40 EUR"));
        assertThrows(IllegalArgumentException.class, () -> o.checkRefund(BigDecimal.ZERO));
        assertThrows(IllegalArgumentException.class, () -> order(OrderStatus.NEW).checkRefund(BigDecimal.ONE));
        o.checkRefund(new BigDecimal("19.40"));
        o.checkRefund(new BigDecimal("1.500"));
    }

    @Test
    void sumsAreExactDecimals() {
        Order o = order(OrderStatus.PAID, refund("0.10", "ACCEPTED"), refund("0.20", "ACCEPTED"));
        assertEquals("0.30", o.refunded());
        assertEquals("24.10", o.refundable());
    }

    @Test
    void aFullRefundReadsRefundedAndLeavesNothingToRefund() {
        Order o = order(OrderStatus.PAID, refund("24.40", "ACCEPTED"));
        assertEquals("Refunded", o.label());
        assertEquals("0.00", o.refundable());
    }

    @Test
    void anUnpaidOrFailedOrderIsPayableAndHasNothingToRefund() {
        assertTrue(order(OrderStatus.NEW).payable());
        assertTrue(order(OrderStatus.FAILED).payable());
        assertEquals("Payment failed", order(OrderStatus.FAILED).label());
        assertEquals("0.00", order(OrderStatus.FAILED).refundable());
        assertEquals("payment-in-progress", order(OrderStatus.PENDING).labelClass());
    }
}
