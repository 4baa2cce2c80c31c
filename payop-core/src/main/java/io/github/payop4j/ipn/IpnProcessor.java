package io.github.payop4j.ipn;

import io.github.payop4j.PayopClient;
import io.github.payop4j.error.PayopOrderPaidException;
import io.github.payop4j.error.PayopPaymentUnderWayException;
import io.github.payop4j.internal.ipn.BuilderSupport;
import io.github.payop4j.internal.ipn.Confirmer;
import io.github.payop4j.internal.ipn.InvoiceAttempts;
import io.github.payop4j.internal.ipn.Operations;
import io.github.payop4j.internal.ipn.Pipeline;
import io.github.payop4j.internal.ipn.PipelineConfig;
import io.github.payop4j.internal.ipn.Sweep;
import io.github.payop4j.internal.ipn.journal.Ledger;
import io.github.payop4j.invoice.CreatedInvoice;
import io.github.payop4j.invoice.InvoiceRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Receives Payop IPNs: proves each is genuine, applies it exactly once, loses none.
 *
 * <pre>{@code
 * IpnProcessor ipn = IpnProcessor.builder(payopClient)      // confirms with the API (JWT token)
 *         .journal(IpnJournal.jdbc(dataSource))
 *         .orderLookup(id -> orders.find(id).map(o -> new IpnOrderLookup.Order(o.total(), o.currency())))
 *         .handler(event -> { if (event instanceof IpnEvent.PaymentAccepted p) orders.markPaid(p.orderId()); })
 *         .build();
 * IpnResult result = ipn.process(new IpnDelivery(body, peer, xForwardedFor, forwarded, Instant.now()));
 * response.setStatus(result.httpStatus());
 * }</pre>
 *
 * <p>Per delivery: the source address must be allowed; the body must be one of Payop's three
 * IPN shapes; a state already applied is answered "duplicate" (from memory, or one indexed read
 * of the journal; counted in {@link #counts()}, not journaled); a delivery of a state that another
 * delivery is applying on this node right now waits up to {@link Builder#duplicateWait} for its
 * outcome; otherwise the Payop API is asked and its state, ids, amount and currency are the truth;
 * the confirmed state is claimed in the journal, and only the claim's holder compares an accepted
 * payment with the shop's order, runs the handlers and marks the claim applied, journaling the
 * delivery with its outcome. Anything that cannot be trusted becomes an {@link IpnEvent.Anomaly},
 * never a payment; a repeat of an applied state never does. Immutable and thread-safe: build one
 * per Payop project and share it.
 */
public final class IpnProcessor {

    /** Default cap on the body; Payop's IPNs are well under 2 KiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    /** How long a PROCESSING claim blocks others before it counts as abandoned. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);
    /** How long a delivery waits for a concurrent delivery of the same state before answering 503. */
    public static final Duration DEFAULT_DUPLICATE_WAIT = Duration.ofSeconds(3);
    /** How many request threads may wait so at once; past that, 503 at once. */
    public static final int DEFAULT_MAX_DUPLICATE_WAITERS = 16;
    /** How many deliveries one processor applies at once (claim, order check, handlers, mark). */
    public static final int DEFAULT_MAX_APPLYING = 4;
    /** How long journaled deliveries are kept by {@link #purge()}. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
    /** How long after its creation an invoice without a final state is asked about by {@link #reconcile()}. */
    public static final Duration DEFAULT_RECONCILE_AFTER = Duration.ofMinutes(15);
    /** How often {@link #reconcile()} asks about the same invoice at most (and the adapter sweeps). */
    public static final Duration DEFAULT_RECONCILE_EVERY = Duration.ofMinutes(5);

    private final Pipeline pipeline;
    private final PipelineConfig config;
    private final Operations operations;
    /** Null without a client or a built-in journal: see {@link #attempts()}. */
    private final InvoiceAttempts attempts;

    private IpnProcessor(PipelineConfig config) {
        this.config = config;
        this.pipeline = new Pipeline(config);
        this.operations = new Operations(config, pipeline);
        this.attempts = config.client() == null || config.ledger() == null ? null
                : new InvoiceAttempts(config.client(), config.ledger(), config.clock());
    }

    /** A processor that confirms every IPN with the Payop API when the client has a JWT token. */
    public static Builder builder(PayopClient client) {
        return new Builder(Objects.requireNonNull(client, "client"));
    }

    /**
     * A processor without API confirmation: only the source address and the journal protect
     * the shop. Use it only where no JWT token can be had.
     */
    public static Builder builder() {
        return new Builder(null);
    }

    /** Processes one delivery. Never throws: every failure is an outcome with a status to answer. */
    public IpnResult process(IpnDelivery delivery) {
        return pipeline.process(Objects.requireNonNull(delivery, "delivery"), delivery.sharedBody());
    }

    public IpnJournal journal() {
        return config.journal();
    }

    public IpnSourcePolicy sources() {
        return config.sources();
    }

    public boolean verifiesWithApi() {
        return config.confirmer() != null;
    }

    public int maxBodyBytes() {
        return config.maxBodyBytes();
    }

    /**
     * How many deliveries ended in each outcome since this processor was built (every outcome is
     * present). Duplicates are only counted here and logged at DEBUG: the journal keeps no entry
     * for them.
     */
    public Map<IpnOutcome, Long> counts() {
        return pipeline.counts();
    }

    /**
     * The invoice for this order attempt: the order's open invoice while Payop takes payment for it
     * (new or pending, over an hour of its 24 left) and amount and currency are unchanged; else a
     * new one, recorded beside the journal (the sweep knows it). Concurrent calls for one order, on
     * any node sharing the journal's store, create one. A replaced invoice's payment is voided.
     *
     * @throws PayopOrderPaidException when the library recorded a payment of the order (or Payop
     *     reports its invoice paid): a second invoice would invite a second payment
     * @throws io.github.payop4j.error.PayopException when Payop cannot be asked or refuses
     * @throws IllegalStateException without a client, or with a journal of the shop's own
     */
    public CreatedInvoice invoiceFor(InvoiceRequest request) {
        return attempts().invoiceFor(Objects.requireNonNull(request, "request"), false);
    }

    /**
     * {@link #invoiceFor}, for a direct or server-to-server payment, which starts a checkout
     * transaction on the invoice: Payop takes one per invoice, so an open invoice is reused only
     * while it has none.
     *
     * @throws PayopPaymentUnderWayException when the order's open invoice has a payment under way
     */
    public CreatedInvoice invoiceForTransaction(InvoiceRequest request) {
        return attempts().invoiceFor(Objects.requireNonNull(request, "request"), true);
    }

    private InvoiceAttempts attempts() {
        if (attempts == null) {
            throw new IllegalStateException("One invoice per order attempt needs the PayopClient"
                    + " (IpnProcessor.builder(client)) and a built-in journal (IpnJournal.jdbc or inMemory), which"
                    + " keeps the invoice records");
        }
        return attempts;
    }

    /**
     * One reconciliation sweep: asks Payop about each invoice from {@link #invoiceFor} without a
     * final state {@link Builder#reconcileAfter} after its creation (not asked in the last
     * {@link Builder#reconcileEvery}) and applies a final state through its IPN's journal claim:
     * once, whichever comes first, however many nodes sweep; gives up after the invoice's 24 hours.
     * Java SE: call it every few minutes; the CDI adapter schedules it. Needs the JWT token.
     */
    public ReconciliationReport reconcile() {
        return new Sweep(config, pipeline).run();
    }

    /**
     * Runs the journaled delivery {@code entryId} through the pipeline again, as if it arrived now
     * from its original source: for a delivery that failed (Payop gave up retrying) or was applied
     * as an anomaly whose cause is fixed (its claim is reopened first). A state applied as a payment
     * or failure is never applied again: that re-drive answers {@link IpnOutcome#DUPLICATE}.
     *
     * @return the outcome, or empty when the journal has no such delivery (purged, or never journaled)
     */
    public Optional<IpnResult> redrive(long entryId) {
        return operations.redrive(entryId);
    }

    /**
     * Deletes journaled deliveries older than {@link Builder#retention} and, older than the
     * retention but at least 48 hours (Payop repeats an IPN for 24), the claims that answer repeats
     * "duplicate" and the records beside them. Call it daily; the CDI adapter does.
     */
    public IpnJournal.Purged purge() {
        return operations.purge();
    }

    /** Claims still being processed after the lease, oldest first: deliveries that died with their node. */
    public List<IpnJournal.Key> stuckClaims(int limit) {
        return config.journal().processing(config.clock().instant().minus(config.lease()), limit);
    }

    @Override
    public String toString() {
        return "IpnProcessor[verifyWithApi=" + verifiesWithApi() + ", sources=" + config.sources() + ", journal="
                + config.journal() + ", handlers=" + config.handlers().size() + ", orderLookup="
                + (config.orderLookup() != null) + ", transactions=" + config.transactions() + ", lease="
                + config.lease() + ", duplicateWait=" + config.duplicateWait() + ", maxDuplicateWaiters="
                + config.maxWaiters() + ", maxApplying=" + config.maxApplying() + ", maxBodyBytes="
                + config.maxBodyBytes() + ", retention=" + config.operations().retention() + ", reconcileAfter="
                + config.operations().reconcileAfter()
                + ", reconcileEvery=" + config.operations().reconcileEvery() + ", refundDoublePayments="
                + config.operations().refundDoublePayments() + "]";
    }

    public static final class Builder {
        private final PayopClient client;
        private final List<IpnHandler> handlers = new ArrayList<>();
        private Boolean verifyWithApi;
        private IpnOrderLookup orderLookup;
        private IpnSourcePolicy sources = IpnSourcePolicy.payopDefaults();
        private IpnJournal journal;
        private IpnTransactions transactions = IpnTransactions.none();
        private Duration lease = DEFAULT_LEASE;
        private Duration duplicateWait = DEFAULT_DUPLICATE_WAIT;
        private int maxDuplicateWaiters = DEFAULT_MAX_DUPLICATE_WAITERS;
        private int maxApplying = DEFAULT_MAX_APPLYING;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private Duration retention = DEFAULT_RETENTION;
        private Duration reconcileAfter = DEFAULT_RECONCILE_AFTER;
        private Duration reconcileEvery = DEFAULT_RECONCILE_EVERY;
        private boolean refundDoublePayments;
        private Clock clock = Clock.systemUTC();

        private Builder(PayopClient client) {
            this.client = client;
        }

        /** Adds a handler; several run in order (a failure in a later one re-runs the earlier on retry). */
        public Builder handler(IpnHandler handler) {
            handlers.add(Objects.requireNonNull(handler, "handler"));
            return this;
        }

        /**
         * The shop's orders as IPN verification needs them: any order by id, paid or not, with
         * no user or request context (see {@link IpnOrderLookup}). Compared with accepted
         * checkout payments by the one delivery that applies the state.
         */
        public Builder orderLookup(IpnOrderLookup lookup) {
            this.orderLookup = Objects.requireNonNull(lookup, "orderLookup");
            return this;
        }

        /** Allowed sources and trusted proxies; default {@link IpnSourcePolicy#payopDefaults()}. */
        public Builder sources(IpnSourcePolicy policy) {
            this.sources = Objects.requireNonNull(policy, "sources");
            return this;
        }

        /** Confirm with the API; default on whenever the client has a JWT token. */
        public Builder verifyWithApi(boolean verify) {
            this.verifyWithApi = verify;
            return this;
        }

        /** Default {@link IpnJournal#inMemory()}: use {@link IpnJournal#jdbc} in production. */
        public Builder journal(IpnJournal journal) {
            this.journal = Objects.requireNonNull(journal, "journal");
            return this;
        }

        /** Transaction around claim, handlers and mark; default {@link IpnTransactions#none()}. */
        public Builder transactions(IpnTransactions transactions) {
            this.transactions = Objects.requireNonNull(transactions, "transactions");
            return this;
        }

        /** How long a claim may stay PROCESSING before another delivery takes it over; default 2 min. */
        public Builder lease(Duration lease) {
            if (lease == null || lease.isNegative() || lease.isZero()) {
                throw new IllegalArgumentException("lease must be a positive duration");
            }
            this.lease = lease;
            return this;
        }

        /**
         * How long a delivery waits for another delivery of the same state of the same object
         * that is being applied right now (on this node, or held in the journal by another node)
         * before answering 503 "retry later"; default 3 s. When the other one applies the state,
         * the wait ends with "duplicate" (200); when it fails, this delivery tries itself.
         * {@link Duration#ZERO} answers 503 at once. It also bounds how long a delivery waits for
         * its turn when {@link #maxApplying} deliveries are being applied.
         */
        public Builder duplicateWait(Duration wait) {
            if (wait == null || wait.isNegative() || wait.compareTo(Duration.ofSeconds(60)) > 0) {
                throw new IllegalArgumentException("duplicateWait must be between 0 and 60 seconds");
            }
            this.duplicateWait = wait;
            return this;
        }

        /**
         * How many request threads may wait so at once (see {@link #duplicateWait}); a delivery
         * that finds no room answers 503 at once, so a slow handler cannot tie up the server's
         * threads (a small server has 32 request threads or fewer). Default 16.
         */
        public Builder maxDuplicateWaiters(int max) {
            if (max < 0 || max > 10_000) {
                throw new IllegalArgumentException("maxDuplicateWaiters must be between 0 and 10000");
            }
            this.maxDuplicateWaiters = max;
            return this;
        }

        /**
         * How many deliveries this processor applies at once: the claim, the order check, the
         * handlers and the mark, the part that holds the journal's and the shop's database
         * connections. The others wait their turn in arrival order, for at most
         * {@link #duplicateWait}, then answer 503 and Payop retries. A burst (Payop's retries after
         * an outage) is thus applied this many at a time, with only that many deliveries holding
         * connections through the handlers (the duplicate check before the turn is one short read),
         * and on a busy node each delivery finishes sooner than when all of them share the
         * processors at once. Default 4.
         */
        public Builder maxApplying(int max) {
            if (max < 1 || max > 1_000) {
                throw new IllegalArgumentException("maxApplying must be between 1 and 1000");
            }
            this.maxApplying = max;
            return this;
        }

        /** Bodies longer than this are refused (413); default 64 KiB. */
        public Builder maxBodyBytes(int max) {
            if (max < 256 || max > 16 * 1024 * 1024) {
                throw new IllegalArgumentException("maxBodyBytes must be between 256 bytes and 16 MiB");
            }
            this.maxBodyBytes = max;
            return this;
        }

        /** How long {@link #purge()} keeps journaled deliveries: 1 hour to 10 years; default 30 days. */
        public Builder retention(Duration value) {
            this.retention = BuilderSupport.between(value, Duration.ofHours(1), Duration.ofDays(3650), "retention");
            return this;
        }

        /** How long after its creation {@link #reconcile()} asks about an invoice: 1 s to 24 h; default 15 min. */
        public Builder reconcileAfter(Duration value) {
            this.reconcileAfter = BuilderSupport.between(value, Duration.ofSeconds(1), Duration.ofHours(24), "reconcileAfter");
            return this;
        }

        /** How soon {@link #reconcile()} asks about the same invoice again: 1 s to 24 h; default 5 min. */
        public Builder reconcileEvery(Duration value) {
            this.reconcileEvery = BuilderSupport.between(value, Duration.ofSeconds(1), Duration.ofHours(24), "reconcileEvery");
            return this;
        }

        /**
         * Refund a double payment automatically: when a second transaction pays an order that
         * another one paid, it is refunded in full once the {@code ALREADY_PAID} anomaly is
         * committed, once (recorded in the journal's store; a refusal or an unknown outcome is
         * logged as {@code PAYOP-IPN-023} and never retried). Default off. Needs the JWT token.
         */
        public Builder refundDoublePayments(boolean refund) {
            this.refundDoublePayments = refund;
            return this;
        }

        /** The clock for receive times, leases, records and the sweep (tests). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Fills in what was not set explicitly from {@link ServiceLoader} in {@code loader}:
         * every {@link IpnHandler} (only if none was added), and at most one
         * {@link IpnOrderLookup} and {@link IpnTransactions}.
         *
         * @throws IllegalStateException if more than one order lookup or transaction runner is found
         */
        public Builder discover(ClassLoader loader) {
            if (handlers.isEmpty()) {
                ServiceLoader.load(IpnHandler.class, loader).forEach(handlers::add);
            }
            if (orderLookup == null) {
                orderLookup = BuilderSupport.single(IpnOrderLookup.class, loader);
            }
            if (transactions == IpnTransactions.none()) {
                IpnTransactions found = BuilderSupport.single(IpnTransactions.class, loader);
                if (found != null) {
                    transactions = found;
                }
            }
            return this;
        }

        /**
         * @throws IllegalStateException if no handler was added (IPNs would be acknowledged and
         *     lost), or API confirmation is requested without a JWT token
         */
        public IpnProcessor build() {
            if (handlers.isEmpty()) {
                throw new IllegalStateException("No IpnHandler: add one with handler(...) or register it in"
                        + " META-INF/services/io.github.payop4j.ipn.IpnHandler. Without one, IPNs would be"
                        + " acknowledged and lost.");
            }
            boolean hasToken = client != null && client.hasJwtToken();
            boolean verify = verifyWithApi == null ? hasToken : verifyWithApi;
            if (verify && !hasToken) {
                throw new IllegalStateException("Confirming IPNs with the Payop API needs a PayopClient with a JWT"
                        + " token (PayopClient.builder().jwtToken(...), or payop.jwt-token)");
            }
            if (!verify) {
                BuilderSupport.warnUnconfirmed(orderLookup != null);
            }
            if (refundDoublePayments && !hasToken) {
                throw new IllegalStateException("Refunding double payments needs a PayopClient with a JWT token"
                        + " (payop.jwt-token)");
            }
            IpnJournal store = journal == null ? IpnJournal.inMemory() : journal;
            if (refundDoublePayments && Ledger.of(store).isEmpty()) {
                throw new IllegalStateException("Refunding double payments needs the record of which transaction"
                        + " paid each order, which only the built-in journals keep: use IpnJournal.inMemory() or"
                        + " IpnJournal.jdbc(...), or leave refundDoublePayments off");
            }
            return new IpnProcessor(new PipelineConfig(sources, client, verify ? new Confirmer(client) : null,
                    orderLookup, handlers, store, Ledger.of(store).orElse(null), transactions, lease, duplicateWait,
                    maxDuplicateWaiters, maxApplying, maxBodyBytes, clock, BuilderSupport.jsonCodec(),
                    new PipelineConfig.Operations(retention, reconcileAfter, reconcileEvery, refundDoublePayments)));
        }
    }
}
