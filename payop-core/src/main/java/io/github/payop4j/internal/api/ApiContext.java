package io.github.payop4j.internal.api;

import io.github.payop4j.internal.http.Transport;
import io.github.payop4j.internal.json.JsonCodec;
import io.github.payop4j.withdrawal.WithdrawalCertificate;
import jakarta.json.JsonBuilderFactory;
import java.net.URI;

/**
 * What the API groups of one client share. Holds the secret key, so it has no
 * {@code toString} that could print it and is never exposed outside the module.
 */
public final class ApiContext {

    private final Transport transport;
    private final String publicKey;
    private final String secretKey;
    private final String projectId;
    private final URI checkoutBase;
    private final WithdrawalCertificate certificate;

    public ApiContext(Transport transport, String publicKey, String secretKey, String projectId, URI checkoutBase,
            WithdrawalCertificate certificate) {
        this.transport = transport;
        this.publicKey = publicKey;
        this.secretKey = secretKey;
        this.projectId = projectId;
        this.checkoutBase = checkoutBase;
        this.certificate = certificate;
    }

    Transport transport() {
        return transport;
    }

    JsonCodec json() {
        return transport.json();
    }

    JsonBuilderFactory builders() {
        return transport.json().builders();
    }

    String publicKey(String operation) {
        return require(publicKey, operation, "public key", "publicKey", "payop.public-key");
    }

    String secretKey(String operation) {
        return require(secretKey, operation, "secret key", "secretKey", "payop.secret-key");
    }

    String projectId(String operation) {
        return require(projectId, operation, "project id", "projectId", "payop.project-id");
    }

    URI checkoutBase() {
        return checkoutBase;
    }

    WithdrawalCertificate certificate(String operation) {
        if (certificate == null) {
            throw new IllegalStateException("Cannot " + operation + ": no withdrawal certificate is configured."
                    + " Download x25519.pub from Payop (Settings > Certificates) and pass it to"
                    + " PayopClient.builder().withdrawalCertificate(WithdrawalCertificate.fromFile(path)).");
        }
        return certificate;
    }

    private static String require(String value, String operation, String what, String method, String property) {
        if (value == null) {
            throw new IllegalStateException("Cannot " + operation + ": the " + what + " is not configured."
                    + " Set it with PayopClient.builder()." + method + "(...) (or " + property
                    + "); it is in the Payop dashboard under Projects > Details.");
        }
        return value;
    }
}
