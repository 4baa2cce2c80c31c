package io.github.payop4j.ipn;

import java.util.concurrent.Callable;

/**
 * Runs the claim of a state, the handlers and the "applied" mark as one unit of work.
 *
 * <p>The default, {@link #none()}, just runs the work: the journal then protects each step on
 * its own (a claim row in state PROCESSING, later APPLIED or FAILED). An adapter that runs
 * inside a Jakarta EE container implements this with a JTA transaction
 * ({@code UserTransaction} or a {@code @Transactional} bean): when the JDBC journal and the
 * shop's tables use the same transactional {@code DataSource}, the claim, whatever the
 * handler writes, and the mark then commit or roll back together.
 */
public interface IpnTransactions {

    /**
     * Runs {@code work} in one transaction: commit when it returns, roll back and rethrow when
     * it throws.
     */
    <T> T inTransaction(Callable<T> work) throws Exception;

    /** No transaction: runs the work directly. */
    static IpnTransactions none() {
        return NoTransaction.INSTANCE;
    }
}

/** The default {@link IpnTransactions}. */
final class NoTransaction implements IpnTransactions {

    static final NoTransaction INSTANCE = new NoTransaction();

    private NoTransaction() {
    }

    @Override
    public <T> T inTransaction(Callable<T> work) throws Exception {
        return work.call();
    }

    @Override
    public String toString() {
        return "IpnTransactions.none()";
    }
}
