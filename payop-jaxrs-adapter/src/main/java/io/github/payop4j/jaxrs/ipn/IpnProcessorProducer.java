package io.github.payop4j.jaxrs.ipn;

import io.github.payop4j.PayopClient;
import io.github.payop4j.config.DataSourceLookup;
import io.github.payop4j.config.PayopSettings;
import io.github.payop4j.ipn.IpnJournal;
import io.github.payop4j.ipn.IpnOrderLookup;
import io.github.payop4j.ipn.IpnProcessor;
import io.github.payop4j.jaxrs.PayopOrders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The IPN pipeline of this application: payop-core's assembly from the {@code payop.ipn.*}
 * settings (journal, sources, confirmation, lease, body cap), plus what only CDI has: the
 * shop's {@link PayopOrders#findForIpn} as the order check, CDI events as the handler, the container's
 * transaction around each application of an IPN, which the JDBC journal joins.
 */
@ApplicationScoped
public class IpnProcessorProducer {

    private static final System.Logger LOG = System.getLogger(IpnProcessorProducer.class.getName());

    private final PayopClient client;
    private final PayopSettings settings;
    private final Instance<PayopOrders> orders;
    private final CdiIpnHandler handler;
    private final JtaIpnTransactions transactions;

    /** For the CDI proxy only. */
    protected IpnProcessorProducer() {
        this(null, null, null, null, null);
    }

    @Inject
    public IpnProcessorProducer(PayopClient client, PayopSettings settings, Instance<PayopOrders> orders,
            CdiIpnHandler handler, JtaIpnTransactions transactions) {
        this.client = client;
        this.settings = settings;
        this.orders = orders;
        this.handler = handler;
        this.transactions = transactions;
    }

    @Produces
    @Singleton
    public IpnProcessor processor() {
        IpnProcessor processor = settings.ipnProcessorBuilder(client, DataSourceLookup.jndi(),
                        IpnJournal.JdbcOptions.DEFAULTS.joiningContainerTransactions())
                .transactions(transactions)
                // Resolved here, not injected directly: the extension reports a missing or
                // ambiguous PayopOrders bean with a message that says what to implement.
                .orderLookup(orderLookup(orders.get()))
                .handler(handler)
                .build();
        LOG.log(System.Logger.Level.INFO, "PAYOP4J-3101 IPN pipeline ready: " + processor);
        return processor;
    }

    /**
     * The shop's orders as IPN verification needs them: {@link PayopOrders#findForIpn}, never the
     * checkout's {@code findPayable} (an order paid a moment ago is no longer payable, yet is
     * exactly the order an IPN is about).
     */
    static IpnOrderLookup orderLookup(PayopOrders orders) {
        return orders::findForIpn;
    }
}
