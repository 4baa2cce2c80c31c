package io.github.payop4j.internal.ipn;

import io.github.payop4j.internal.json.JsonCodec;
import java.time.Duration;
import java.util.Iterator;
import java.util.ServiceLoader;

/** The checks and look-ups of {@code IpnProcessor.Builder} that need no state of the builder. */
public final class BuilderSupport {

    private BuilderSupport() {
    }

    public static Duration between(Duration value, Duration min, Duration max, String name) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
        }
        return value;
    }

    /** The one implementation of {@code type} registered in {@code META-INF/services}, or {@code null}. */
    public static <T> T single(Class<T> type, ClassLoader loader) {
        Iterator<T> it = ServiceLoader.load(type, loader).iterator();
        if (!it.hasNext()) {
            return null;
        }
        T first = it.next();
        if (it.hasNext()) {
            throw new IllegalStateException("More than one " + type.getName() + " is registered in"
                    + " META-INF/services; keep one");
        }
        return first;
    }

    public static JsonCodec jsonCodec() {
        try {
            return new JsonCodec();
        } catch (RuntimeException e) {
            throw new IllegalStateException("No Jakarta JSON Processing implementation was found. WildFly and"
                    + " Payara provide one; elsewhere add org.eclipse.parsson:parsson to the application.", e);
        }
    }

    /** Said at every start of a processor that does not confirm IPNs: it is the shop's risk to know. */
    public static void warnUnconfirmed(boolean hasOrderLookup) {
        System.getLogger("io.github.payop4j.ipn").log(System.Logger.Level.WARNING,
                "PAYOP-IPN-012 IPNs are not confirmed with the Payop API (no client with a JWT token, or"
                + " payop.ipn.verify-with-api=false): a forged IPN sent from an allowed address would be"
                + " accepted as genuine, payments included" + (hasOrderLookup ? ", and checkout"
                + " IPNs carry no amount to compare with the shop's order" : "") + ". Set a JWT token"
                + " (payop.jwt-token) and leave verification on.");
    }
}
