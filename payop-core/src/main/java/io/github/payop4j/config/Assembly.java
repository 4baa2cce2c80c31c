package io.github.payop4j.config;

import io.github.payop4j.PayopClient;
import io.github.payop4j.RetryPolicy;
import io.github.payop4j.ipn.IpnJournal;
import io.github.payop4j.ipn.IpnProcessor;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/** Settings into a client and an IPN pipeline: the same for the servlet, the adapter and plain Java. */
final class Assembly {

    private static final System.Logger LOG = System.getLogger("io.github.payop4j.config");

    private Assembly() {
    }

    static PayopClient.Builder clientBuilder(PayopSettings s) {
        PayopClient.Builder b = PayopClient.builder()
                .apiUrl(s.apiUrl())
                .checkoutUrl(s.checkoutUrl())
                .connectTimeout(s.connectTimeout())
                .readTimeout(s.readTimeout())
                .retryPolicy(RetryPolicy.DEFAULT.withMaxAttempts(s.maxAttempts()))
                .tokenExpiryWarning(s.jwtExpiryWarning());
        s.publicKey().ifPresent(b::publicKey);
        s.secretKey().ifPresent(b::secretKey);
        s.jwtToken().ifPresent(b::jwtToken);
        s.projectId().ifPresent(b::projectId);
        s.withdrawalCertificate().ifPresent(b::withdrawalCertificate);
        return b;
    }

    static IpnProcessor.Builder ipnProcessorBuilder(PayopSettings s, PayopClient client, DataSourceLookup dataSources,
            IpnJournal.JdbcOptions journalOptions) {
        Objects.requireNonNull(dataSources, "dataSources");
        Objects.requireNonNull(journalOptions, "journalOptions");
        if (s.verifyIpnWithApi() && (client == null || !client.hasJwtToken())) {
            throw new PayopConfigurationException(List.of(new ConfigProblem(Setting.IPN_VERIFY_WITH_API.key(),
                    "is true, but no client with a JWT token was given to confirm IPNs: set "
                    + Setting.JWT_TOKEN.key() + ".")));
        }
        IpnProcessor.Builder b = client == null ? IpnProcessor.builder() : IpnProcessor.builder(client);
        return b.verifyWithApi(s.verifyIpnWithApi())
                .sources(s.ipnSources())
                .journal(journal(s, dataSources, journalOptions))
                .lease(s.ipnLease())
                .duplicateWait(s.ipnDuplicateWait())
                .maxApplying(s.ipnMaxApplying())
                .maxBodyBytes(s.ipnMaxBodyBytes())
                .retention(s.ipnRetention())
                .reconcileAfter(s.reconcileDelay())
                .reconcileEvery(s.reconcileInterval())
                .refundDoublePayments(s.refundDoublePayments());
    }

    private static IpnJournal journal(PayopSettings s, DataSourceLookup dataSources, IpnJournal.JdbcOptions options) {
        Optional<String> name = s.ipnDataSource();
        String key = Setting.IPN_DATASOURCE.key();
        if (name.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "PAYOP-CONFIG-003 " + key + "=none: IPNs are journaled in memory"
                    + " only, so duplicates are recognised only until a restart and only on this node. Set " + key
                    + " to the JNDI name of a DataSource (the default is java:comp/DefaultDataSource).");
            return IpnJournal.inMemory();
        }
        DataSource dataSource;
        try {
            dataSource = dataSources.lookup(name.get());
        } catch (Exception e) {
            throw new PayopConfigurationException(List.of(new ConfigProblem(key, notFound(name.get(), e))));
        }
        if (dataSource == null) {
            throw new PayopConfigurationException(List.of(new ConfigProblem(key, notFound(name.get(), null))));
        }
        return IpnJournal.jdbc(dataSource, options.withTablePrefix(s.ipnTablePrefix()));
    }

    private static String notFound(String name, Exception e) {
        return "no DataSource is bound at JNDI name \"" + name + "\""
                + (e == null ? "" : " (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")")
                + ". Declare it in the server or with @DataSourceDefinition, or set " + Setting.IPN_DATASOURCE.key()
                + "=none for an in-memory journal (lost on restart, one node only).";
    }
}
