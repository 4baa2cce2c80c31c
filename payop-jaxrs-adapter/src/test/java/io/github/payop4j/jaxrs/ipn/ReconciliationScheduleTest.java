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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A shop that confirms no IPN with the API (no JWT token, {@code payop.ipn.verify-with-api=false})
 * cannot sweep, but its journal must still be purged: the schedule used to stop at the missing
 * token, and the journal then grew for ever.
 */
class ReconciliationScheduleTest {

    private static final String IPN = "{\"invoice\":{\"id\":\"inv-1\",\"status\":1,\"txid\":\"tx-1\"},\"transaction\":"
            + "{\"id\":\"tx-1\",\"state\":2,\"order\":{\"id\":\"order-1\"},\"error\":{\"message\":\"\",\"code\":\"\"}}}";

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        private volatile Instant now = Instant.now();

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void withoutAJwtTokenTheSweepIsSkippedAndTheJournalIsStillPurged() {
        PayopSettings settings = PayopSettings.read(SettingsSource.of(Map.of("payop.ipn.verify-with-api", "false",
                "payop.ipn.allowed-ips", "127.0.0.1")), Role.IPN);
        assertTrue(settings.jwtToken().isEmpty());
        ReconciliationSchedule schedule = new ReconciliationSchedule(settings, null);
        schedule.start(new Object()); // no JNDI in a unit test: nothing is scheduled, but the decision is made

        MovingClock clock = new MovingClock();
        IpnJournal journal = IpnJournal.inMemory();
        IpnProcessor p = IpnProcessor.builder().journal(journal).handler(e -> { }).clock(clock)
                .retention(Duration.ofHours(1))
                .sources(IpnSourcePolicy.builder().allow(List.of("127.0.0.1")).build()).build();
        assertEquals(IpnOutcome.PROCESSED, p.process(new IpnDelivery(IPN.getBytes(StandardCharsets.UTF_8),
                "127.0.0.1", List.of(), List.of(), clock.instant())).outcome());
        IpnJournal.Key key = new IpnJournal.Key(IpnKind.CHECKOUT, "tx-1", "ACCEPTED");
        assertTrue(journal.find(key).isPresent());

        clock.now = clock.now.plus(Duration.ofHours(49)); // past the retention and the 48 h floor of claims
        schedule.runOnce(p);

        assertFalse(journal.find(key).isPresent(), "the claim is purged");
        assertTrue(journal.entries(IpnKind.CHECKOUT, "tx-1").isEmpty(), "the delivery row is purged");
    }
}
