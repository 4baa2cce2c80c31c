package io.github.payop4j.testkit.internal;

import io.github.payop4j.testkit.EmulatedPaymentMethod;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The emulator's configuration, fixed at build time. Holds the emulated project's secrets (they
 * are test credentials, generated per emulator), so it has no {@code toString}.
 *
 * @param ipnRetrySchedule the waits between attempts: {@code n} entries allow {@code n + 1} attempts
 * @param lateAcceptance when set, a payment that succeeds first fails (and its IPN is acknowledged),
 *     then is accepted after this delay: Payop's documented "failed, then accepted"
 * @param settleDelay how long refunds and payouts stay new/pending before they are decided; zero
 *     decides them at once
 */
public record Settings(int port, String publicKey, String secretKey, String jwtToken, String projectId,
        byte[] payoutSecretKey, byte[] payoutPublicKey, List<EmulatedPaymentMethod> methods, boolean cardTokenization,
        Map<String, String> openingBalances, String ipnSource, URI ipnUrl, List<Duration> ipnRetrySchedule,
        int ipnRepeats, Duration ipnDelay, boolean ipnOutOfOrder, Duration lateAcceptance, Duration settleDelay,
        Duration ipnTimeout) {

    public EmulatedPaymentMethod method(Integer id) {
        if (id == null) {
            return null;
        }
        return methods.stream().filter(m -> m.identifier() == id).findFirst().orElse(null);
    }

    /** The method a card payment uses when the invoice names none: the first card method. */
    public EmulatedPaymentMethod cardMethod() {
        return methods.stream().filter(EmulatedPaymentMethod::isCard).findFirst().orElse(null);
    }
}
