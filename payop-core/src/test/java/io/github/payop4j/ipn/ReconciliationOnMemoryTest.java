package io.github.payop4j.ipn;

/** {@link ReconciliationContract} on the memory store. */
class ReconciliationOnMemoryTest extends ReconciliationContract {

    @Override
    protected Stores.Store newStore() {
        return Stores.memory();
    }
}
