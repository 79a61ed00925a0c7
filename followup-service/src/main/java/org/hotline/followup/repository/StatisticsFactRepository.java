package org.hotline.followup.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * What the statistics read model remembers of earlier events to count later ones (a contact's state, a referral's
 * need, a follow-up's deadlines), and the events parked until what they need arrives. Per generation.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StatisticsFactRepository {

    private final EntityManager entityManager;

    public StatisticsFactRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public record ReferralFact(String need, String state) {
    }

    public record FollowupFact(String reference, Instant clockStartsAt, Instant targetAt) {
    }

    /** An event waiting for {@code waitsFor}. */
    public record ParkedEvent(UUID eventId, String eventType, String payload) {
    }

    /**
     * Serialises, within a generation, the transactions that park an event under a key and the ones that record
     * that key's fact (the live consumer and a rebuild may do both at once): without it, a parked event could miss
     * the fact committed beside it and wait for ever.
     */
    public void lockKey(int generation, String key) {
        entityManager.createNativeQuery("SELECT count(*) FROM pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "statistics:" + generation + ":" + key).getSingleResult();
    }

    public Optional<String> contactState(int generation, String reference) {
        return first(entityManager.createNativeQuery(
                "SELECT state FROM statistics_contact WHERE generation = ?1 AND reference = ?2")
                .setParameter(1, generation).setParameter(2, reference).getResultList()).map(String.class::cast);
    }

    /** Records a contact; false when it was known already. */
    public boolean addContact(int generation, String reference, String state) {
        return entityManager.createNativeQuery("INSERT INTO statistics_contact (generation, reference, state) "
                + "VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING").setParameter(1, generation).setParameter(2, reference)
                .setParameter(3, state).executeUpdate() == 1;
    }

    /** Marks the contact's urgency as counted; true the first time only (a re-decision counts nothing). */
    public boolean markUrgencyCounted(int generation, String reference) {
        return entityManager.createNativeQuery("UPDATE statistics_contact SET urgency_counted = true "
                + "WHERE generation = ?1 AND reference = ?2 AND NOT urgency_counted").setParameter(1, generation)
                .setParameter(2, reference).executeUpdate() == 1;
    }

    public Optional<ReferralFact> referral(int generation, UUID referralId) {
        return first(entityManager.createNativeQuery(
                "SELECT need, state FROM statistics_referral WHERE generation = ?1 AND referral_id = ?2")
                .setParameter(1, generation).setParameter(2, referralId).getResultList())
                .map(row -> new ReferralFact((String) ((Object[]) row)[0], (String) ((Object[]) row)[1]));
    }

    public boolean addReferral(int generation, UUID referralId, String need, String state) {
        return entityManager.createNativeQuery("INSERT INTO statistics_referral (generation, referral_id, need, state) "
                + "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING").setParameter(1, generation)
                .setParameter(2, referralId).setParameter(3, need).setParameter(4, state).executeUpdate() == 1;
    }

    public Optional<FollowupFact> followup(int generation, UUID followupId) {
        return first(entityManager.createNativeQuery("SELECT reference, clock_starts_at, target_at "
                + "FROM statistics_followup WHERE generation = ?1 AND followup_id = ?2")
                .setParameter(1, generation).setParameter(2, followupId).getResultList())
                .map(row -> {
                    Object[] r = (Object[]) row;
                    return new FollowupFact((String) r[0], StatisticsGenerationRepository.instant(r[1]),
                            StatisticsGenerationRepository.instant(r[2]));
                });
    }

    /**
     * Records a follow-up's deadlines; a later schedule of the same follow-up (an operator closure moved them)
     * replaces them. True when the follow-up was new.
     */
    public boolean putFollowup(int generation, UUID followupId, String reference, Instant clockStartsAt,
            Instant targetAt) {
        boolean known = followup(generation, followupId).isPresent();
        entityManager.createNativeQuery("INSERT INTO statistics_followup (generation, followup_id, reference, "
                + "clock_starts_at, target_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (generation, followup_id) "
                + "DO UPDATE SET clock_starts_at = EXCLUDED.clock_starts_at, target_at = EXCLUDED.target_at")
                .setParameter(1, generation).setParameter(2, followupId).setParameter(3, reference)
                .setParameter(4, clockStartsAt).setParameter(5, targetAt).executeUpdate();
        return !known;
    }

    public void park(int generation, String waitsFor, UUID eventId, String eventType, String payload) {
        entityManager.createNativeQuery("INSERT INTO statistics_parked_event (generation, waits_for, event_id, "
                + "event_type, payload) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING")
                .setParameter(1, generation).setParameter(2, waitsFor).setParameter(3, eventId)
                .setParameter(4, eventType).setParameter(5, payload).executeUpdate();
    }

    /** Takes (deletes and answers) the events waiting for {@code waitsFor}. */
    public List<ParkedEvent> unpark(int generation, String waitsFor) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("DELETE FROM statistics_parked_event "
                + "WHERE generation = ?1 AND waits_for = ?2 RETURNING event_id, event_type, payload")
                .setParameter(1, generation).setParameter(2, waitsFor).getResultList();
        return rows.stream().map(r -> new ParkedEvent((UUID) r[0], (String) r[1], (String) r[2])).toList();
    }

    public long parkedCount(int generation) {
        return ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM statistics_parked_event WHERE generation = ?1").setParameter(1, generation)
                .getSingleResult()).longValue();
    }

    private static Optional<Object> first(List<?> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }
}
