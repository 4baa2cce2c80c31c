package io.github.payop4j.reliability;

import java.util.List;
import java.util.Map;

/**
 * Forwarding headers a stranger sends to pass for Payop's address (or for the shop's own proxy):
 * every spelling a naive endpoint believes. Only the socket peer counts, unless it is a
 * configured trusted proxy.
 */
final class SpoofedHeaders {

    private static final String PAYOP = Suite.PAYOP_SOURCE;
    private static final String PROXY = Suite.SHOP_PROXY;

    static final List<Map<String, List<String>>> ALL = List.of(
            Map.of("X-Forwarded-For", List.of(PAYOP)),
            Map.of("X-Forwarded-For", List.of(PAYOP + ", " + PROXY)),
            Map.of("X-Forwarded-For", List.of(PROXY)),
            Map.of("X-Forwarded-For", List.of(PAYOP, PROXY)),
            Map.of("X-Forwarded-For", List.of("::ffff:" + PAYOP)),
            Map.of("X-Forwarded-For", List.of("18.199.249.46")), // one of Payop's documented addresses
            Map.of("Forwarded", List.of("for=" + PAYOP)),
            Map.of("Forwarded", List.of("for=\"" + PAYOP + ":4711\";by=" + PROXY)),
            Map.of("Forwarded", List.of("for=" + PAYOP + ", for=" + PROXY)),
            Map.of("Forwarded", List.of("for=\"[::ffff:" + PAYOP + "]\"")),
            Map.of("X-Real-IP", List.of(PAYOP)),
            Map.of("X-Forwarded-For", List.of(PAYOP), "Forwarded", List.of("for=" + PAYOP),
                    "X-Real-IP", List.of(PAYOP)),
            Map.of("X-Client-IP", List.of(PAYOP), "True-Client-IP", List.of(PAYOP),
                    "CF-Connecting-IP", List.of(PAYOP)));

    private SpoofedHeaders() {
    }
}
