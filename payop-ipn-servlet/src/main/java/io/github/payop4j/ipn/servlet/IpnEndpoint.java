package io.github.payop4j.ipn.servlet;

import io.github.payop4j.PayopClient;
import io.github.payop4j.config.DataSourceLookup;
import io.github.payop4j.config.PayopSettings;
import io.github.payop4j.ipn.IpnJournal;
import io.github.payop4j.ipn.IpnProcessor;

/**
 * The pipeline of a servlet without the CDI adapter: payop-core's assembly from the settings,
 * plus what only the servlet knows, the handlers, order lookup and transactions registered in
 * the web application's {@code META-INF/services}.
 */
final class IpnEndpoint {

    private IpnEndpoint() {
    }

    /** The processor and the client it owns (to close on undeploy), {@code null} without confirmation. */
    record Built(IpnProcessor processor, PayopClient client) {
    }

    static Built build(PayopSettings settings, ClassLoader loader) {
        PayopClient client = settings.verifyIpnWithApi()
                ? settings.clientBuilder().appInfo("payop-ipn-servlet").build() : null;
        try {
            IpnProcessor processor = settings.ipnProcessorBuilder(client, DataSourceLookup.jndi(),
                    IpnJournal.JdbcOptions.DEFAULTS).discover(loader).build();
            return new Built(processor, client);
        } catch (RuntimeException e) {
            if (client != null) {
                client.close();
            }
            throw e;
        }
    }
}
