package io.github.payop4j.demo.shop;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The visitor: cart, the orders placed in this session, and a form token. The demo has no login,
 * so the session stands for the logged-in customer that {@link ShopOrders#findPayable} checks.
 */
@SessionScoped
public class Customer implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, Integer> cart = new LinkedHashMap<>();
    private final List<String> orders = new ArrayList<>();
    private final String formToken;
    private String email = "";
    private String name = "";
    private String currentOrder;
    private String notice;

    public Customer() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        formToken = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Sent with every form and checked on every POST of the shop's own pages. */
    public String formToken() {
        return formToken;
    }

    public synchronized Map<String, Integer> cart() {
        return Map.copyOf(cart);
    }

    public synchronized int itemCount() {
        return cart.values().stream().mapToInt(Integer::intValue).sum();
    }

    public synchronized void add(String sku, int quantity) {
        cart.merge(sku, quantity, (a, b) -> Math.min(99, a + b));
    }

    public synchronized void set(String sku, int quantity) {
        if (quantity <= 0) {
            cart.remove(sku);
        } else {
            cart.put(sku, Math.min(99, quantity));
        }
    }

    public synchronized void placed(String orderId, String email, String name) {
        orders.add(0, orderId);
        cart.clear();
        this.email = email;
        this.name = name;
        currentOrder = orderId;
    }

    public synchronized boolean owns(String orderId) {
        return orderId != null && orders.contains(orderId);
    }

    public synchronized List<String> orders() {
        return List.copyOf(orders);
    }

    /** The order whose page the customer last looked at: where Payop's result URL brings them back. */
    public synchronized String currentOrder() {
        return currentOrder;
    }

    public synchronized void viewing(String orderId) {
        currentOrder = orderId;
    }

    public synchronized String email() {
        return email;
    }

    public synchronized String name() {
        return name;
    }

    /** A one-time message for the next page. */
    public synchronized void notice(String text) {
        notice = text;
    }

    public synchronized String takeNotice() {
        String n = notice;
        notice = null;
        return n;
    }
}
