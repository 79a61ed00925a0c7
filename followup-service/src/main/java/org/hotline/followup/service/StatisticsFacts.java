package org.hotline.followup.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.hotline.followup.repository.StatisticsFactRepository;
import org.hotline.followup.repository.StatisticsFactRepository.ContactFact;
import org.hotline.followup.repository.StatisticsFactRepository.FollowupFact;
import org.hotline.followup.repository.StatisticsFactRepository.ParkedEvent;
import org.hotline.followup.repository.StatisticsFactRepository.ReferralFact;

/**
 * One batch's view of a generation's facts and parked events, for one transaction that holds the generation's lock
 * ({@link StatisticsFactRepository#lockGeneration}): read up front for the keys the batch names (one statement per
 * kind), looked up one by one only for a key found later (a parked event drained by the batch may name one), changed
 * in memory while the batch is counted in order, and written back by {@link #flush} with one statement per kind.
 */
final class StatisticsFacts {

    private final StatisticsFactRepository repository;
    private final int generation;

    private final Map<String, Optional<ContactFact>> contacts = new HashMap<>();
    private final Map<UUID, Optional<ReferralFact>> referrals = new HashMap<>();
    private final Map<UUID, Optional<FollowupFact>> followups = new HashMap<>();
    /** Parked events per key: the ones parked in this batch, and the table's for the keys in {@link #read}. */
    private final Map<String, List<ParkedEvent>> parked = new HashMap<>();
    private final Set<String> read = new HashSet<>();

    private final Map<String, ContactFact> newContacts = new LinkedHashMap<>();
    private final Set<String> urgencyCounted = new HashSet<>();
    private final Map<UUID, ReferralFact> newReferrals = new LinkedHashMap<>();
    private final Map<UUID, FollowupFact> changedFollowups = new LinkedHashMap<>();
    private final List<ParkedEvent> toPark = new ArrayList<>();
    private final List<ParkedEvent> toUnpark = new ArrayList<>();

    StatisticsFacts(StatisticsFactRepository repository, int generation) {
        this.repository = repository;
        this.generation = generation;
    }

    /** Reads the facts of the keys named, and the events parked under the keys the batch may complete. */
    void load(Collection<String> references, Collection<UUID> referralIds, Collection<UUID> followupIds,
            Collection<String> completable) {
        Map<String, ContactFact> c = repository.contacts(generation, references);
        references.forEach(r -> contacts.put(r, Optional.ofNullable(c.get(r))));
        Map<UUID, ReferralFact> r = repository.referrals(generation, referralIds);
        referralIds.forEach(id -> referrals.put(id, Optional.ofNullable(r.get(id))));
        Map<UUID, FollowupFact> f = repository.followups(generation, followupIds);
        followupIds.forEach(id -> followups.put(id, Optional.ofNullable(f.get(id))));
        // The follow-ups known already name their contacts, whose state their completion is counted under.
        Set<String> more = new HashSet<>();
        f.values().forEach(fact -> {
            if (!contacts.containsKey(fact.reference())) {
                more.add(fact.reference());
            }
        });
        if (!more.isEmpty()) {
            Map<String, ContactFact> m = repository.contacts(generation, more);
            more.forEach(ref -> contacts.put(ref, Optional.ofNullable(m.get(ref))));
        }
        read.addAll(completable);
        repository.parked(generation, completable).forEach(p -> waiting(p.waitsFor()).add(p));
    }

    Optional<String> contactState(String reference) {
        return contact(reference).map(ContactFact::state);
    }

    /** Records a contact; false when it was known already. */
    boolean addContact(String reference, String state) {
        if (contact(reference).isPresent()) {
            return false;
        }
        ContactFact fact = new ContactFact(state, false);
        contacts.put(reference, Optional.of(fact));
        newContacts.put(reference, fact);
        return true;
    }

    /** Marks the contact's urgency as counted; true the first time only (a re-decision counts nothing). */
    boolean markUrgencyCounted(String reference) {
        Optional<ContactFact> fact = contact(reference);
        if (fact.isEmpty() || fact.get().urgencyCounted()) {
            return false;
        }
        ContactFact counted = new ContactFact(fact.get().state(), true);
        contacts.put(reference, Optional.of(counted));
        if (newContacts.containsKey(reference)) {
            newContacts.put(reference, counted);
        } else {
            urgencyCounted.add(reference);
        }
        return true;
    }

    Optional<ReferralFact> referral(UUID referralId) {
        return referrals.computeIfAbsent(referralId,
                id -> Optional.ofNullable(repository.referrals(generation, List.of(id)).get(id)));
    }

    boolean addReferral(UUID referralId, String need, String state) {
        if (referral(referralId).isPresent()) {
            return false;
        }
        ReferralFact fact = new ReferralFact(need, state);
        referrals.put(referralId, Optional.of(fact));
        newReferrals.put(referralId, fact);
        return true;
    }

    Optional<FollowupFact> followup(UUID followupId) {
        return followups.computeIfAbsent(followupId,
                id -> Optional.ofNullable(repository.followups(generation, List.of(id)).get(id)));
    }

    /**
     * Records a follow-up's deadlines; a later schedule of the same follow-up (an operator closure moved them)
     * replaces them. True when the follow-up was new.
     */
    boolean putFollowup(UUID followupId, String reference, Instant clockStartsAt, Instant targetAt) {
        boolean known = followup(followupId).isPresent();
        FollowupFact fact = new FollowupFact(reference, clockStartsAt, targetAt);
        followups.put(followupId, Optional.of(fact));
        changedFollowups.put(followupId, fact);
        return !known;
    }

    void park(String waitsFor, UUID eventId, String eventType, String payload) {
        ParkedEvent event = new ParkedEvent(waitsFor, eventId, eventType, payload);
        waiting(waitsFor).add(event);
        toPark.add(event);
    }

    /** Takes the events waiting for {@code waitsFor} (parked before, or earlier in this batch). */
    List<ParkedEvent> unpark(String waitsFor) {
        if (read.add(waitsFor)) {
            waiting(waitsFor).addAll(repository.parked(generation, List.of(waitsFor)));
        }
        List<ParkedEvent> waiting = waiting(waitsFor);
        List<ParkedEvent> taken = new ArrayList<>(waiting);
        waiting.clear();
        for (ParkedEvent event : taken) {
            // One parked in this batch was never written; one read from the table is deleted at the flush.
            if (!toPark.remove(event)) {
                toUnpark.add(event);
            }
        }
        return taken;
    }

    /** Writes what the batch changed, one statement per kind. */
    void flush() {
        repository.insertContacts(generation, newContacts);
        repository.markUrgencyCounted(generation, urgencyCounted);
        repository.insertReferrals(generation, newReferrals);
        repository.putFollowups(generation, changedFollowups);
        repository.deleteParked(generation, toUnpark);
        repository.park(generation, toPark);
    }

    private Optional<ContactFact> contact(String reference) {
        return contacts.computeIfAbsent(reference,
                ref -> Optional.ofNullable(repository.contacts(generation, List.of(ref)).get(ref)));
    }

    private List<ParkedEvent> waiting(String key) {
        return parked.computeIfAbsent(key, k -> new ArrayList<>());
    }
}
