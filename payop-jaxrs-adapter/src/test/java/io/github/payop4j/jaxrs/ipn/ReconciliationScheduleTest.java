package io.github.payop4j.jaxrs.ipn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.config.PayopSettings;
import io.github.payop4j.config.Role;
import io.github.payop4j.config.SettingsSource;
import io.github.payop4j.ipn.IpnDelivery;
import io.github.payop4j.ipn.IpnJournal;
import io.github.payop4j.ipn.IpnKind;
import io.github.payop4j.ipn.IpnOutcome;
import io.github.payop4j.ipn.IpnProcessor;
import io.github.payop4j.ipn.IpnSourcePolicy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A shop that confirms no IPN with the API (no JWT token, {@code payop.ipn.verify-with-api=false})
 * cannot sweep, but its journal must still be purged: the schedule used to stop at the missing
 * token, and the journal then grew for ever.
 */
class ReconciliationScheduleTest {

    private static final String IPN = "{\"invoice\":{\"id\":\"inv-1\",\"status\":1,\"txid\":\"tx-1\"},"
            + "\"transaction\":{\"id\":\"tx-1\",\"state\":2,\"order\":{\"id\":\"order-1\"},"
            + "\"error\":{\"message\":\"\",\"code\":\"\"}}}";

    @Test
    void withoutAJwtTokenTheSweepIsSkippedAndTheJournalIsStillPurged() {
        PayopSettings settings = PayopSettings.read(SettingsSource.of(Map.of("payop.ipn.verify-with-api", "false",
                "payop.ipn.allowed-ips", "127.0.0.1")), Role.IPN);
        assertTrue(settings.jwtToken().isEmpty());
        ReconciliationSchedule schedule = new ReconciliationSchedule(settings, null);
        schedule.start(new Object()); // no JNDI in a unit test: nothing is scheduled, but the decision is made

        IpnJournal journal = IpnJournal.inMemory();
        assertEquals(IpnOutcome.PROCESSED, node(journal, Clock.systemUTC()).process(new IpnDelivery(
                IPN.getBytes(StandardCharsets.UTF_8), "127.0.0.1", List.of(), List.of(), Instant.now())).outcome());
        IpnJournal.Key key = new IpnJournal.Key(IpnKind.CHECKOUT, "tx-1", "ACCEPTED");
        assertTrue(journal.find(key).isPresent());

        // The same journal 49 hours on: past the retention and the 48 h floor of claims.
        schedule.runOnce(node(journal, Clock.offset(Clock.systemUTC(), Duration.ofHours(49))));

        assertFalse(journal.find(key).isPresent(), "the claim is purged");
        assertTrue(journal.entries(IpnKind.CHECKOUT, "tx-1").isEmpty(), "the delivery row is purged");
    }

    private static IpnProcessor node(IpnJournal journal, Clock clock) {
        return IpnProcessor.builder().journal(journal).handler(e -> { }).clock(clock).retention(Duration.ofHours(1))
                .sources(IpnSourcePolicy.builder().allow(List.of("127.0.0.1")).build()).build();
    }
}
