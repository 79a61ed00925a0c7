package org.hotline.platform.outbox;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Which instance of a service relays its outbox: the holder of a lease row, renewed in a short transaction before
 * each batch and while the batch waits for the broker. One relay per service keeps the events of a key in the order
 * they were written and spares the broker a second copy of every row. Should two ever overlap (a holder that stalled
 * past its lease), each still sends a key's rows in order, so the first copy of each event reaches the topic in order
 * and consumers drop the later copies by CloudEvents id.
 */
@ApplicationScoped
public class OutboxRelayLease {

    private static final String RELAY = "outbox";

    private final EntityManager entityManager;
    private final String holder = UUID.randomUUID().toString();
    /** Until when this instance surely holds the lease (its own clock, read before the renewal), or 0. */
    private volatile long heldUntilNanos;
    private volatile boolean holding;

    public OutboxRelayLease(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Takes the lease if it is free or expired, or renews it if this instance holds it; says whether it does. A lease
     * with more than two thirds of its time left is not renewed yet, so an idle relay does not write every poll.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean acquire(Duration lease) {
        long now = System.nanoTime();
        if (holding && heldUntilNanos - now > lease.toNanos() * 2 / 3) {
            return true;
        }
        boolean held = entityManager.createNativeQuery("""
                INSERT INTO outbox_relay_lease (relay, holder, expires_at)
                VALUES (?1, ?2, now() + make_interval(secs => ?3))
                ON CONFLICT (relay) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
                WHERE outbox_relay_lease.holder = EXCLUDED.holder OR outbox_relay_lease.expires_at < now()
                """).setParameter(1, RELAY).setParameter(2, holder).setParameter(3, lease.toMillis() / 1000.0)
                .executeUpdate() == 1;
        heldUntilNanos = now + lease.toNanos();
        holding = held;
        return held;
    }

    /** Gives the lease up (the service is stopping), so another instance relays at once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release() {
        holding = false;
        entityManager.createNativeQuery("DELETE FROM outbox_relay_lease WHERE relay = ?1 AND holder = ?2")
                .setParameter(1, RELAY).setParameter(2, holder).executeUpdate();
    }
}
