package io.github.payop4j.it.ledger;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;

/**
 * {@code GET /ledger/entries/{objectId}}: what the handler recorded, and
 * {@code GET /ledger/entries/{objectId}/journaled}: how many of its deliveries the journal holds, for the tests.
 */
@ApplicationPath("/ledger")
public class LedgerApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(Entries.class);
    }

    @Path("entries")
    public static class Entries {
        @GET
        @Path("{objectId}")
        @Produces(MediaType.APPLICATION_JSON)
        public String entries(@PathParam("objectId") String objectId) {
            return Ledger.entries(objectId);
        }

        @GET
        @Path("{objectId}/journaled")
        @Produces(MediaType.TEXT_PLAIN)
        public String journaled(@PathParam("objectId") String objectId) {
            return String.valueOf(Ledger.journaled(objectId));
        }
    }

    /** Creates the table at start-up. */
    @WebListener
    public static class Setup implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent event) {
            Ledger.createTables();
        }
    }
}
