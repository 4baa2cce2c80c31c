package io.github.payop4j.ipn;

/** The journal contract on {@link IpnJournal#inMemory()}; "two nodes" share the one instance. */
class InMemoryJournalTest extends IpnJournalContract {

    private static final IpnJournal JOURNAL = IpnJournal.inMemory();

    @Override
    protected IpnJournal journal() {
        return JOURNAL;
    }

    @Override
    protected IpnJournal otherNode() {
        return JOURNAL;
    }
}
