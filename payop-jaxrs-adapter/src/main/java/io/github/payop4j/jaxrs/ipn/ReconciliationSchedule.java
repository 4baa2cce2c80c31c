package io.github.payop4j.jaxrs.ipn;

import io.github.payop4j.config.PayopSettings;
import io.github.payop4j.config.Setting;
import io.github.payop4j.ipn.IpnProcessor;
import io.github.payop4j.ipn.ReconciliationReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Runs payop-core's reconciliation sweep ({@link IpnProcessor#reconcile()}) every
 * {@code payop.reconcile.interval} on the server's {@code ManagedScheduledExecutorService}, and
 * purges the journal ({@link IpnProcessor#purge()}) once an hour. Every node of a cluster sweeps;
 * the journal's records let one node take each invoice and its claims apply each state once. The
 * container's own executor (not a thread of ours) gives the sweep the application's naming context
 * and transactions, and stops with the application.
 */
@ApplicationScoped
public class ReconciliationSchedule {

    static final String EXECUTOR = "java:comp/DefaultManagedScheduledExecutorService";
    private static final Duration PURGE_EVERY = Duration.ofHours(1);
    private static final System.Logger LOG = System.getLogger(ReconciliationSchedule.class.getName());

    private final PayopSettings settings;
    private final Instance<IpnProcessor> processor;
    private volatile ScheduledFuture<?> future;
    /** False without a JWT token: the sweep asks Payop's API; the journal is purged all the same. */
    private volatile boolean sweep = true;
    private volatile long lastPurge = System.nanoTime() - PURGE_EVERY.toNanos();

    /** For the CDI proxy only. */
    protected ReconciliationSchedule() {
        this(null, null);
    }

    @Inject
    public ReconciliationSchedule(PayopSettings settings, Instance<IpnProcessor> processor) {
        this.settings = settings;
        this.processor = processor;
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (!settings.ipnEnabled()) {
            return;
        }
        if (!settings.reconcileEnabled()) {
            LOG.log(Level.INFO, "PAYOP4J-3203 Reconciliation is off (" + Setting.RECONCILE_ENABLED.key() + "=false):"
                    + " an IPN that never arrives leaves its order unpaid. The journal is not purged either;"
                    + " call IpnProcessor.purge() yourself.");
            return;
        }
        sweep = settings.jwtToken().isPresent();
        if (!sweep) {
            LOG.log(Level.WARNING, "PAYOP4J-3203 Reconciliation does not sweep: it asks Payop's API, which needs "
                    + Setting.JWT_TOKEN.key() + ". An IPN that never arrives leaves its order unpaid. The journal is"
                    + " still purged hourly.");
        }
        ScheduledExecutorService executor;
        try {
            executor = (ScheduledExecutorService) new InitialContext().lookup(EXECUTOR);
        } catch (NamingException | ClassCastException e) {
            LOG.log(Level.WARNING, "PAYOP4J-3203 Reconciliation is not scheduled: no " + EXECUTOR + " ("
                    + e.getClass().getSimpleName() + "). Enable Jakarta Concurrency in the server.");
            return;
        }
        long every = settings.reconcileInterval().toMillis();
        future = executor.scheduleWithFixedDelay(this::runOnce, every, every, TimeUnit.MILLISECONDS);
        LOG.log(Level.INFO, "PAYOP4J-3201 Reconciliation scheduled every " + settings.reconcileInterval()
                + (sweep ? ": invoices without a final state " + settings.reconcileDelay() + " after creation are asked"
                        + " about;" : " without the sweep (no JWT token);")
                + " the journal is purged hourly (retention " + settings.ipnRetention() + ")");
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        ScheduledFuture<?> f = future;
        if (f != null) {
            f.cancel(false);
            future = null;
        }
    }

    /** One round; never throws (a scheduled task that throws is never run again). */
    void runOnce() {
        try {
            runOnce(processor.get());
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "PAYOP4J-3202 No IPN processor for the reconciliation round; the next one runs in "
                    + settings.reconcileInterval(), e);
        }
    }

    /** The sweep (with a JWT token), then the hourly purge, which a failed sweep does not skip. */
    void runOnce(IpnProcessor p) {
        if (sweep) {
            try {
                ReconciliationReport report = p.reconcile();
                if (report.checked() > 0) {
                    LOG.log(Level.DEBUG, () -> "PAYOP4J-3202 Reconciliation round: " + report);
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.WARNING, "PAYOP4J-3202 Reconciliation round failed; the next one runs in "
                        + settings.reconcileInterval(), e);
            }
        }
        if (System.nanoTime() - lastPurge >= PURGE_EVERY.toNanos()) {
            lastPurge = System.nanoTime();
            try {
                p.purge();
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.WARNING, "PAYOP4J-3202 Purging the IPN journal failed; it is tried again in an hour", e);
            }
        }
    }
}
