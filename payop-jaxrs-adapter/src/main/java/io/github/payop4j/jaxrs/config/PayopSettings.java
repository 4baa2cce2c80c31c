package io.github.payop4j.jaxrs.config;

import io.github.payop4j.PayopClient;
import io.github.payop4j.PayopClientBuilder;
import io.github.payop4j.RetryPolicy;
import io.github.payop4j.invoice.CheckoutLanguage;
import io.github.payop4j.withdrawal.WithdrawalCertificate;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The validated Payop configuration of one deployment, read from MicroProfile Config by
 * {@link PayopConfig}. Immutable; {@link #toString()} hides the secret key and the JWT token.
 *
 * @param publicKey {@code payop.public-key}
 * @param secretKey {@code payop.secret-key}; signs invoices, never sent or shown
 * @param jwtToken {@code payop.jwt-token}; needed for payment methods (direct and card
 *     checkout) and for confirming IPNs with the API
 * @param projectId {@code payop.project-id}; needed to list payment methods
 * @param apiUrl {@code payop.api-url}
 * @param checkoutUrl {@code payop.checkout-url}
 * @param language {@code payop.language}, the hosted page's language
 * @param resultUrl {@code payop.result-url}, where Payop sends the payer after a payment; may
 *     contain {@code {{invoiceId}}} and {@code {{txid}}}
 * @param failUrl {@code payop.fail-url}, where Payop sends the payer after a failure
 * @param connectTimeout {@code payop.http.connect-timeout}
 * @param readTimeout {@code payop.http.read-timeout}
 * @param maxAttempts {@code payop.http.max-attempts}, for requests that are safe to repeat
 * @param cardMethod {@code payop.card-method}, the server-to-server card method used when the
 *     request names none
 * @param withdrawalCertificate {@code payop.withdrawal-certificate}, the X25519 key that mass
 *     withdrawals are sealed to (Base64 of the dashboard's {@code x25519.pub})
 * @param ipn the {@code payop.ipn.*} settings
 */
public record PayopSettings(String publicKey, String secretKey, Optional<String> jwtToken, Optional<String> projectId,
        URI apiUrl, URI checkoutUrl, CheckoutLanguage language, Optional<String> resultUrl, Optional<String> failUrl,
        Duration connectTimeout, Duration readTimeout, int maxAttempts, int cardMethod,
        Optional<WithdrawalCertificate> withdrawalCertificate, IpnSettings ipn) {

    public PayopSettings {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(jwtToken, "jwtToken");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(checkoutUrl, "checkoutUrl");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(resultUrl, "resultUrl");
        Objects.requireNonNull(failUrl, "failUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(withdrawalCertificate, "withdrawalCertificate");
        Objects.requireNonNull(ipn, "ipn");
    }

    /**
     * Whether payment methods can be listed, which direct payments and a card method chosen by
     * the request need: both the JWT token and the project id are set.
     */
    public boolean canListPaymentMethods() {
        return jwtToken.isPresent() && projectId.isPresent();
    }

    /** A builder configured with these settings, for callers that want to add to it. */
    public PayopClientBuilder clientBuilder() {
        PayopClientBuilder b = PayopClient.builder()
                .publicKey(publicKey)
                .secretKey(secretKey)
                .apiUrl(apiUrl)
                .checkoutUrl(checkoutUrl)
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .retryPolicy(RetryPolicy.DEFAULT.withMaxAttempts(maxAttempts))
                .appInfo("payop-jaxrs-adapter");
        jwtToken.ifPresent(b::jwtToken);
        projectId.ifPresent(b::projectId);
        withdrawalCertificate.ifPresent(b::withdrawalCertificate);
        return b;
    }

    /** A new client; the caller closes it. */
    public PayopClient newClient() {
        return clientBuilder().build();
    }

    @Override
    public String toString() {
        return "PayopSettings[publicKey=" + publicKey + ", secretKey=***, jwtToken="
                + (jwtToken.isPresent() ? "***" : "unset") + ", projectId=" + projectId.orElse("unset")
                + ", apiUrl=" + apiUrl + ", checkoutUrl=" + checkoutUrl + ", language=" + language.code()
                + ", resultUrl=" + resultUrl.orElse("unset") + ", failUrl=" + failUrl.orElse("unset")
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", maxAttempts=" + maxAttempts + ", cardMethod=" + cardMethod + ", withdrawalCertificate="
                + withdrawalCertificate.map(c -> "set").orElse("unset") + ", ipn=" + ipn + "]";
    }
}
