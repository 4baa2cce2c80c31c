package io.github.payop4j.jaxrs.config;

import io.github.payop4j.ipn.IpnSourcePolicy;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the IPN receiver is to behave: read and validated at deployment, acted on by the IPN part.
 *
 * @param path the servlet path Payop posts IPNs to ({@code payop.ipn.path}), starting with "/"
 * @param sources the addresses IPNs may come from ({@code payop.ipn.allowed-ips}, Payop's
 *     documented addresses by default; {@code any} for every address) and the reverse proxies
 *     whose {@code X-Forwarded-For} is believed ({@code payop.ipn.trusted-proxies}, none by default)
 * @param verifyWithApi whether every IPN is confirmed by reading the transaction from Payop's
 *     API ({@code payop.ipn.verify-with-api}); needs the JWT token
 * @param dataSource the JNDI name of the DataSource that journals IPNs
 *     ({@code payop.ipn.datasource}); empty for the in-memory journal ({@code none})
 */
public record IpnSettings(String path, IpnSourcePolicy sources, boolean verifyWithApi, Optional<String> dataSource) {

    /** The default servlet path. */
    public static final String DEFAULT_PATH = "/payop/ipn";

    /** The addresses Payop documents as its IPN senders. */
    public static final List<String> PAYOP_IPN_ADDRESSES = IpnSourcePolicy.PAYOP_ADDRESSES;

    /** The Jakarta EE default DataSource every compatible server provides. */
    public static final String DEFAULT_DATASOURCE = "java:comp/DefaultDataSource";

    public IpnSettings {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(dataSource, "dataSource");
    }

    /** The allowed addresses and ranges, as configured. */
    public List<String> allowedIps() {
        return sources.allowed();
    }

    /** The trusted proxies, as configured. */
    public List<String> trustedProxies() {
        return sources.trustedProxies();
    }

    /** Whether {@code remoteAddress} may send IPNs. */
    public boolean isAllowedSource(String remoteAddress) {
        return sources.allows(remoteAddress);
    }

    /** Whether {@code remoteAddress} is a proxy whose {@code X-Forwarded-For} may be believed. */
    public boolean isTrustedProxy(String remoteAddress) {
        return sources.isTrustedProxy(remoteAddress);
    }

    /** Whether IPNs are journalled in memory only (lost on restart). */
    public boolean inMemoryJournal() {
        return dataSource.isEmpty();
    }
}
