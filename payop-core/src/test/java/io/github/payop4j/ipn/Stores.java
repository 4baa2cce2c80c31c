package io.github.payop4j.ipn;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * The three stores the journal and its records run on. Each call gives a fresh store (its own
 * tables, or its own in-memory journal), so a sweep sees only its own test's invoices; each
 * {@link Store#node} is a new processor on its own journal instance over that store (in memory,
 * the one instance, as one JVM's nodes would share it). On the databases each node claims inside
 * container-like transactions, the journal joining them, as the CDI adapter runs it.
 */
final class Stores {

    private static DataSource h2;
    private static EmbeddedPostgres postgres;

    interface Store {
        IpnProcessor.Builder node(io.github.payop4j.PayopClient client, IpnHandler handler, Clock clock);
    }

    private Stores() {
    }

    static Store memory() {
        IpnJournal journal = IpnJournal.inMemory();
        return (client, handler, clock) -> IpnProcessor.builder(client).handler(handler).journal(journal).clock(clock);
    }

    static synchronized Store h2() {
        if (h2 == null) {
            h2 = new UrlDataSource("jdbc:h2:mem:ipn-records;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        }
        return jdbc(h2);
    }

    /** One PostgreSQL for every test class of this JVM that asks for it, stopped when the JVM exits. */
    static synchronized Store postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }, "stop-postgres"));
        }
        return jdbc(postgres.getPostgresDatabase());
    }

    private static Store jdbc(DataSource dataSource) {
        String prefix = "t" + Long.toHexString(System.nanoTime()) + "_";
        return (client, handler, clock) -> {
            LocalTransactions container = new LocalTransactions(dataSource);
            return IpnProcessor.builder(client).handler(handler).clock(clock).transactions(container)
                    .journal(IpnJournal.jdbc(container.dataSource(),
                            IpnJournal.JdbcOptions.DEFAULTS.joiningContainerTransactions().withTablePrefix(prefix)));
        };
    }
}
