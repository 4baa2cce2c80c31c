package io.github.payop4j.jaxrs.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the IPN receiver is to behave: read and validated at deployment, acted on by the IPN part.
 *
 * @param path the servlet path Payop posts IPNs to ({@code payop.ipn.path}), starting with "/"
 * @param allowedIps the addresses IPNs may come from ({@code payop.ipn.allowed-ips}); Payop's
 *     documented addresses by default; {@code any} gives {@code 0.0.0.0/0} and {@code ::/0}
 * @param trustedProxies the reverse proxies whose {@code X-Forwarded-For} is believed
 *     ({@code payop.ipn.trusted-proxies}); empty by default, so the header is ignored
 * @param verifyWithApi whether every IPN is confirmed by reading the transaction from Payop's
 *     API ({@code payop.ipn.verify-with-api}); needs the JWT token
 * @param dataSource the JNDI name of the DataSource that journals IPNs
 *     ({@code payop.ipn.datasource}); empty for the in-memory journal ({@code none})
 */
public record IpnSettings(String path, List<IpRange> allowedIps, List<IpRange> trustedProxies, boolean verifyWithApi,
        Optional<String> dataSource) {

    /** The default servlet path. */
    public static final String DEFAULT_PATH = "/payop/ipn";

    /** The addresses Payop documents as its IPN senders. */
    public static final List<String> PAYOP_IPN_ADDRESSES =
            List.of("18.199.249.46", "35.158.36.143", "3.125.109.58", "3.127.103.117");

    /** The Jakarta EE default DataSource every compatible server provides. */
    public static final String DEFAULT_DATASOURCE = "java:comp/DefaultDataSource";

    public IpnSettings {
        Objects.requireNonNull(path, "path");
        allowedIps = List.copyOf(allowedIps);
        trustedProxies = List.copyOf(trustedProxies);
        Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Whether {@code remoteAddress} may send IPNs. */
    public boolean isAllowedSource(String remoteAddress) {
        return allowedIps.stream().anyMatch(r -> r.contains(remoteAddress));
    }

    /** Whether {@code remoteAddress} is a proxy whose {@code X-Forwarded-For} may be believed. */
    public boolean isTrustedProxy(String remoteAddress) {
        return trustedProxies.stream().anyMatch(r -> r.contains(remoteAddress));
    }

    /** Whether IPNs are journalled in memory only (lost on restart). */
    public boolean inMemoryJournal() {
        return dataSource.isEmpty();
    }
}
