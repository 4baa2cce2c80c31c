package io.github.payop4j.ipn;

/** {@link ReconciliationContract} on the postgres store. */
class ReconciliationOnPostgresTest extends ReconciliationContract {

    @Override
    protected Stores.Store newStore() {
        return Stores.postgres();
    }
}
