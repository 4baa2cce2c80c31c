package io.github.payop4j.testkit.internal.ipn;

import io.github.payop4j.ipn.IpnKind;
import io.github.payop4j.testkit.SentIpn;
import io.github.payop4j.testkit.internal.Settings;
import io.github.payop4j.testkit.internal.http.Json;
import io.github.payop4j.testkit.internal.state.Notifier;
import io.github.payop4j.testkit.internal.state.Payment;
import io.github.payop4j.testkit.internal.state.RefundState;
import io.github.payop4j.testkit.internal.state.WithdrawalState;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends IPNs the way Payop does: to the project's IPN URL, from a fixed source address, retried on
 * the schedule until a 200, optionally repeated, delayed or reordered. One thread owned by the
 * emulator sends them one at a time (and runs the emulator's other delayed work); every attempt
 * is recorded.
 */
public final class IpnSender implements Notifier {

    private static final System.Logger LOG = System.getLogger("io.github.payop4j.testkit");

    private final Settings settings;
    private final InetAddress source;
    private final ScheduledThreadPoolExecutor executor;
    private final List<SentIpn> sent = new ArrayList<>();
    private final List<Message> reorderBuffer = new ArrayList<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile URI target;

    private record Message(IpnKind kind, String objectId, int state, byte[] body, Runnable afterAcknowledged) {
    }

    public IpnSender(Settings settings) {
        this.settings = settings;
        try {
            this.source = InetAddress.getByName(settings.ipnSource());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("IPN source address " + settings.ipnSource() + " is not an address", e);
        }
        this.target = settings.ipnUrl();
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "payop-emulator-ipn");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    public void target(URI ipnUrl) {
        this.target = ipnUrl;
    }

    public URI target() {
        return target;
    }

    @Override
    public void paymentChanged(Payment p, Runnable afterAcknowledged) {
        enqueue(new Message(IpnKind.CHECKOUT, p.id, p.state, bytes(IpnBodies.checkout(p)), afterAcknowledged));
    }

    @Override
    public void refundChanged(RefundState r) {
        enqueue(new Message(IpnKind.REFUND, r.id, r.status, bytes(IpnBodies.refund(r)), null));
    }

    @Override
    public void withdrawalChanged(WithdrawalState w) {
        enqueue(new Message(IpnKind.WITHDRAWAL, w.id, w.status, bytes(IpnBodies.withdrawal(w)), null));
    }

    @Override
    public void later(long delayMillis, Runnable task) {
        long gen = generation.get();
        executor.schedule(() -> {
            if (generation.get() == gen) {
                task.run();
            }
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    private static byte[] bytes(JsonObject body) {
        return Json.write(body).getBytes(StandardCharsets.UTF_8);
    }

    private void enqueue(Message m) {
        inFlight.incrementAndGet();
        long delay = settings.ipnDelay().toMillis();
        if (!settings.ipnOutOfOrder()) {
            schedule(m, 1, false, delay);
            return;
        }
        // Out of order: notifications that arrive within the window are sent newest first.
        synchronized (reorderBuffer) {
            reorderBuffer.add(m);
            if (reorderBuffer.size() == 1) {
                later(Math.max(delay, 100), this::flushReversed);
            }
        }
    }

    private void flushReversed() {
        List<Message> batch;
        synchronized (reorderBuffer) {
            batch = new ArrayList<>(reorderBuffer);
            reorderBuffer.clear();
        }
        for (int i = batch.size() - 1; i >= 0; i--) {
            attempt(batch.get(i), 1, false);
        }
    }

    private void schedule(Message m, int attempt, boolean repeat, long delayMillis) {
        long gen = generation.get();
        executor.schedule(() -> {
            if (generation.get() == gen) {
                attempt(m, attempt, repeat);
            }
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void attempt(Message m, int attempt, boolean repeat) {
        URI url = target;
        Instant at = Instant.now();
        String body = new String(m.body(), StandardCharsets.UTF_8);
        if (url == null) {
            record(new SentIpn(m.kind(), m.objectId(), m.state(), attempt, repeat, body, source.getHostAddress(),
                    null, -1, "", "no IPN URL is configured", at));
            done();
            return;
        }
        HttpPost.Answer answer = HttpPost.send(url, source, m.body(), settings.ipnTimeout());
        record(new SentIpn(m.kind(), m.objectId(), m.state(), attempt, repeat, body, source.getHostAddress(), url,
                answer.status(), answer.body(), answer.error(), at));
        if (answer.status() == 200) {
            if (!repeat) {
                for (int i = 1; i < settings.ipnRepeats(); i++) {
                    attempt(m, 1, true);
                }
                if (m.afterAcknowledged() != null) {
                    m.afterAcknowledged().run();
                }
                done();
            }
            return;
        }
        if (repeat) {
            return; // a deliberate duplicate is not retried: the original was acknowledged
        }
        List<Duration> waits = settings.ipnRetrySchedule();
        if (attempt <= waits.size()) {
            schedule(m, attempt + 1, false, waits.get(attempt - 1).toMillis());
        } else {
            LOG.log(System.Logger.Level.WARNING, () -> "PAYOP-EMU-010 Gave up on the " + m.kind() + " IPN for "
                    + m.objectId() + " (state " + m.state() + ") after " + attempt + " attempts; last answer "
                    + (answer.status() < 0 ? answer.error() : "HTTP " + answer.status()));
            done();
        }
    }

    /** One notification finished; never below zero, even when a reset raced a running attempt. */
    private void done() {
        inFlight.updateAndGet(n -> Math.max(0, n - 1));
    }

    private void record(SentIpn ipn) {
        synchronized (sent) {
            sent.add(ipn);
            sent.notifyAll();
        }
    }

    public List<SentIpn> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    /** Waits until at least {@code count} attempts were recorded; returns all recorded so far. */
    public List<SentIpn> await(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (sent) {
            while (sent.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("Expected at least " + count + " IPN deliveries within " + timeout
                            + " but saw " + sent.size() + ": " + describe(sent));
                }
                TimeUnit.NANOSECONDS.timedWait(sent, left);
            }
            return List.copyOf(sent);
        }
    }

    /** Waits until every notification is acknowledged or given up on. */
    public void awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(inFlight.get() + " IPN(s) still undelivered after " + timeout
                        + "; sent so far: " + describe(sent()));
            }
            Thread.sleep(10);
        }
    }

    private static String describe(List<SentIpn> list) {
        StringBuilder b = new StringBuilder("[");
        for (SentIpn s : list) {
            b.append(b.length() > 1 ? ", " : "").append(s.kind()).append(' ').append(s.state()).append(" #")
                    .append(s.attempt()).append(s.repeat() ? " repeat" : "").append(" -> ")
                    .append(s.status() < 0 ? s.error() : Integer.toString(s.status()));
        }
        return b.append(']').toString();
    }

    public void reset() {
        generation.incrementAndGet();
        executor.getQueue().clear();
        synchronized (reorderBuffer) {
            reorderBuffer.clear();
        }
        synchronized (sent) {
            sent.clear();
        }
        inFlight.set(0);
        target = settings.ipnUrl();
    }

    public void close() {
        generation.incrementAndGet();
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "PAYOP-EMU-011 The IPN thread did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
