package io.github.payop4j.demo.shop;

import java.time.Instant;

/**
 * A refund the back office asked Payop for.
 *
 * @param status REQUESTED until Payop's refund IPN says NEW, ACCEPTED or REJECTED
 */
public record Refund(String id, String orderId, String amount, String status, Instant createdAt) {

    public boolean accepted() {
        return status.equals("ACCEPTED");
    }

    public boolean rejected() {
        return status.equals("REJECTED");
    }
}
