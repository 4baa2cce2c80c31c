package io.github.payop4j.ipn;

/** {@link InvoiceRecordsContract} on the h2 store. */
class InvoiceRecordsOnH2Test extends InvoiceRecordsContract {

    @Override
    protected Stores.Store newStore() {
        return Stores.h2();
    }
}
