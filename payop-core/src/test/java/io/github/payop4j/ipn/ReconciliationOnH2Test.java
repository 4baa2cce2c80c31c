package io.github.payop4j.ipn;

/** {@link ReconciliationContract} on the h2 store. */
class ReconciliationOnH2Test extends ReconciliationContract {

    @Override
    protected Stores.Store newStore() {
        return Stores.h2();
    }
}
