package io.github.payop4j;

import io.github.payop4j.withdrawal.WithdrawalCertificate;
import java.net.URI;

/** The validated configuration of one client, filled by {@link PayopClient.Builder}. Holds secrets: no toString. */
final class ClientSettings {
    String publicKey;
    String secretKey;
    String jwtToken;
    String projectId;
    URI apiUrl = PayopClient.DEFAULT_API_URL;
    URI checkoutUrl = PayopClient.DEFAULT_CHECKOUT_URL;
    RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    String appInfo;
    WithdrawalCertificate certificate;
    java.time.Duration tokenExpiryWarning = PayopClient.DEFAULT_TOKEN_EXPIRY_WARNING;

    /** A snapshot, so that a builder used again cannot change a built client. */
    ClientSettings copy() {
        ClientSettings c = new ClientSettings();
        c.publicKey = publicKey;
        c.secretKey = secretKey;
        c.jwtToken = jwtToken;
        c.projectId = projectId;
        c.apiUrl = apiUrl;
        c.checkoutUrl = checkoutUrl;
        c.retryPolicy = retryPolicy;
        c.appInfo = appInfo;
        c.certificate = certificate;
        c.tokenExpiryWarning = tokenExpiryWarning;
        return c;
    }
}
