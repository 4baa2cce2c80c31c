package io.github.payop4j.jaxrs.ipn;

import io.github.payop4j.PayopClient;
import io.github.payop4j.ipn.IpnJournal;
import io.github.payop4j.ipn.IpnOrderLookup;
import io.github.payop4j.ipn.IpnProcessor;
import io.github.payop4j.jaxrs.PayopOrders;
import io.github.payop4j.jaxrs.config.IpnSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * The IPN pipeline of this application, built from {@code payop.ipn.*}: the journal on
 * {@code payop.ipn.datasource} (the container's default DataSource unless set; {@code none} for
 * memory), the allowed sources and trusted proxies, confirmation with the API, the shop's
 * {@link PayopOrders} as the order check, CDI events as the handler and the container's
 * transaction around each application of an IPN.
 */
@ApplicationScoped
public class IpnProcessorProducer {

    private static final System.Logger LOG = System.getLogger(IpnProcessorProducer.class.getName());

    private final PayopClient client;
    private final IpnSettings settings;
    private final Instance<PayopOrders> orders;
    private final CdiIpnHandler handler;
    private final JtaIpnTransactions transactions;

    /** For the CDI proxy only. */
    protected IpnProcessorProducer() {
        this(null, null, null, null, null);
    }

    @Inject
    public IpnProcessorProducer(PayopClient client, IpnSettings settings, Instance<PayopOrders> orders, CdiIpnHandler handler,
            JtaIpnTransactions transactions) {
        this.client = client;
        this.settings = settings;
        this.orders = orders;
        this.handler = handler;
        this.transactions = transactions;
    }

    @Produces
    @Singleton
    public IpnProcessor processor() {
        IpnProcessor processor = IpnProcessor.builder(client)
                .verifyWithApi(settings.verifyWithApi())
                .sources(settings.sources())
                .journal(journal())
                .transactions(transactions)
                // Resolved here, not injected directly: the extension reports a missing or
                // ambiguous PayopOrders bean with a message that says what to implement.
                .orderLookup(orderLookup(orders.get()))
                .handler(handler)
                .build();
        LOG.log(System.Logger.Level.INFO, "PAYOP4J-3101 IPN pipeline ready: " + processor);
        return processor;
    }

    /** The shop's orders, as the pipeline compares them with accepted payments. */
    static IpnOrderLookup orderLookup(PayopOrders orders) {
        return orderId -> orders.find(orderId)
                .map(o -> new IpnOrderLookup.Order(o.amount().value(), o.currency().code()));
    }

    private IpnJournal journal() {
        Optional<String> name = settings.dataSource();
        if (name.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "PAYOP4J-3102 payop.ipn.datasource=none: IPNs are journaled in"
                    + " memory only, so duplicates are recognised only until a restart and only on this node");
            return IpnJournal.inMemory();
        }
        DataSource dataSource;
        try {
            dataSource = (DataSource) new InitialContext().lookup(name.get());
        } catch (NamingException | ClassCastException e) {
            throw new IllegalStateException("payop.ipn.datasource: no DataSource is bound at JNDI name \""
                    + name.get() + "\". Declare it in the server or with @DataSourceDefinition, or set"
                    + " payop.ipn.datasource=none for an in-memory journal.", e);
        }
        // Joins the container transaction opened by JtaIpnTransactions instead of committing itself.
        return IpnJournal.jdbc(dataSource, IpnJournal.JdbcOptions.DEFAULTS.withJoinTransactions(true));
    }
}
