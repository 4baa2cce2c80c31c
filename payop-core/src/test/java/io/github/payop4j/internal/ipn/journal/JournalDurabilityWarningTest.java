package io.github.payop4j.internal.ipn.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.ipn.IpnJournal;
import io.github.payop4j.ipn.IpnKind;
import io.github.payop4j.testing.LogLines;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A journal that forgets on restart re-applies Payop's repeats after one: the shop is told, once. */
class JournalDurabilityWarningTest {

    @RegisterExtension
    final LogLines log = LogLines.of("io.github.payop4j.ipn");

    private List<String> warnings() {
        return log.startingWith("PAYOP-IPN-014");
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
        assertEquals(1, warnings().size(), "once per journal, on first use");
        String warning = warnings().get(0);
        assertTrue(warning.contains("in memory (jdbc:h2:mem:example-ds)"), warning);
        assertTrue(warning.contains("applied a second time") && warning.contains("payop.ipn.datasource"), warning);
        assertFalse(warning.contains("not-logged"), "the URL's parameters are never logged");
    }

    @Test
    void aJournalInTheTemporaryDirectoryWherePayaraMicroKeepsItsDefaultSaysSoToo(@TempDir Path tmp) {
        // @TempDir lies in java.io.tmpdir, where Payara Micro keeps its default H2 without --rootdir.
        IpnJournal journal = IpnJournal.jdbc(h2("jdbc:h2:" + tmp.resolve("embedded_default") + ";DB_CLOSE_DELAY=0"));
        journal.claims(IpnKind.CHECKOUT, "tx-1");
        assertEquals(1, warnings().size(), String.valueOf(warnings()));
        assertTrue(warnings().get(0).contains("temporary directory") && warnings().get(0).contains("--rootdir"),
                warnings().get(0));
    }

    @Test
    void aJournalOnDiskSaysNothing() {
        // This JVM's temporary directory is target/ itself (see the parent POM), so for the length of
        // the test it is a directory beside the database instead; the journal reads it at first use.
        Path target = Path.of("target").toAbsolutePath();
        Path dir = target.resolve("durability-test").resolve(UUID.randomUUID().toString());
        String tmpDir = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", target.resolve("durability-tmp").toString());
        try {
            IpnJournal journal = IpnJournal.jdbc(h2("jdbc:h2:file:" + dir.resolve("journal") + ";DB_CLOSE_DELAY=0"));
            journal.claims(IpnKind.CHECKOUT, "tx-1");
        } finally {
            System.setProperty("java.io.tmpdir", tmpDir);
        }
        assertEquals(List.of(), warnings());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:h2:/tmp/payaramicro-rt42tmp/lib/databases/embedded_default;AUTO_SERVER=TRUE",
        "jdbc:h2:file:/tmp/shop", "jdbc:derby:/tmp/shop;create=true", "jdbc:sqlite:/tmp/shop.db", "jdbc:h2:/tmp"})
    void filesInTheTemporaryDirectory(String url) {
        assertTrue(Durability.problem(url, "/tmp/").contains("temporary directory"), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:h2:/tmpfiles/shop", "jdbc:h2:/var/tmp/shop", "jdbc:h2:file:/srv/shop/tmp",
        "jdbc:postgresql://127.0.0.1:5432/tmp", "jdbc:h2:tcp://db/tmp/shop", "jdbc:h2:~/shop", "jdbc:h2:./tmp/shop"})
    void filesElsewhere(String url) {
        assertEquals(null, Durability.problem(url, "/tmp"), url);
    }

    @Test
    void aTemporaryDirectoryOfRootOrNoneSaysNothing() {
        assertEquals(null, Durability.problem("jdbc:h2:/srv/shop", "/"));
        assertEquals(null, Durability.problem("jdbc:h2:/srv/shop", null));
        assertEquals(null, Durability.problem(null, "/tmp"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:h2:mem:test;DB_CLOSE_DELAY=-1", "jdbc:h2:mem:", "JDBC:H2:MEM:X",
        "jdbc:h2:tcp://db.internal/mem:shop", "jdbc:hsqldb:mem:shop", "jdbc:derby:memory:shop;create=true",
        "jdbc:sqlite::memory:", "jdbc:sqlite:", "jdbc:sqlite:file:shop?mode=memory&cache=shared"})
    void inMemoryUrls(String url) {
        assertTrue(Durability.isInMemory(url), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://127.0.0.1:5432/shop", "jdbc:h2:file:/var/shop/journal",
        "jdbc:h2:~/journal", "jdbc:h2:tcp://db.internal/~/shop", "jdbc:hsqldb:file:/var/shop", "jdbc:derby:/var/shop",
        "jdbc:sqlite:/var/shop.db", "jdbc:mysql://db/memory", "jdbc:h2:./memo:ry"})
    void urlsOnDisk(String url) {
        assertFalse(Durability.isInMemory(url), url);
    }

    @Test
    void theUrlIsShownWithoutParametersOrUserInformation() {
        assertEquals("jdbc:h2:mem:test", Durability.withoutParameters("jdbc:h2:mem:test;USER=sa;PASSWORD=x"));
        assertEquals("jdbc:h2:tcp://db/mem:x", Durability.withoutParameters("jdbc:h2:tcp://sa:secret@db/mem:x"));
        assertEquals("jdbc:sqlite:file:shop", Durability.withoutParameters("jdbc:sqlite:file:shop?mode=memory"));
    }
}
