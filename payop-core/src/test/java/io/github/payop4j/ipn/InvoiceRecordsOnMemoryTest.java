package io.github.payop4j.ipn;

/** {@link InvoiceRecordsContract} on the memory store. */
class InvoiceRecordsOnMemoryTest extends InvoiceRecordsContract {

    @Override
    protected Stores.Store newStore() {
        return Stores.memory();
    }
}
