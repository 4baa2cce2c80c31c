package io.github.payop4j.ipn;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The journal contract on a real PostgreSQL, started once for the class and bound to 127.0.0.1. */
class PostgresJournalTest extends JdbcJournalContract {

    private static EmbeddedPostgres postgres;
    private static IpnJournal journal;

    @BeforeAll
    static void startPostgres() throws IOException {
        long started = System.nanoTime();
        postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
        System.out.printf("PostgreSQL started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        journal = IpnJournal.jdbc(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    protected IpnJournal journal() {
        return journal;
    }

    @Override
    protected IpnJournal otherNode() {
        return IpnJournal.jdbc(postgres.getPostgresDatabase()); // its own DataSource, as another node's
    }

    @Override
    protected DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }
}
