package org.hotline.fault;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.TopicPartition;
import org.hotline.contracts.Topics;

/**
 * Counts, for the tips of one case, what each service stored (its own schema, read as the database's owner) and what
 * each topic carries (read from the broker), and compares them with what the clients were told. The chain checked for
 * every stored tip: intake's contact row and its {@code hotline.tip.received} event, routing's decision row and its
 * {@code hotline.routing.decided} event, routing's referral rows and one {@code hotline.referral.issued} each, and for
 * every decision that owes a staff reply followup's row and its {@code hotline.followup.scheduled} event.
 */
final class SystemAudit {

    static final List<String> TOPICS = List.of(Topics.INTAKE_TIPS, Topics.ROUTING_DECISIONS, Topics.REFERRALS,
            Topics.FOLLOWUPS, Topics.INTAKE_DEAD_LETTER, Topics.ROUTING_DEAD_LETTER, Topics.FOLLOWUP_DEAD_LETTER);
    /** Who is owed a staff reply (DESIGN.md §6), from the decision's own columns. */
    private static final String OWES_FOLLOWUP = "(follow_up_requested OR (urgency = 'NON_URGENT' AND (handling = "
            + "'MESSAGE_TAKEN' OR channel IN ('WEB_FORM', 'EMAIL', 'TEXT'))))";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String jdbcUrl;
    private final TopicReader topics;

    SystemAudit(String jdbcUrl, String bootstrapServers) {
        this.jdbcUrl = jdbcUrl;
        this.topics = new TopicReader(bootstrapServers);
    }

    TopicReader topics() {
        return topics;
    }

    /** The end of every audited topic now: a case reads its events from there. */
    Map<TopicPartition, Long> mark() {
        return topics.endOffsets(TOPICS);
    }

    /** How far the system has got with a case's tips. */
    record Progress(long stored, long decided, long owed, long followups, long outbox) {

        boolean settled() {
            return decided == stored && followups == owed && outbox == 0;
        }

        @Override
        public String toString() {
            return "stored " + stored + ", decided " + decided + ", follow-ups " + followups + " of " + owed
                    + ", outbox rows " + outbox;
        }
    }

    /**
     * Waits until every stored tip of the case is decided, every owed follow-up exists and the three outboxes are
     * empty (all relayed), or the time is up. The audit then says what is missing.
     */
    Progress awaitSettled(String keyPrefix, Duration timeout) throws SQLException, InterruptedException {
        Instant giveUp = Instant.now().plus(timeout);
        Progress progress = progress(keyPrefix);
        while (!progress.settled() && Instant.now().isBefore(giveUp)) {
            Thread.sleep(1000);
            progress = progress(keyPrefix);
        }
        return progress;
    }

    Progress progress(String keyPrefix) throws SQLException {
        try (Connection db = connect()) {
            Array references = references(db, keyPrefix);
            return new Progress(
                    count(db, "SELECT count(*) FROM intake.contact WHERE idempotency_key LIKE ?", keyPrefix + "-%"),
                    count(db, "SELECT count(DISTINCT reference) FROM routing.decision WHERE reference = ANY(?)",
                            references),
                    count(db, "SELECT count(DISTINCT reference) FROM routing.decision WHERE reference = ANY(?) AND "
                            + OWES_FOLLOWUP, references),
                    count(db, "SELECT count(DISTINCT reference) FROM followup.followup WHERE reference = ANY(?)",
                            references),
                    count(db, "SELECT (SELECT count(*) FROM intake.outbox) + (SELECT count(*) FROM routing.outbox)"
                            + " + (SELECT count(*) FROM followup.outbox)"));
        }
    }

    /**
     * Audits a case: the tips answered 2xx (and any stored without a 2xx answer) against intake's rows, then every
     * stored tip down the chain, in the tables and on the topics from {@code since}.
     */
    void audit(String keyPrefix, List<TipLoad.Outcome> outcomes, Map<TopicPartition, Long> since,
            CaseReport report) throws SQLException {
        Map<String, String> answered = new HashMap<>();
        for (TipLoad.Outcome outcome : outcomes) {
            if (outcome.accepted()) {
                answered.put(outcome.key(), outcome.reference());
            }
        }
        report.figure("submitted", outcomes.size()).figure("accepted (2xx)", answered.size());

        Map<String, Set<String>> referencesByKey = new HashMap<>();
        Map<String, Integer> rowsByReference = new HashMap<>();
        Map<String, Integer> decisionRows = new HashMap<>();
        Set<String> owed = new HashSet<>();
        Map<String, List<String>> referralRows = new HashMap<>();
        Map<String, Integer> followupRows = new HashMap<>();
        try (Connection db = connect()) {
            try (PreparedStatement q = db.prepareStatement(
                    "SELECT idempotency_key, reference FROM intake.contact WHERE idempotency_key LIKE ?")) {
                q.setString(1, keyPrefix + "-%");
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        referencesByKey.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                    }
                }
            }
            Set<String> stored = new HashSet<>();
            referencesByKey.values().forEach(stored::addAll);
            stored.addAll(answered.values());
            Array references = db.createArrayOf("text", stored.toArray());
            query(db, "SELECT reference, count(*) FROM intake.contact WHERE reference = ANY(?) GROUP BY reference",
                    references, rs -> rowsByReference.put(rs.getString(1), rs.getInt(2)));
            query(db, "SELECT reference, " + OWES_FOLLOWUP + " FROM routing.decision WHERE reference = ANY(?)",
                    references, rs -> {
                        decisionRows.merge(rs.getString(1), 1, Integer::sum);
                        if (rs.getBoolean(2)) {
                            owed.add(rs.getString(1));
                        }
                    });
            query(db, "SELECT referral_id, reference, organization_id, need FROM routing.referral"
                    + " WHERE reference = ANY(?)", references, rs -> referralRows.computeIfAbsent(rs.getString(2),
                            k -> new ArrayList<>()).add(rs.getString(1) + " " + rs.getString(3) + " "
                            + rs.getString(4)));
            query(db, "SELECT reference, count(*) FROM followup.followup WHERE reference = ANY(?) GROUP BY reference",
                    references, rs -> followupRows.put(rs.getString(1), rs.getInt(2)));
        }

        // Intake: every 2xx answer is one stored tip, under its key, with the reference the client was given.
        answered.forEach((key, reference) -> {
            Set<String> forKey = referencesByKey.getOrDefault(key, Set.of());
            if (!forKey.contains(reference) || rowsByReference.getOrDefault(reference, 0) == 0) {
                report.lost("2xx answer without its tip in intake.contact", key + "=" + reference);
            }
        });
        referencesByKey.forEach((key, references) -> {
            if (references.size() > 1) {
                report.duplicated("tips for one Idempotency-Key", key + "=" + references);
            }
        });
        rowsByReference.forEach((reference, rows) -> {
            if (rows > 1) {
                report.duplicated("intake.contact rows for one reference", reference);
            }
        });
        Set<String> stored = new HashSet<>(rowsByReference.keySet());
        long storedWithoutAnswer = referencesByKey.keySet().stream().filter(k -> !answered.containsKey(k)).count();
        report.figure("tips in DB", stored.size());
        if (storedWithoutAnswer > 0) {
            report.note(storedWithoutAnswer + " tip(s) stored although their client got no 2xx answer (the request"
                    + " committed, its answer was lost); they are audited down the chain like the others");
        }

        // Events, read from the broker.
        List<TopicReader.Event> events = topics.read(TOPICS, since);
        Map<String, Map<String, Integer>> tipEvents = new HashMap<>();
        Map<String, Map<String, Integer>> decisionEvents = new HashMap<>();
        Map<String, Map<String, Set<String>>> decisionVersions = new HashMap<>();
        Map<String, Map<String, Integer>> referralEvents = new HashMap<>();
        Map<String, String> referralReference = new HashMap<>();
        Map<String, Map<String, Integer>> followupEvents = new HashMap<>();
        long deadLettered = 0;
        for (TopicReader.Event e : events) {
            boolean deadLetterTopic = e.topic().equals(Topics.INTAKE_DEAD_LETTER)
                    || e.topic().equals(Topics.ROUTING_DEAD_LETTER) || e.topic().equals(Topics.FOLLOWUP_DEAD_LETTER);
            if (deadLetterTopic && stored.contains(e.key())) {
                // A sound event of a stored tip given up as poison: its consumer will never apply it.
                report.lost("sound event in " + e.topic(), e.key() + " " + e.type());
                deadLettered++;
                continue;
            }
            if (e.topic().equals(Topics.INTAKE_TIPS) && "hotline.tip.received".equals(e.type())
                    && stored.contains(e.key())) {
                count(tipEvents, e.key(), e.id());
            } else if (e.topic().equals(Topics.ROUTING_DECISIONS) && stored.contains(e.key())) {
                count(decisionEvents, e.key(), e.id());
                JsonNode decision = json(e.value());
                decisionVersions.computeIfAbsent(e.key(), k -> new HashMap<>())
                        .computeIfAbsent(decision.path("decisionId").asText() + " " + decision.path("decidedAt").asText(),
                                k -> new HashSet<>()).add(e.id());
            } else if (e.topic().equals(Topics.REFERRALS) && "hotline.referral.issued".equals(e.type())) {
                JsonNode referral = json(e.value());
                String reference = referral.path("reference").asText();
                if (stored.contains(reference)) {
                    String referralId = referral.path("referralId").asText();
                    count(referralEvents, referralId, e.id());
                    referralReference.put(referralId, reference);
                }
            } else if (e.topic().equals(Topics.FOLLOWUPS) && "hotline.followup.scheduled".equals(e.type())) {
                String reference = json(e.value()).path("reference").asText();
                if (stored.contains(reference)) {
                    count(followupEvents, reference, e.id());
                }
            }
        }

        long redelivered = 0;
        redelivered += chain(report, stored, tipEvents, "hotline.tip.received event");
        report.figure("tip events", distinct(tipEvents));
        report.figure("decisions", decisionRows.size());
        for (String reference : stored) {
            int rows = decisionRows.getOrDefault(reference, 0);
            if (rows == 0) {
                report.lost("routing.decision row", reference);
            } else if (rows > 1) {
                report.duplicated("routing.decision rows", reference);
            }
        }
        redelivered += decisionChain(report, decisionRows.keySet(), decisionEvents, decisionVersions);
        report.figure("decision events", distinct(decisionEvents));
        for (String reference : decisionEvents.keySet()) {
            if (!decisionRows.containsKey(reference)) {
                report.duplicated("hotline.routing.decided event without its routing.decision row", reference);
            }
        }

        Set<String> referralIds = new HashSet<>();
        referralRows.forEach((reference, rows) -> {
            Set<String> targets = new HashSet<>();
            for (String row : rows) {
                String[] parts = row.split(" ", 2);
                referralIds.add(parts[0]);
                if (!targets.add(parts[1])) {
                    report.duplicated("referrals to one organisation for one need", reference + " " + parts[1]);
                }
            }
        });
        report.figure("referrals", referralIds.size());
        redelivered += chain(report, referralIds, referralEvents, "hotline.referral.issued event");
        report.figure("referral events", distinct(referralEvents));
        for (String referralId : referralEvents.keySet()) {
            if (!referralIds.contains(referralId)) {
                report.duplicated("hotline.referral.issued event without its routing.referral row",
                        referralReference.get(referralId) + " " + referralId);
            }
        }

        report.figure("follow-ups owed", owed.size());
        report.figure("follow-ups", followupRows.size());
        for (String reference : owed) {
            if (!followupRows.containsKey(reference)) {
                report.lost("followup.followup row", reference);
            }
        }
        followupRows.forEach((reference, rows) -> {
            if (rows > 1) {
                report.duplicated("followup.followup rows", reference);
            }
            if (!owed.contains(reference)) {
                report.duplicated("follow-up for a decision that owes none", reference);
            }
        });
        redelivered += chain(report, followupRows.keySet(), followupEvents, "hotline.followup.scheduled event");
        report.figure("follow-up events", distinct(followupEvents));
        report.figure("redelivered copies (same ce_id)", redelivered);
        report.figure("sound events dead-lettered", deadLettered);
    }

    /**
     * Each expected record must have exactly one event id on its topic: none is a loss, two are a duplicate (the same
     * id twice is a redelivery, which consumers drop). Returns the redelivered copies.
     */
    private static long chain(CaseReport report, Collection<String> expected, Map<String, Map<String, Integer>> events,
            String what) {
        long copies = 0;
        for (String record : expected) {
            Map<String, Integer> ids = events.getOrDefault(record, Map.of());
            if (ids.isEmpty()) {
                report.lost(what, record);
            } else if (ids.size() > 1) {
                report.duplicated(what + "s with different ce_id", record + " " + ids.keySet());
            }
            copies += ids.values().stream().mapToInt(n -> n - 1).sum();
        }
        return copies;
    }

    /**
     * A decision is published once when it is made and again, under the same decision id with a later
     * {@code decidedAt}, each time it is revised (an escalation's re-referral, a reporter's later message): those are
     * revisions, counted apart. Two decision ids for one tip are two decisions; two event ids for one decision id and
     * {@code decidedAt} are one revision appended twice. Both are duplicates. Returns the redelivered copies.
     */
    private static long decisionChain(CaseReport report, Collection<String> decided,
            Map<String, Map<String, Integer>> events, Map<String, Map<String, Set<String>>> versions) {
        long copies = 0;
        long revisions = 0;
        for (String reference : decided) {
            Map<String, Integer> ids = events.getOrDefault(reference, Map.of());
            if (ids.isEmpty()) {
                report.lost("hotline.routing.decided event", reference);
                continue;
            }
            copies += ids.values().stream().mapToInt(n -> n - 1).sum();
            Map<String, Set<String>> byVersion = versions.getOrDefault(reference, Map.of());
            long decisionIds = byVersion.keySet().stream().map(v -> v.split(" ", 2)[0]).distinct().count();
            if (decisionIds > 1) {
                report.duplicated("decisions (distinct decision ids) for one tip", reference);
            }
            byVersion.forEach((version, eventIds) -> {
                if (eventIds.size() > 1) {
                    report.duplicated("hotline.routing.decided events with different ce_id for one revision",
                            reference + " " + eventIds);
                }
            });
            revisions += byVersion.size() - 1;
        }
        report.figure("decision revisions (escalations, re-assessments)", revisions);
        return copies;
    }

    private static long distinct(Map<String, Map<String, Integer>> events) {
        return events.values().stream().mapToLong(Map::size).sum();
    }

    private static void count(Map<String, Map<String, Integer>> events, String record, String eventId) {
        events.computeIfAbsent(record, k -> new HashMap<>()).merge(String.valueOf(eventId), 1, Integer::sum);
    }

    private static JsonNode json(String value) {
        try {
            return JSON.readTree(value == null ? "null" : value);
        } catch (java.io.IOException e) {
            return JSON.nullNode();
        }
    }

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void query(Connection db, String sql, Array references, Row row) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.setArray(1, references);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }

    private static Array references(Connection db, String keyPrefix) throws SQLException {
        List<String> references = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement(
                "SELECT reference FROM intake.contact WHERE idempotency_key LIKE ?")) {
            q.setString(1, keyPrefix + "-%");
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    references.add(rs.getString(1));
                }
            }
        }
        return db.createArrayOf("text", references.toArray());
    }

    private static long count(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                q.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The database's owner: it reads every service's schema, as an auditor would; the services cannot. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }

    /** The idempotency keys of a case that have a stored tip. */
    Set<String> storedKeys(String keyPrefix) throws SQLException {
        Set<String> keys = new HashSet<>();
        try (Connection db = connect(); PreparedStatement q = db.prepareStatement(
                "SELECT idempotency_key FROM intake.contact WHERE idempotency_key LIKE ?")) {
            q.setString(1, keyPrefix + "-%");
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        return keys;
    }
}
