package org.hotline.followup.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the statistics read model remembers of earlier events to count later ones (a contact's state, a referral's
 * need, a follow-up's deadlines), the events parked until what they need arrives, and the ids of the events counted
 * (platform's {@code processed_event}, the inbox's table). Per generation, in plain JDBC: a batch of events reads the
 * facts it needs with one statement per kind and writes what it learnt with one statement of arrays per kind, instead
 * of a few round trips per event. Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class StatisticsFactRepository {

    private final DataSource dataSource;

    public StatisticsFactRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record ContactFact(String state, boolean urgencyCounted) {
    }

    public record ReferralFact(String need, String state) {
    }

    public record FollowupFact(String reference, Instant clockStartsAt, Instant targetAt) {
    }

    /** An event waiting for {@code waitsFor}. */
    public record ParkedEvent(String waitsFor, UUID eventId, String eventType, String payload) {
    }

    /**
     * Serialises the writers of one generation until the transaction ends (the live consumer's batches, on every
     * instance, and a rebuild's): a batch reads the facts it needs, parks what waits and drains what it completes as
     * if it were alone, so a parked event can never miss a fact committed beside it.
     */
    public void lockGeneration(int generation) {
        query("SELECT count(*) FROM pg_advisory_xact_lock(hashtext(?))", s -> s.setString(1,
                "statistics:" + generation), rs -> null);
    }

    /**
     * Records the event ids for {@code consumer}, in one statement; answers those that were not recorded before (the
     * others were counted already, by an earlier delivery).
     */
    public Set<UUID> markProcessed(String consumer, Collection<UUID> eventIds) {
        Set<UUID> fresh = new HashSet<>();
        if (eventIds.isEmpty()) {
            return fresh;
        }
        query("INSERT INTO processed_event (consumer, event_id) SELECT ?, unnest(CAST(? AS uuid[])) "
                + "ON CONFLICT DO NOTHING RETURNING event_id", s -> {
                    s.setString(1, consumer);
                    s.setArray(2, s.getConnection().createArrayOf("text", strings(eventIds)));
                }, rs -> {
                    while (rs.next()) {
                        fresh.add(rs.getObject(1, UUID.class));
                    }
                    return null;
                });
        return fresh;
    }

    public Map<String, ContactFact> contacts(int generation, Collection<String> references) {
        Map<String, ContactFact> found = new HashMap<>();
        if (!references.isEmpty()) {
            select("SELECT reference, state, urgency_counted FROM statistics_contact WHERE generation = ? "
                    + "AND reference = ANY (CAST(? AS text[]))", generation, strings(references),
                    rs -> found.put(rs.getString(1), new ContactFact(rs.getString(2), rs.getBoolean(3))));
        }
        return found;
    }

    public Map<UUID, ReferralFact> referrals(int generation, Collection<UUID> referralIds) {
        Map<UUID, ReferralFact> found = new HashMap<>();
        if (!referralIds.isEmpty()) {
            select("SELECT referral_id, need, state FROM statistics_referral WHERE generation = ? "
                    + "AND referral_id = ANY (CAST(? AS uuid[]))", generation, strings(referralIds),
                    rs -> found.put(rs.getObject(1, UUID.class), new ReferralFact(rs.getString(2), rs.getString(3))));
        }
        return found;
    }

    public Map<UUID, FollowupFact> followups(int generation, Collection<UUID> followupIds) {
        Map<UUID, FollowupFact> found = new HashMap<>();
        if (!followupIds.isEmpty()) {
            select("SELECT followup_id, reference, clock_starts_at, target_at FROM statistics_followup "
                    + "WHERE generation = ? AND followup_id = ANY (CAST(? AS uuid[]))", generation,
                    strings(followupIds), rs -> found.put(rs.getObject(1, UUID.class), new FollowupFact(
                            rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                            rs.getObject(4, OffsetDateTime.class).toInstant())));
        }
        return found;
    }

    /** The events waiting for any of the keys, oldest first (they stay parked until {@link #deleteParked}). */
    public List<ParkedEvent> parked(int generation, Collection<String> keys) {
        List<ParkedEvent> found = new ArrayList<>();
        if (!keys.isEmpty()) {
            select("SELECT waits_for, event_id, event_type, payload FROM statistics_parked_event "
                    + "WHERE generation = ? AND waits_for = ANY (CAST(? AS text[])) ORDER BY parked_at, event_id",
                    generation, strings(keys), rs -> found.add(new ParkedEvent(rs.getString(1),
                            rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4))));
        }
        return found;
    }

    /** Contacts new to the generation, with whether their urgency is counted already. */
    public void insertContacts(int generation, Map<String, ContactFact> contacts) {
        if (contacts.isEmpty()) {
            return;
        }
        List<String> references = new ArrayList<>(contacts.keySet());
        update("INSERT INTO statistics_contact (generation, reference, state, urgency_counted) "
                + "SELECT ?, c.reference, c.state, c.urgency FROM unnest(CAST(? AS text[]), CAST(? AS text[]), "
                + "CAST(? AS boolean[])) AS c(reference, state, urgency) ON CONFLICT DO NOTHING", s -> {
                    s.setInt(1, generation);
                    s.setArray(2, s.getConnection().createArrayOf("text", references.toArray()));
                    s.setArray(3, s.getConnection().createArrayOf("text",
                            references.stream().map(r -> contacts.get(r).state()).toArray()));
                    s.setArray(4, s.getConnection().createArrayOf("boolean",
                            references.stream().map(r -> contacts.get(r).urgencyCounted()).toArray()));
                });
    }

    /** Marks the urgency of contacts known before as counted. */
    public void markUrgencyCounted(int generation, Collection<String> references) {
        if (references.isEmpty()) {
            return;
        }
        update("UPDATE statistics_contact SET urgency_counted = true WHERE generation = ? "
                + "AND reference = ANY (CAST(? AS text[]))", s -> {
                    s.setInt(1, generation);
                    s.setArray(2, s.getConnection().createArrayOf("text", strings(references)));
                });
    }

    public void insertReferrals(int generation, Map<UUID, ReferralFact> referrals) {
        if (referrals.isEmpty()) {
            return;
        }
        List<UUID> ids = new ArrayList<>(referrals.keySet());
        update("INSERT INTO statistics_referral (generation, referral_id, need, state) "
                + "SELECT ?, r.id, r.need, r.state FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), "
                + "CAST(? AS text[])) AS r(id, need, state) ON CONFLICT DO NOTHING", s -> {
                    s.setInt(1, generation);
                    s.setArray(2, s.getConnection().createArrayOf("text", strings(ids)));
                    s.setArray(3, s.getConnection().createArrayOf("text",
                            ids.stream().map(id -> referrals.get(id).need()).toArray()));
                    s.setArray(4, s.getConnection().createArrayOf("text",
                            ids.stream().map(id -> referrals.get(id).state()).toArray()));
                });
    }

    /** Records follow-ups' deadlines; a later schedule of a follow-up (a closure moved them) replaces them. */
    public void putFollowups(int generation, Map<UUID, FollowupFact> followups) {
        if (followups.isEmpty()) {
            return;
        }
        List<UUID> ids = new ArrayList<>(followups.keySet());
        update("INSERT INTO statistics_followup (generation, followup_id, reference, clock_starts_at, target_at) "
                + "SELECT ?, f.id, f.reference, f.starts, f.target FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), "
                + "CAST(? AS timestamptz[]), CAST(? AS timestamptz[])) AS f(id, reference, starts, target) "
                + "ON CONFLICT (generation, followup_id) DO UPDATE SET clock_starts_at = EXCLUDED.clock_starts_at, "
                + "target_at = EXCLUDED.target_at", s -> {
                    s.setInt(1, generation);
                    s.setArray(2, s.getConnection().createArrayOf("text", strings(ids)));
                    s.setArray(3, s.getConnection().createArrayOf("text",
                            ids.stream().map(id -> followups.get(id).reference()).toArray()));
                    s.setArray(4, s.getConnection().createArrayOf("text",
                            ids.stream().map(id -> followups.get(id).clockStartsAt().toString()).toArray()));
                    s.setArray(5, s.getConnection().createArrayOf("text",
                            ids.stream().map(id -> followups.get(id).targetAt().toString()).toArray()));
                });
    }

    public void park(int generation, List<ParkedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        update("INSERT INTO statistics_parked_event (generation, waits_for, event_id, event_type, payload) "
                + "SELECT ?, p.waits_for, p.event_id, p.event_type, p.payload FROM unnest(CAST(? AS text[]), "
                + "CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS text[])) AS p(waits_for, event_id, event_type, "
                + "payload) ON CONFLICT DO NOTHING", s -> bindParked(s, generation, events));
    }

    /** Removes parked events that were counted (or parked again under another key). */
    public void deleteParked(int generation, List<ParkedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        update("DELETE FROM statistics_parked_event p USING unnest(CAST(? AS text[]), CAST(? AS uuid[])) "
                + "AS d(waits_for, event_id) WHERE p.generation = ? AND p.waits_for = d.waits_for "
                + "AND p.event_id = d.event_id", s -> {
                    s.setArray(1, s.getConnection().createArrayOf("text",
                            events.stream().map(ParkedEvent::waitsFor).toArray()));
                    s.setArray(2, s.getConnection().createArrayOf("text",
                            events.stream().map(e -> e.eventId().toString()).toArray()));
                    s.setInt(3, generation);
                });
    }

    private static void bindParked(PreparedStatement s, int generation, List<ParkedEvent> events)
            throws SQLException {
        Connection c = s.getConnection();
        s.setInt(1, generation);
        s.setArray(2, c.createArrayOf("text", events.stream().map(ParkedEvent::waitsFor).toArray()));
        s.setArray(3, c.createArrayOf("text", events.stream().map(e -> e.eventId().toString()).toArray()));
        s.setArray(4, c.createArrayOf("text", events.stream().map(ParkedEvent::eventType).toArray()));
        s.setArray(5, c.createArrayOf("text", events.stream().map(ParkedEvent::payload).toArray()));
    }

    private static Object[] strings(Collection<?> values) {
        return values.stream().map(Object::toString).toArray();
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void select(String sql, int generation, Object[] keys, RowReader each) {
        query(sql, s -> {
            s.setInt(1, generation);
            s.setArray(2, s.getConnection().createArrayOf("text", keys));
        }, rs -> {
            while (rs.next()) {
                each.read(rs);
            }
            return null;
        });
    }

    private <T> T query(String sql, Binder binder, Reader<T> reader) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rs = statement.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Statistics facts: a statement failed", e);
        }
    }

    private void update(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Statistics facts: a statement failed", e);
        }
    }
}
