package io.github.payop4j.ipn;

/** {@link InvoiceRecordsContract} on the postgres store. */
class InvoiceRecordsOnPostgresTest extends InvoiceRecordsContract {

    @Override
    protected Stores.Store newStore() {
        return Stores.postgres();
    }
}
