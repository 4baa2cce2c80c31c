package io.github.payop4j.ipn;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The journal contract on H2 (in-memory database, MVStore, the default read-committed isolation). */
class H2JournalTest extends JdbcJournalContract {

    private static DataSource dataSource;
    private static IpnJournal journal;

    @BeforeAll
    static void createDatabase() {
        dataSource = new UrlDataSource("jdbc:h2:mem:ipn-contract;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        journal = IpnJournal.jdbc(dataSource);
    }

    @Override
    protected IpnJournal journal() {
        return journal;
    }

    @Override
    protected IpnJournal otherNode() {
        return IpnJournal.jdbc(dataSource);
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
