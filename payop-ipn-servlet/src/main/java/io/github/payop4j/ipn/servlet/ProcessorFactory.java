package io.github.payop4j.ipn.servlet;

import io.github.payop4j.PayopClient;
import io.github.payop4j.PayopClientBuilder;
import io.github.payop4j.RetryPolicy;
import io.github.payop4j.ipn.IpnJournal;
import io.github.payop4j.ipn.IpnProcessor;
import io.github.payop4j.ipn.IpnSourcePolicy;
import java.time.Duration;
import java.util.List;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/** Builds the processor from {@link IpnSettings} when no pre-built one was supplied. */
final class ProcessorFactory {

    private static final System.Logger LOG = System.getLogger("io.github.payop4j.ipn.servlet");

    private ProcessorFactory() {
    }

    /** The processor and the client it owns (to close on undeploy), {@code null} without a token. */
    record Built(IpnProcessor processor, PayopClient client) {
    }

    static Built build(IpnSettings s, ClassLoader loader) {
        String token = s.get(IpnSettings.JWT_TOKEN);
        boolean verify = s.flag(IpnSettings.VERIFY_WITH_API, token != null);
        if (verify && token == null) {
            throw new IllegalStateException(IpnSettings.VERIFY_WITH_API + " is true but " + IpnSettings.JWT_TOKEN
                    + " is not set: IPNs cannot be confirmed with the Payop API without a JWT token");
        }
        IpnSourcePolicy sources = IpnSourcePolicy.builder()
                .allow(s.list(IpnSettings.ALLOWED_IPS, IpnSourcePolicy.PAYOP_ADDRESSES))
                .trustProxies(s.list(IpnSettings.TRUSTED_PROXIES, List.of()))
                .build();
        IpnJournal journal = journal(s);
        PayopClient client = token == null ? null : client(s, token);
        try {
            IpnProcessor.Builder b = client == null ? IpnProcessor.builder() : IpnProcessor.builder(client);
            IpnProcessor processor = b.verifyWithApi(verify)
                    .sources(sources)
                    .journal(journal)
                    .maxBodyBytes(s.integer(IpnSettings.MAX_BODY_BYTES, IpnProcessor.DEFAULT_MAX_BODY_BYTES))
                    .lease(Duration.ofSeconds(s.integer(IpnSettings.LEASE_SECONDS,
                            (int) IpnProcessor.DEFAULT_LEASE.toSeconds())))
                    .discover(loader)
                    .build();
            return new Built(processor, client);
        } catch (RuntimeException e) {
            if (client != null) {
                client.close();
            }
            throw e;
        }
    }

    private static PayopClient client(IpnSettings s, String token) {
        // Payop waits for our answer while we ask its API: keep the call short (one quick retry at
        // most), since Payop retries the whole IPN anyway.
        Duration timeout = Duration.ofSeconds(s.integer(IpnSettings.API_TIMEOUT_SECONDS, 10));
        PayopClientBuilder b = PayopClient.builder().jwtToken(token).connectTimeout(timeout).readTimeout(timeout)
                .retryPolicy(RetryPolicy.DEFAULT.withMaxAttempts(2))
                .appInfo("payop-ipn-servlet");
        String apiUrl = s.get(IpnSettings.API_URL);
        if (apiUrl != null) {
            b.apiUrl(apiUrl);
        }
        return b.build();
    }

    private static IpnJournal journal(IpnSettings s) {
        String name = s.get(IpnSettings.JOURNAL, IpnSettings.MEMORY_JOURNAL);
        if (name.equals(IpnSettings.MEMORY_JOURNAL)) {
            LOG.log(System.Logger.Level.WARNING, "PAYOP-IPN-102 The IPN journal is in memory: it is lost on restart"
                    + " and not shared between nodes, so duplicates across them are not detected. Set "
                    + IpnSettings.JOURNAL + " to the JNDI name of a DataSource (for example java:comp/env/jdbc/shop).");
            return IpnJournal.inMemory();
        }
        Object found;
        try {
            found = new InitialContext().lookup(name);
        } catch (NamingException e) {
            throw new IllegalStateException(IpnSettings.JOURNAL + ": no DataSource is bound at JNDI name \"" + name
                    + "\" (" + e.getClass().getSimpleName() + ")", e);
        }
        if (!(found instanceof DataSource dataSource)) {
            throw new IllegalStateException(IpnSettings.JOURNAL + ": JNDI name \"" + name + "\" is bound to a "
                    + (found == null ? "null" : found.getClass().getName()) + ", not a javax.sql.DataSource");
        }
        String prefix = s.get(IpnSettings.JOURNAL_TABLE_PREFIX, IpnJournal.JdbcOptions.DEFAULTS.tablePrefix());
        return IpnJournal.jdbc(dataSource, IpnJournal.JdbcOptions.DEFAULTS.withTablePrefix(prefix));
    }
}
