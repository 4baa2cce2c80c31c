package io.github.payop4j.ipn;

import io.github.payop4j.internal.ipn.StateKeys;
import io.github.payop4j.internal.ipn.journal.InMemoryJournal;
import io.github.payop4j.internal.ipn.journal.JdbcJournal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The durable record of IPN deliveries and the claims that make each (object, state) apply
 * exactly once.
 *
 * <p>Two parts: <em>claims</em>, one per (kind, object id, state key) with status PROCESSING,
 * APPLIED or FAILED, and <em>entries</em>, one per delivery that passed the source and shape
 * checks and was not answered "duplicate" (kind, ids, claimed state, source address, time, raw
 * body, outcome), written once with its outcome. A PROCESSING claim older than the lease and a
 * FAILED claim may be claimed again; APPLIED is final.
 *
 * <p><strong>Duplicates are counted, not journaled.</strong> A delivery of a state that is
 * already APPLIED is answered "duplicate" after one indexed read ({@link #find}) or none (the
 * processor remembers recently applied keys), and leaves no entry: the processor counts it
 * ({@link IpnProcessor#counts()}) and logs it at DEBUG ({@code PAYOP-IPN-004}). Nothing is lost
 * by that: Payop repeats a delivery until it gets a 200, and a 200 is only sent once the applied
 * state is committed.
 *
 * <p>Implementations must be thread-safe; the JDBC one is also safe across nodes sharing the
 * database. Use {@link #jdbc(DataSource)} in production and {@link #inMemory()} for tests or a
 * single node that can afford to forget on restart. Every method but {@link #newEntryId()}
 * throws an unchecked exception when the store fails; the processor then answers "retry later".
 */
public interface IpnJournal {

    /**
     * Gets the journal ready before the first delivery, so that what is wrong with its store shows
     * when the application starts, not at Payop's first IPN: the JDBC journal creates its tables
     * (unless told not to), logs {@code PAYOP-IPN-014} if its database does not outlive a restart,
     * and reads each of its tables. The IPN servlet calls it once as it starts; every other method
     * does the same work on first use, so calling it is never required. Throws an unchecked
     * exception naming the problem when the store cannot be used. Does nothing by default.
     */
    default void prepare() {
    }

    /**
     * A new delivery id, greater than 0, unique in this journal's store (across nodes sharing it)
     * and increasing over time; computed without any I/O.
     */
    long newEntryId();

    /**
     * Records one delivery with its outcome, once; {@code entry.id()} comes from
     * {@link #newEntryId()}.
     */
    void record(Entry entry);

    /** The claim of one state of one object, if any: one indexed read, the whole cost of a duplicate. */
    Optional<Claim> find(Key key);

    /**
     * Claims {@code key} for the delivery {@code entryId}: creates it PROCESSING, or takes over
     * a FAILED claim or a PROCESSING one older than {@code lease}. Reports every claim of the
     * same object as it stands afterwards. Inside a transaction, a claim being inserted by
     * another transaction is waited for, never reported as a failure of the store.
     */
    ClaimAttempt claim(Key key, long entryId, Instant now, Duration lease);

    /** PROCESSING to APPLIED, if {@code entryId} still holds the claim. */
    void markApplied(Key key, long entryId, Instant now);

    /**
     * PROCESSING to APPLIED if {@code delivery.id()} still holds the claim, and {@link #record}
     * of the delivery that applied it, in one round of work (the JDBC journal: one connection,
     * inside the shop's transaction when there is one). Should the record fail after the mark,
     * the answer is "retry later" and Payop's retry is a duplicate: the state was applied.
     */
    default void markApplied(Key key, Entry delivery, Instant now) {
        markApplied(key, delivery.id(), now);
        record(delivery);
    }

    /** PROCESSING to FAILED (claimable again), if {@code entryId} still holds the claim. */
    void markFailed(Key key, long entryId, Instant now);

    /** All claims of one object. */
    List<Claim> claims(IpnKind kind, String objectId);

    /** The journaled deliveries of one object, oldest first. */
    List<Entry> entries(IpnKind kind, String objectId);

    Optional<Entry> entry(long entryId);

    /**
     * For operators: the newest journaled deliveries with this outcome, newest first; for example
     * {@link IpnOutcome#ANOMALY} (worth a look by a person) or {@link IpnOutcome#RETRY_LATER}
     * (failed; Payop retries for 24 hours, {@link IpnProcessor#redrive} after that).
     *
     * @param limit 1 to 1000
     */
    List<Entry> entries(IpnOutcome outcome, int limit);

    /**
     * For operators: claims still PROCESSING that were taken before {@code claimedBefore}, oldest
     * first. Older than the lease, such a claim belongs to a delivery that died with its node; the
     * next delivery of the state (Payop's retry, the reconciliation sweep) takes it over.
     *
     * @param limit 1 to 1000
     */
    List<Key> processing(Instant claimedBefore, int limit);

    /**
     * APPLIED back to FAILED (claimable again), only if {@code entryId} holds the claim: lets an
     * operator apply again a delivery that was applied as an anomaly, once its cause is fixed (see
     * {@link IpnProcessor#redrive}). Returns whether the claim was reopened.
     */
    boolean reopen(Key key, long entryId, Instant now);

    /**
     * Deletes deliveries received before {@code deliveriesBefore} and claims last changed before
     * {@code claimsBefore}, with what the library records beside them (invoice records, paid
     * orders, refunds of double payments) last changed before {@code claimsBefore}. A purged claim
     * no longer answers a repeat "duplicate": keep claims for longer than Payop repeats an IPN
     * ({@link IpnProcessor#purge()} keeps them at least 48 hours).
     */
    Purged purge(Instant deliveriesBefore, Instant claimsBefore);

    /**
     * A journal in this JVM's memory, lost on restart and not shared between nodes. Bounded: the
     * newest 10,000 entries, and the claims of at most 100,000 objects, each kept for 48 hours
     * after its last claim (Payop repeats an IPN for 24 hours); past the cap the least recently
     * claimed object is forgotten first.
     */
    static IpnJournal inMemory() {
        return new InMemoryJournal();
    }

    /** A journal in the shop's database, tables {@code payop_ipn_*} created if missing. */
    static IpnJournal jdbc(DataSource dataSource) {
        return jdbc(dataSource, JdbcOptions.DEFAULTS);
    }

    static IpnJournal jdbc(DataSource dataSource, JdbcOptions options) {
        return new JdbcJournal(dataSource, options);
    }

    /**
     * How the JDBC journal stores and commits. Start from {@link #DEFAULTS} (tables
     * {@code payop_ipn_*}, created if missing, committing its own statements) and name what differs.
     */
    final class JdbcOptions {

        public static final JdbcOptions DEFAULTS = new JdbcOptions("payop_ipn_", true, false);

        private final String tablePrefix;
        private final boolean createSchema;
        private final boolean joinTransactions;

        private JdbcOptions(String tablePrefix, boolean createSchema, boolean joinTransactions) {
            Objects.requireNonNull(tablePrefix, "tablePrefix");
            if (!tablePrefix.matches("[a-z][a-z0-9_]{0,29}")) {
                throw new IllegalArgumentException("tablePrefix \"" + tablePrefix
                        + "\" must be 1 to 30 lower-case letters, digits or underscores, starting with a letter");
            }
            this.tablePrefix = tablePrefix;
            this.createSchema = createSchema;
            this.joinTransactions = joinTransactions;
        }

        /** Tables {@code <prefix>delivery} and {@code <prefix>claim}; lower-case letters, digits, underscores. */
        public JdbcOptions withTablePrefix(String prefix) {
            return new JdbcOptions(prefix, createSchema, joinTransactions);
        }

        /** The tables exist already (created by the shop's migrations): never create them. */
        public JdbcOptions withoutSchemaCreation() {
            return new JdbcOptions(tablePrefix, false, joinTransactions);
        }

        /**
         * Calls may run inside a container (JTA) transaction: the journal then never commits or
         * rolls back a connection itself. Without this, it commits after its own statements if the
         * pool hands out connections without auto-commit.
         */
        public JdbcOptions joiningContainerTransactions() {
            return new JdbcOptions(tablePrefix, createSchema, true);
        }

        public String tablePrefix() {
            return tablePrefix;
        }

        /** Whether missing tables and index are created ({@code CREATE ... IF NOT EXISTS}). */
        public boolean createSchema() {
            return createSchema;
        }

        /** Whether the journal leaves commit and rollback to a container transaction. */
        public boolean joinTransactions() {
            return joinTransactions;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof JdbcOptions x && x.tablePrefix.equals(tablePrefix) && x.createSchema == createSchema
                    && x.joinTransactions == joinTransactions;
        }

        @Override
        public int hashCode() {
            return Objects.hash(tablePrefix, createSchema, joinTransactions);
        }

        @Override
        public String toString() {
            return "JdbcOptions[tablePrefix=" + tablePrefix + ", createSchema=" + createSchema + ", joinTransactions="
                    + joinTransactions + "]";
        }
    }

    /**
     * What is claimed: one state of one object. {@code stateKey} is the state's name
     * ({@code ACCEPTED}, {@code FAILED} for every failure reason, {@code UNKNOWN_<code>}), or
     * {@code <ANOMALY TYPE>:<claimed state>} for an anomaly.
     */
    record Key(IpnKind kind, String objectId, String stateKey) {
        public Key {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(objectId, "objectId");
            Objects.requireNonNull(stateKey, "stateKey");
        }

        // Written out: every IPN looks its key up in hash maps (remembered applied states, in-flight
        // deliveries), and on Java 17 a record's generated equals/hashCode/toString go through
        // method handles (toString through String.format) that showed up in the duplicate path's profile.
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Key k && kind == k.kind && objectId.equals(k.objectId)
                    && stateKey.equals(k.stateKey);
        }

        @Override
        public int hashCode() {
            return (kind.hashCode() * 31 + objectId.hashCode()) * 31 + stateKey.hashCode();
        }

        @Override
        public String toString() {
            return "Key[kind=" + kind + ", objectId=" + objectId + ", stateKey=" + stateKey + "]";
        }
    }

    enum ClaimStatus { PROCESSING, APPLIED, FAILED }

    /**
     * What {@link #purge} deleted: delivery rows, claims, and records beside them (invoices, paid
     * orders, refunds of double payments).
     */
    record Purged(int deliveries, int claims, int records) {
    }

    /** One claim as stored; {@code attempts} counts how often it was claimed. */
    record Claim(String stateKey, ClaimStatus status, long entryId, Instant claimedAt, int attempts) {
    }

    /**
     * @param result CLAIMED (the caller now holds it), ALREADY_APPLIED, or BUSY (another
     *     delivery holds a live PROCESSING claim)
     * @param objectClaims every claim of the object after the attempt, the caller's included
     */
    record ClaimAttempt(Result result, List<Claim> objectClaims) {
        public ClaimAttempt {
            Objects.requireNonNull(result, "result");
            objectClaims = List.copyOf(objectClaims);
        }

        public enum Result { CLAIMED, ALREADY_APPLIED, BUSY }
    }

    /**
     * One delivery.
     *
     * @param id journal id, from {@link #newEntryId()}
     * @param receivedAt when it arrived
     * @param sourceAddress the resolved client address
     * @param kind what it is about
     * @param objectId transaction, refund or withdrawal id
     * @param invoiceId invoice id (checkout), else {@code null}
     * @param orderId order id as the IPN claimed it, else {@code null}
     * @param state the state the IPN claimed
     * @param stateCode its raw code
     * @param body the raw body (valid UTF-8)
     * @param outcome the outcome (a stored entry always has one)
     * @param detail a short explanation of the outcome, or {@code null}
     */
    record Entry(long id, Instant receivedAt, String sourceAddress, IpnKind kind, String objectId,
            String invoiceId, String orderId, IpnState state, Integer stateCode, String body, IpnOutcome outcome,
            String detail) {

        /**
         * The claim of the state this delivery notified, as the pipeline keys it: every failure
         * state is one claim, an undocumented state one per code. (An anomaly is claimed under a
         * key of its own, which {@link IpnJournal#claims} lists with the object's other claims.)
         */
        public Key claimKey() {
            return new Key(kind, objectId, StateKeys.of(state, stateCode));
        }

        /** Never prints the body. */
        @Override
        public String toString() {
            return "Entry[id=" + id + ", receivedAt=" + receivedAt + ", sourceAddress=" + sourceAddress + ", kind="
                    + kind + ", objectId=" + objectId + ", state=" + state + "(" + stateCode + "), outcome=" + outcome
                    + ", detail=" + detail + "]";
        }
    }
}
