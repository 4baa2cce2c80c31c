package io.github.payop4j.internal.ipn.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.ipn.IpnJournal;
import io.github.payop4j.ipn.IpnKind;
import io.github.payop4j.testing.LogLines;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link IpnJournal#prepare()}: what is wrong with the journal's database shows when the
 * application starts (the servlet calls it at deployment), not at Payop's first IPN.
 */
class JournalPrepareTest {

    @RegisterExtension
    final LogLines log = LogLines.of("io.github.payop4j.ipn");

    private static JdbcDataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:prepare-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    /** A DataSource that refuses connections while {@code down} is set, as a database still starting does. */
    private static DataSource switchable(DataSource real, AtomicBoolean down) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (down.get() && method.getName().equals("getConnection")) {
                        throw new SQLException("Connection to shop-db.internal:5432 refused", "08001");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static boolean tableExists(DataSource ds, String table) throws SQLException {
        try (Connection c = ds.getConnection(); var rs = c.getMetaData().getTables(null, null, table, null)) {
            return rs.next();
        }
    }

    @Test
    void prepareCreatesTheTablesAndWarnsBeforeAnyDeliveryAndFirstUseDoesNotWarnAgain() throws SQLException {
        JdbcDataSource ds = h2();
        IpnJournal journal = IpnJournal.jdbc(ds);

        journal.prepare();

        assertTrue(tableExists(ds, "PAYOP_IPN_CLAIM") && tableExists(ds, "PAYOP_IPN_DELIVERY"));
        assertEquals(1, log.startingWith("PAYOP-IPN-014").size(), "an H2 database in memory forgets on restart");
        journal.claims(IpnKind.CHECKOUT, "tx-1");
        journal.prepare();
        assertEquals(1, log.startingWith("PAYOP-IPN-014").size(), "once per journal");
    }

    @Test
    void aDatabaseThatCannotBeReachedFailsPrepareWithTheDriversReasonAndTheFirstUseAfterItWorks() {
        AtomicBoolean down = new AtomicBoolean(true);
        IpnJournal journal = IpnJournal.jdbc(switchable(h2(), down));

        RuntimeException e = assertThrows(RuntimeException.class, journal::prepare);
        assertTrue(e.getMessage().contains("payop_ipn_") && e.getMessage().contains("08001")
                && e.getMessage().contains("Connection to shop-db.internal:5432 refused"), e.getMessage());
        assertEquals(0, log.startingWith("PAYOP-IPN-014").size(), "nothing known about the database yet");

        down.set(false);
        assertEquals(0, journal.claims(IpnKind.CHECKOUT, "tx-1").size(), "the tables are created at first use");
        assertEquals(1, log.startingWith("PAYOP-IPN-014").size(), "looked at once it could be reached");
    }

    @Test
    void tablesTheShopWasToCreateButDidNotAreNamedAtPrepare() {
        IpnJournal journal = IpnJournal.jdbc(h2(), IpnJournal.JdbcOptions.DEFAULTS.withTablePrefix("shop_ipn_")
                .withoutSchemaCreation());

        RuntimeException e = assertThrows(RuntimeException.class, journal::prepare);
        assertTrue(e.getMessage().contains("shop_ipn_*") && e.getMessage().contains("withoutSchemaCreation()")
                && e.getMessage().contains("migrations"), e.getMessage());
    }

    @Test
    void withoutSchemaCreationTheWarningStillComesOnceTheDatabaseCanBeReached() {
        AtomicBoolean down = new AtomicBoolean(true);
        JdbcDataSource real = h2();
        IpnJournal.jdbc(real).prepare(); // the shop's migrations
        int before = log.startingWith("PAYOP-IPN-014").size();
        IpnJournal journal = IpnJournal.jdbc(switchable(real, down),
                IpnJournal.JdbcOptions.DEFAULTS.withoutSchemaCreation());

        assertThrows(RuntimeException.class, () -> journal.claims(IpnKind.CHECKOUT, "tx-1"));
        down.set(false);
        journal.claims(IpnKind.CHECKOUT, "tx-1");
        journal.claims(IpnKind.CHECKOUT, "tx-2");

        assertEquals(before + 1, log.startingWith("PAYOP-IPN-014").size(), String.valueOf(log.startingWith("PAYOP")));
    }
}
