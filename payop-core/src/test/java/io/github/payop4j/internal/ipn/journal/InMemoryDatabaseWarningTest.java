package io.github.payop4j.internal.ipn.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.ipn.IpnJournal;
import io.github.payop4j.ipn.IpnKind;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A journal that forgets on restart re-applies Payop's repeats after one: the shop is told, once. */
class InMemoryDatabaseWarningTest {

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getMessage().startsWith("PAYOP-IPN-014")) {
                warnings.add(r.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger("io.github.payop4j.ipn").addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("io.github.payop4j.ipn").removeHandler(capture);
    }

    private static JdbcDataSource h2(String url) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        return ds;
    }

    @Test
    void aJournalInWildFlysKindOfDefaultDataSourceSaysOnceThatItForgetsOnRestart() {
        IpnJournal journal = IpnJournal.jdbc(h2("jdbc:h2:mem:example-ds;DB_CLOSE_DELAY=-1;PASSWORD=not-logged"));
        journal.claims(IpnKind.CHECKOUT, "tx-1");
        journal.claims(IpnKind.CHECKOUT, "tx-2");
        assertEquals(1, warnings.size(), "once per journal, on first use");
        String warning = warnings.get(0);
        assertTrue(warning.contains("(jdbc:h2:mem:example-ds)"), warning);
        assertTrue(warning.contains("applied a second time") && warning.contains("payop.ipn.datasource"), warning);
        assertFalse(warning.contains("not-logged"), "the URL's parameters are never logged");
    }

    @Test
    void aJournalOnDiskSaysNothing(@TempDir Path dir) {
        IpnJournal journal = IpnJournal.jdbc(h2("jdbc:h2:file:" + dir.resolve("journal") + ";DB_CLOSE_DELAY=0"));
        journal.claims(IpnKind.CHECKOUT, "tx-1");
        assertEquals(List.of(), warnings);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:h2:mem:test;DB_CLOSE_DELAY=-1", "jdbc:h2:mem:", "JDBC:H2:MEM:X",
        "jdbc:h2:tcp://db.internal/mem:shop", "jdbc:hsqldb:mem:shop", "jdbc:derby:memory:shop;create=true",
        "jdbc:sqlite::memory:", "jdbc:sqlite:", "jdbc:sqlite:file:shop?mode=memory&cache=shared"})
    void inMemoryUrls(String url) {
        assertTrue(JdbcStore.isInMemory(url), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://127.0.0.1:5432/shop", "jdbc:h2:file:/var/shop/journal",
        "jdbc:h2:~/journal", "jdbc:h2:tcp://db.internal/~/shop", "jdbc:hsqldb:file:/var/shop", "jdbc:derby:/var/shop",
        "jdbc:sqlite:/var/shop.db", "jdbc:mysql://db/memory", "jdbc:h2:./memo:ry"})
    void urlsOnDisk(String url) {
        assertFalse(JdbcStore.isInMemory(url), url);
    }

    @Test
    void theUrlIsShownWithoutParametersOrUserInformation() {
        assertEquals("jdbc:h2:mem:test", JdbcStore.withoutParameters("jdbc:h2:mem:test;USER=sa;PASSWORD=x"));
        assertEquals("jdbc:h2:tcp://db/mem:x", JdbcStore.withoutParameters("jdbc:h2:tcp://sa:secret@db/mem:x"));
        assertEquals("jdbc:sqlite:file:shop", JdbcStore.withoutParameters("jdbc:sqlite:file:shop?mode=memory"));
    }
}
