package io.github.payop4j.internal.ipn;

import static java.lang.System.Logger.Level.INFO;

import io.github.payop4j.internal.ipn.journal.InMemoryJournal;
import io.github.payop4j.ipn.IpnJournal;
import io.github.payop4j.ipn.IpnJournal.Claim;
import io.github.payop4j.ipn.IpnJournal.ClaimStatus;
import io.github.payop4j.ipn.IpnOutcome;
import io.github.payop4j.ipn.IpnResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What an operator does with the journal over months: purge it, and re-drive a delivery. */
public final class Operations {

    /**
     * Claims (what answers Payop's repeats "duplicate") and the records beside them are kept at
     * least this long, whatever the retention: Payop repeats an IPN for 24 hours.
     */
    public static final Duration CLAIM_RETENTION_FLOOR = InMemoryJournal.RETENTION;

    private static final System.Logger LOG = System.getLogger("io.github.payop4j.ipn");

    private final PipelineConfig cfg;
    private final Pipeline pipeline;

    public Operations(PipelineConfig cfg, Pipeline pipeline) {
        this.cfg = cfg;
        this.pipeline = pipeline;
    }

    public IpnJournal.Purged purge() {
        Instant now = cfg.clock().instant();
        Duration retention = cfg.operations().retention();
        Duration claims = retention.compareTo(CLAIM_RETENTION_FLOOR) > 0 ? retention : CLAIM_RETENTION_FLOOR;
        IpnJournal.Purged purged = cfg.journal().purge(now.minus(retention), now.minus(claims));
        LOG.log(purged.deliveries() + purged.claims() + purged.records() > 0 ? INFO : System.Logger.Level.DEBUG,
                () -> "PAYOP-IPN-040 Journal purged: " + purged.deliveries() + " deliveries older than " + retention
                        .toDays() + " days, " + purged.claims() + " claims and " + purged.records()
                        + " records older than " + claims.toHours() + " h");
        return purged;
    }

    /**
     * Runs a journaled delivery through the pipeline again, as if it arrived now from the same
     * source. A claim that this delivery applied as an anomaly is reopened first (the cause, such as
     * the shop's order amount, may have been fixed); a state applied as a payment or failure stays
     * applied, and the re-drive is a duplicate.
     */
    public Optional<IpnResult> redrive(long entryId) {
        Optional<IpnJournal.Entry> found = cfg.journal().entry(entryId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        IpnJournal.Entry entry = found.get();
        IpnParser.Parsed parsed = pipeline.parser().parse(entry.body().getBytes(StandardCharsets.UTF_8));
        if (parsed.error() != null) {
            return Optional.of(new IpnResult(IpnOutcome.MALFORMED, IpnOutcome.MALFORMED.defaultStatus(), entry.kind(),
                    entry.objectId(), 0, null, "the journaled body is not an IPN: " + parsed.error()));
        }
        Notification n = parsed.notification();
        Instant now = cfg.clock().instant();
        IpnJournal.Key reopened = null;
        if (entry.outcome() == IpnOutcome.ANOMALY) {
            for (Claim c : cfg.journal().claims(n.kind(), n.objectId())) {
                IpnJournal.Key key = new IpnJournal.Key(n.kind(), n.objectId(), c.stateKey());
                if (c.entryId() == entryId && c.status() == ClaimStatus.APPLIED && cfg.journal().reopen(key, entryId,
                        now)) {
                    reopened = key;
                }
            }
        }
        IpnJournal.Key opened = reopened;
        IpnResult result = pipeline.apply(n, entry.sourceAddress(), now, opened);
        LOG.log(INFO, () -> "PAYOP-IPN-041 Delivery " + entryId + " (" + n.kind() + " " + n.objectId() + " "
                + n.state() + ", " + entry.outcome() + ") re-driven" + (opened == null ? "" : " after reopening "
                + opened.stateKey()) + ": " + result.outcome() + " (" + result.reason() + "), entry "
                + result.journalEntryId());
        return Optional.of(result);
    }
}
