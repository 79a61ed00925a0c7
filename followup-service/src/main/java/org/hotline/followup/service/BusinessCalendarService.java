package org.hotline.followup.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hotline.calendar.SlaCalculator;
import org.hotline.followup.CalendarClosure;
import org.hotline.followup.repository.ClosureRepository;

/**
 * The SLA calculator as it stands now: the configured window, holidays and SLA policy, plus every operator closure
 * stored in the database (so every instance counts with the same closures, whichever instance added them).
 *
 * <p>Scheduling and closure changes are serialised by a transaction-scoped advisory lock: scheduling holds it shared,
 * a closure change exclusively. A follow-up is therefore either scheduled with the new closure, or committed before
 * the change and recomputed by it; never missed by both.
 */
@ApplicationScoped
public class BusinessCalendarService {

    private final SlaCalculator configured;
    private final ClosureRepository closures;
    private final EntityManager entityManager;

    public BusinessCalendarService(SlaCalculator configured, ClosureRepository closures, EntityManager entityManager) {
        this.configured = configured;
        this.closures = closures;
        this.entityManager = entityManager;
    }

    /** The calculator with the closures committed so far. */
    public SlaCalculator current() {
        List<org.hotline.calendar.Closure> all = closures.allInOrder().stream().map(CalendarClosure::toClosure)
                .toList();
        return new SlaCalculator(configured.calendar().withClosures(all), configured.policy());
    }

    /** Call first in a transaction that schedules with {@link #current()}; waits for a closure change to commit. */
    public void lockForScheduling() {
        lock("pg_advisory_xact_lock_shared");
    }

    /** Call first in a transaction that changes closures; waits for scheduling transactions to commit. */
    public void lockForClosureChange() {
        lock("pg_advisory_xact_lock");
    }

    private void lock(String function) {
        entityManager.createNativeQuery("SELECT count(*) FROM " + function
                + "(hashtext(current_schema() || '.business-calendar'))").getSingleResult();
    }
}
