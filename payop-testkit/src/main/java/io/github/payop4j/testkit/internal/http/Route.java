package io.github.payop4j.testkit.internal.http;

import io.github.payop4j.testkit.Operation;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One endpoint: method, path pattern (groups are path parameters), the operation faults are
 * injected by (null for the hosted pages), and whether Payop requires the JWT there.
 */
public record Route(String method, Pattern path, Operation operation, Auth auth,
        BiFunction<Req, Matcher, Reply> handler) {

    /** Who may call the route. */
    public enum Auth {
        /** No Authorization header needed. */
        PUBLIC,
        /** {@code Authorization: Bearer <jwt>}; 401 with Payop's texts otherwise. */
        JWT,
        /** As {@link #JWT}, with the wallet endpoint's own 401 text. */
        JWT_WALLET
    }

    public static Route of(String method, String regex, Operation operation, Auth auth,
            BiFunction<Req, Matcher, Reply> handler) {
        return new Route(method, Pattern.compile(regex), operation, auth, handler);
    }
}
