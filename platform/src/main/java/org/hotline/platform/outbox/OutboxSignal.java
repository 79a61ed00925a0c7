package org.hotline.platform.outbox;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Wakes the relay as soon as a transaction that appended to the outbox has committed, so an idle system relays
 * within milliseconds rather than at the next poll. A wake that arrives while the relay is busy is not lost: the
 * relay looks again before it waits.
 */
@ApplicationScoped
public class OutboxSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signalled = lock.newCondition();
    private final AtomicLong wakes = new AtomicLong();
    private final AtomicLong wakesUsed = new AtomicLong();
    private boolean pending;
    private boolean closed;

    public OutboxSignal(MeterRegistry registry) {
        FunctionCounter.builder("hotline.outbox.wakeups", wakes, AtomicLong::get)
                .description("Commits that woke the relay because they appended to the outbox").register(registry);
        FunctionCounter.builder("hotline.outbox.wakeups.relayed", wakesUsed, AtomicLong::get)
                .description("Times the relay woke on a commit's signal rather than at its poll interval")
                .register(registry);
    }

    /** Called after a commit that appended to the outbox. */
    public void wake() {
        wakes.incrementAndGet();
        lock.lock();
        try {
            pending = true;
            signalled.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until woken or until {@code timeout} has passed.
     *
     * @return whether a commit's signal ended the wait (a pending one counts, even when it came before the call)
     */
    boolean await(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (!pending && !closed && nanos > 0) {
                nanos = signalled.awaitNanos(nanos);
            }
            boolean woken = pending;
            pending = false;
            if (woken) {
                wakesUsed.incrementAndGet();
            }
            return woken;
        } finally {
            lock.unlock();
        }
    }

    /** Ends every wait for good: the service is stopping. */
    void close() {
        lock.lock();
        try {
            closed = true;
            signalled.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How many commits have signalled so far. */
    public long wakes() {
        return wakes.get();
    }

    /** How many relay waits a commit's signal has ended so far. */
    public long wakesRelayed() {
        return wakesUsed.get();
    }
}
