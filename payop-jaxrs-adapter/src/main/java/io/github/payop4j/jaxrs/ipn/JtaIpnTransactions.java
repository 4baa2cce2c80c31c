package io.github.payop4j.jaxrs.ipn;

import io.github.payop4j.ipn.IpnTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.concurrent.Callable;

/**
 * Runs the journal claim, the observers and the "applied" mark in one container transaction.
 * When the journal's DataSource is the one the shop's observers write to (or both are JTA
 * DataSources), the order update and the journal entry commit or roll back together.
 */
@ApplicationScoped
public class JtaIpnTransactions implements IpnTransactions {

    @Override
    @Transactional(value = Transactional.TxType.REQUIRED, rollbackOn = Exception.class)
    public <T> T inTransaction(Callable<T> work) throws Exception {
        return work.call();
    }

    @Override
    public String toString() {
        return "JTA (@Transactional)";
    }
}
